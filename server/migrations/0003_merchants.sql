-- 0003: the merchants this server serves and their terminals (no secrets here: secureCodes live in the
-- configuration, OCEANPAYMENT_TERMINALS). Every merchant-owned table references merchants(account).

create table merchants (
  account    text primary key check (account ~ '^[0-9]{6}$'),
  -- 主账号名称 (Me page); the account number until ODPM data names it.
  name       text not null,
  created_at timestamptz not null default now()
);

create table terminals (
  terminal   text primary key check (terminal ~ '^[0-9]{8,12}$'),
  account    text not null references merchants (account) on delete cascade,
  name       text not null,
  created_at timestamptz not null default now()
);

create index terminals_account_idx on terminals (account);
