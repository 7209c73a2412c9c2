-- 0013: acting from the phone (SPEC §4, contract/actions.ts): the action log, the action PIN, idempotency keys and
-- the daily refund limits the admin sets. Refund results reach the user as messages of a new kind.

-- Every attempt at an action, allowed or refused, is one row: the audit log and the state of the action at once
-- (a refund's row moves pending/unknown → succeeded/failed as it is reconciled). Who did it is copied (username,
-- masked phone), so the log still reads right after the account is renamed or deleted.
create table actions (
  id              uuid primary key,
  merchant        text not null references merchants (account) on delete cascade,
  account_id      uuid not null,
  username        text not null,
  masked_phone    text not null,
  kind            text not null check (kind in ('refund', 'capture', 'void', 'tracking', 'order-query', 'card-bin', 'health-check')),
  payment_id      text,
  order_number    text,
  currency        text check (currency ~ '^[A-Z]{3}$'),
  amount_minor    bigint check (amount_minor > 0),
  status          text not null check (status in ('pending', 'unknown', 'succeeded', 'failed')),
  failure         text,
  -- Oceanpayment's result code and, for a refund, its refund_id; our refund_number is the action id.
  gateway_code    text,
  gateway_ref     text,
  -- What the action asked beyond the amount (refund reason, tracking number…), for the audit trail; never a PIN.
  detail          jsonb not null default '{}',
  request_id      text not null,
  idempotency_key text,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  -- When the reconciler looks at a pending/unknown action next; null once final.
  next_check_at   timestamptz,
  constraint actions_amount_whole check ((currency is null) = (amount_minor is null)),
  constraint actions_failure_only_when_failed check ((status = 'failed') = (failure is not null))
);

create index actions_merchant_time_idx on actions (merchant, created_at desc, id desc);
create index actions_payment_idx on actions (merchant, payment_id, created_at desc);
create index actions_open_idx on actions (next_check_at) where status in ('pending', 'unknown');

-- The action PIN, only as a slow salted hash (scrypt, parameters in the string). failed_tries counts wrong tries in
-- a row; locked_at is set at the fifth and only the ODPM admin clears it (by deleting the row: the PIN is set anew).
create table action_pins (
  account_id   uuid primary key references miniprogram_accounts (id) on delete cascade,
  pin_hash     text not null,
  failed_tries smallint not null default 0 check (failed_tries >= 0),
  locked_at    timestamptz,
  updated_at   timestamptz not null default now()
);

-- Stripe's idempotency: one row per (account, key). The first request claims the key with its body's hash; the
-- answer is stored when it is known, and a replay with the same hash gets it back. Kept at least 24 h.
create table idempotency_keys (
  account_id    uuid not null references miniprogram_accounts (id) on delete cascade,
  key           text not null check (key ~ '^[A-Za-z0-9_-]{8,64}$'),
  kind          text not null,
  request_hash  text not null check (request_hash ~ '^[0-9a-f]{64}$'),
  action_id     uuid references actions (id) on delete set null,
  response_code smallint,
  response_body jsonb,
  created_at    timestamptz not null default now(),
  primary key (account_id, key)
);

create index idempotency_keys_created_idx on idempotency_keys (created_at);

-- The most an account may refund per Beijing day in a currency (optional: no row, no limit).
create table refund_limits (
  account_id uuid not null references miniprogram_accounts (id) on delete cascade,
  currency   text not null check (currency ~ '^[A-Z]{3}$'),
  daily_minor bigint not null check (daily_minor > 0),
  primary key (account_id, currency)
);

-- A refund's result is a message of its own kind.
alter table messages drop constraint messages_kind_check;
alter table messages add constraint messages_kind_check check (kind in ('announcement', 'chargeback', 'fraud', 'retrieval', 'refund'));

-- Only for kind 'refund': how the refund ended (a failed one says why in reason_code/reason).
alter table messages add column refund_outcome text check (refund_outcome in ('succeeded', 'failed'));
alter table messages add constraint messages_refund_outcome_kind check ((kind = 'refund') = (refund_outcome is not null));

-- The one ledger of refunds added to transactions.refunded_minor, keyed by Oceanpayment's refund_id: a refund
-- notice, a Refund Query answer of the reconciler and a gap-filled record of the same refund add it once.
-- amount_minor null: a full refund whose amount the notice did not state (the whole payment).
create table transaction_refunds (
  account      text not null,
  refund_id    text not null check (length(refund_id) between 1 and 64),
  payment_id   text not null,
  amount_minor bigint check (amount_minor > 0),
  source       text not null check (source in ('notice', 'query', 'action')),
  applied_at   timestamptz not null default now(),
  primary key (account, refund_id)
);

-- Sum of today's refunds of an account in a currency (the daily limit), and the open refunds of a payment.
create index actions_refund_day_idx on actions (account_id, currency, created_at) where kind = 'refund';
