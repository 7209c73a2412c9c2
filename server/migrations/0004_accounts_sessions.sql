-- 0004: mini-program accounts (SPEC §2), their sessions, the nonces of signed requests and login rate limits.
-- Times the application compares against its own (injectable) clock are Unix milliseconds in bigint columns;
-- times only shown to people are timestamptz.

-- At most 10 accounts per merchant, held by the database itself: every account occupies one of the merchant's
-- slots 1..10, and (merchant, slot) is unique. No interleaving of requests, in one process or many, can make an
-- eleventh row. Creation also locks the merchant row so concurrent creators queue instead of colliding.
create table miniprogram_accounts (
  id          uuid primary key,
  merchant    text not null references merchants (account) on delete cascade,
  slot        smallint not null check (slot between 1 and 10),
  -- Mainland numbers as 11 digits, others as +<country code><number>.
  phone       text not null check (phone ~ '^(1[3-9][0-9]{9}|\+[1-9][0-9]{6,14})$'),
  username    text not null check (length(username) between 1 and 32),
  position    text not null default '' check (length(position) <= 32),
  enabled     boolean not null default true,
  permissions text[] not null default '{}',
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  constraint miniprogram_accounts_slot_key unique (merchant, slot),
  constraint miniprogram_accounts_phone_key unique (merchant, phone)
);

-- Login looks accounts up by the phone WeChat returns, across merchants.
create index miniprogram_accounts_phone_idx on miniprogram_accounts (phone);

-- A session lives while it is used: idle for SESSION_IDLE_SECONDS, it is dead. The token is kept only as its
-- SHA-256, so a copy of this table cannot be used to call the API. The signing key has to be kept as is
-- (verifying an HMAC needs it), but without the token it opens nothing.
create table sessions (
  id           uuid primary key,
  token_hash   text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  signing_key  text not null check (signing_key ~ '^[0-9a-f]{64}$'),
  account_id   uuid not null references miniprogram_accounts (id) on delete cascade,
  created_at   bigint not null,
  last_seen_at bigint not null
);

create index sessions_account_idx on sessions (account_id);
create index sessions_last_seen_idx on sessions (last_seen_at);

-- Nonces of accepted signed requests, per session, kept until no request carrying them could pass the
-- timestamp window any more; then pruned.
create table request_nonces (
  session_id uuid not null references sessions (id) on delete cascade,
  nonce      text not null,
  expires_at bigint not null,
  primary key (session_id, nonce)
);

create index request_nonces_expires_idx on request_nonces (expires_at);

-- Fixed-window counters shared by every server process: one row per (bucket, window start).
create table rate_limits (
  bucket       text not null,
  window_start bigint not null,
  hits         integer not null,
  expires_at   bigint not null,
  primary key (bucket, window_start)
);

create index rate_limits_expires_idx on rate_limits (expires_at);
