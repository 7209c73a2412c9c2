-- 0006: Oceanpayment's business-order notifications as received (webhook) or found by the gap-filling
-- business-orders query. One row per (account, push_id, notice_type): Oceanpayment retries a notice up to five
-- times and the query returns what notices already brought, so the unique key is what makes every effect (case,
-- message, refund) happen once. Only the fields the effects and support need are kept; never a card number.
-- No foreign keys on purpose: a signed notice for a merchant or payment this store does not know yet is still
-- kept, and applied once they appear (effect = 'waiting').

create table notifications (
  id               bigint generated always as identity primary key,
  account          text not null check (account ~ '^[0-9]{6}$'),
  terminal         text not null check (terminal ~ '^[0-9]{8,12}$'),
  -- Oceanpayment's id of the notice (for refunds the refund ID).
  push_id          text not null check (push_id <> ''),
  -- refund, partialRefund, chargeBack, re-presentment, retrieval, reversal-retrieval, fraud, ARN, highRisk,
  -- dispute, disputes-period; unknown types are kept too (and have no effect).
  notice_type      text not null check (notice_type <> ''),
  -- 0 failed, 1 succeeded, 2 in dispute (kept as received).
  push_status      text not null,
  push_details     text not null default '',
  payment_id       text not null,
  order_number     text not null default '',
  -- order_currency / order_amount as received: a decimal string, never a float.
  currency         text,
  amount           text,
  -- What a successful refund took back, in `refund_currency`: from the notice when it says, otherwise from the
  -- refund query (Oceanpayment's business-order record names the order's amount, not the refund's).
  refund_currency  text,
  refund_amount    text,
  refund_number    text,
  refund_reference text,
  card_type        text,
  card_country     text,
  -- push_dateTime (Beijing time on the wire), when it parsed.
  pushed_at        timestamptz,
  source           text not null check (source in ('notification', 'query')),
  -- applied: its effects are in place; waiting: they need the merchant or the payment first; none: nothing to do.
  effect           text not null check (effect in ('applied', 'waiting', 'none')),
  received_at      timestamptz not null default now(),
  applied_at       timestamptz,
  unique (account, push_id, notice_type)
);

create index notifications_waiting_idx on notifications (id) where effect = 'waiting';
create index notifications_payment_idx on notifications (payment_id);
