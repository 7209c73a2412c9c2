-- 0002: the built-in Oceanpayment sandbox (server/src/sandbox). Its own world, prefixed sandbox_: it never reads
-- or writes the assistant's tables, exactly as the real Oceanpayment would not. Money is integer minor units plus
-- an ISO 4217 currency; timestamps carry their zone (the API shows them in Beijing time).

-- Terminals the sandbox signs for. secure_code is a sandbox-only secret: it checks signValue and signs notices.
create table sandbox_terminals (
  terminal    text primary key check (terminal ~ '^[0-9]{8,12}$'),
  account     text not null check (account ~ '^[0-9]{6}$'),
  secure_code text not null check (secure_code <> ''),
  name        text not null
);

-- What a merchant account can pay refunds from; a refund that settles against too little fails.
create table sandbox_balances (
  account         text not null check (account ~ '^[0-9]{6}$'),
  currency        text not null check (currency ~ '^[A-Z]{3}$'),
  available_minor bigint not null,
  primary key (account, currency)
);

-- One payment attempt (Oceanpayment's payment_id). Several attempts may share a merchant order number.
create table sandbox_orders (
  payment_id     text primary key,
  terminal       text not null references sandbox_terminals (terminal),
  order_number   text not null,
  currency       text not null check (currency ~ '^[A-Z]{3}$'),
  amount_minor   bigint not null check (amount_minor >= 0),
  -- -1 pending, 1 success, 0 failure (payment_results)
  payment_status smallint not null check (payment_status in (-1, 0, 1)),
  -- code:description
  payment_details text not null,
  payment_method text not null,
  -- 'online' or 'offline' (offline WeChat Pay / Alipay: the only ones that may be reversed)
  channel        text not null check (channel in ('online', 'offline')),
  card_type      text not null default '',
  card_country   text not null default '',
  -- already masked: first six and last four digits only
  card_number    text not null default '',
  -- pre-authorizations: pending → captured | voided; any offline payment: → reversed
  auth_status    text check (auth_status in ('pending', 'captured', 'voided', 'reversed')),
  authorized_minor bigint,
  captured_minor bigint,
  auth_changed_at timestamptz,
  tracking_number  text,
  tracking_site    text,
  tracking_handler text,
  tracking_at      timestamptz,
  created_at     timestamptz not null
);

create index sandbox_orders_terminal_order_idx on sandbox_orders (terminal, order_number, created_at desc);
create index sandbox_orders_terminal_created_idx on sandbox_orders (terminal, created_at, payment_id);

create table sandbox_refunds (
  refund_id        text primary key,
  payment_id       text not null references sandbox_orders (payment_id),
  terminal         text not null references sandbox_terminals (terminal),
  refund_number    text,
  refund_reference text,
  -- 1 full, 2 partial
  refund_type      smallint not null check (refund_type in (1, 2)),
  amount_minor     bigint not null check (amount_minor > 0),
  currency         text not null,
  description      text not null,
  status           text not null check (status in ('pending', 'success', 'failure')),
  details          text not null default '',
  requested_at     timestamptz not null,
  -- when a pending refund is decided (lazily, on the first read at or after this time)
  settle_at        timestamptz not null,
  settled_at       timestamptz
);

-- The merchant's own refund number is its idempotency key: one per terminal.
create unique index sandbox_refunds_number_idx on sandbox_refunds (terminal, refund_number)
  where refund_number is not null;
create index sandbox_refunds_payment_idx on sandbox_refunds (payment_id);
create index sandbox_refunds_due_idx on sandbox_refunds (settle_at) where status = 'pending';

-- Business-order cases raised on a payment: chargebacks, retrievals, fraud, disputes …
create table sandbox_cases (
  case_id      text primary key,
  payment_id   text not null references sandbox_orders (payment_id),
  terminal     text not null references sandbox_terminals (terminal),
  notice_type  text not null check (notice_type in ('chargeBack', 're-presentment', 'retrieval',
                 'reversal-retrieval', 'fraud', 'highRisk', 'dispute', 'disputes-period')),
  -- 0 failed, 1 succeeded, 2 in dispute
  push_status  smallint not null check (push_status in (0, 1, 2)),
  details      text not null,
  amount_minor bigint not null check (amount_minor >= 0),
  currency     text not null,
  -- exception time: when the case arose; review time: when Oceanpayment recorded it
  exception_at timestamptz not null,
  reviewed_at  timestamptz not null
);

create index sandbox_cases_terminal_exception_idx on sandbox_cases (terminal, exception_at);
create index sandbox_cases_terminal_reviewed_idx on sandbox_cases (terminal, reviewed_at);
create index sandbox_cases_payment_idx on sandbox_cases (payment_id);

-- Customs declarations: one successful submission (type 1) per payment and sub-order; resubmits (type 2) append.
create table sandbox_customs (
  declaration_id   text primary key,
  payment_id       text not null references sandbox_orders (payment_id),
  sub_order_number text not null default '',
  type             smallint not null check (type in (1, 2)),
  customs          text not null,
  customs_number   text not null,
  customs_name     text not null,
  price            text not null,
  total_amount     text not null,
  shipping_fee     text not null,
  submitted_at     timestamptz not null
);

create unique index sandbox_customs_first_idx on sandbox_customs (payment_id, sub_order_number) where type = 1;

-- Business-order notifications to the merchant's notice URL: kept here so retries survive a restart.
create table sandbox_notifications (
  notification_id text primary key,
  terminal        text not null references sandbox_terminals (terminal),
  payment_id      text not null,
  notice_type     text not null,
  push_id         text not null,
  url             text not null,
  -- the signed XML document, sent as is on every attempt
  body            text not null,
  state           text not null check (state in ('pending', 'delivered', 'failed')),
  attempts        integer not null default 0 check (attempts >= 0),
  last_status     integer,
  last_error      text,
  next_attempt_at timestamptz,
  created_at      timestamptz not null,
  delivered_at    timestamptz
);

create index sandbox_notifications_due_idx on sandbox_notifications (next_attempt_at) where state = 'pending';
