-- 0011: a case keeps its answer deadline, and a message carries what it is about rather than a text in one language.
--
-- 1. Oceanpayment's business-order notices (and the business-orders query records) carry payment_cpdTime, the date
--    by which the merchant must answer a case. It was dropped; the notice keeps it (a waiting notice is applied
--    later from its row) and so does the case it opens. Null where the source gave none (older rows, refunds).
-- 2. Messages made from notices are worded by the client in the reader's language from these facts (kind, order,
--    amount, reason, deadline), so a message never shows Chinese to an English reader. Their title/body columns
--    are no longer written (null); rows made before 0011 keep theirs and simply have no facts. Announcements are
--    written by people: title/body hold the zh-CN text, title_en/body_en the en-US one.

alter table notifications add column cpd_time timestamptz;

alter table order_cases add column deadline_at timestamptz;

alter table messages
  alter column title drop not null,
  alter column body drop not null,
  add column currency text check (currency ~ '^[A-Z]{3}$'),
  add column amount_minor bigint check (amount_minor >= 0),
  add column reason_code text,
  add column reason text,
  add column deadline_at timestamptz,
  add column title_en text,
  add column body_en text,
  -- An amount is a currency and a number, never one without the other.
  add constraint messages_amount_whole check ((currency is null) = (amount_minor is null)),
  add constraint messages_announcement_text check (kind <> 'announcement' or (title is not null and body is not null));
