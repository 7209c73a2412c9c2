-- 0009: 记账时间 (booked_at), case-insensitive ID look-ups across the year, and a status dimension on 0008's day
-- rollup so 金额统计 (successful payments only) stays a rollup read.
--
-- 1. transactions.booked_at, 记账时间: when the amount was booked to the merchant's account in the booking
--    currency — a sale when it succeeds, a pre-authorization when it is captured. Null while nothing is booked
--    (failed, pending, an authorization not captured or voided). docs/filters.md defines it.
alter table transactions add column booked_at timestamptz;

-- Rows that exist before this migration: a sale was booked when it succeeded (its 交易时间), a captured
-- authorization no later than that, the best the stored data says.
update transactions set booked_at = payment_time
 where status = 'success' and (txn_type = 'sale' or auth_status = 'captured');

-- Keyset pages by 记账时间, newest first, like 0005's two other time types; it also carries what the totals read
-- (count, 金额统计 in either currency, by status), so a 记账时间 range's totals are an index-only scan.
create index transactions_account_booked_idx on transactions (account, booked_at desc, payment_id desc)
  include (status, currency, amount_minor, booking_currency, booking_amount_minor)
  where booked_at is not null;

-- 2. An ID pasted from an e-mail is found whatever its case: order number, payment ID and both batch numbers are
--    compared lower-cased, through these indexes (a year of rows is never scanned for one ID).
create index transactions_account_order_lower_idx on transactions (account, lower(order_number));
create index transactions_account_payment_lower_idx on transactions (account, lower(payment_id));
create index transactions_funds_batch_lower_idx on transactions (account, lower(funds_batch_no))
  where funds_batch_no is not null;
create index transactions_deposit_batch_lower_idx on transactions (account, lower(deposit_batch_no))
  where deposit_batch_no is not null;

-- 3. The day rollup gains the status: its count is of every status, its 金额统计 of successful payments (or of the
--    status filtered on). A status changes (pending → success), so the update trigger now also moves a row when
--    its status changes. Rebuilt from the rows: it is exact by construction.
drop trigger transactions_day_totals_update on transactions;
drop table transaction_day_totals;

create table transaction_day_totals (
  account      text not null,
  day          date not null,        -- Beijing (UTC+8, no daylight saving) calendar day of payment_time
  terminal     text not null,
  currency     char(3) not null,
  status       text not null,
  txn_count    bigint not null,
  amount_minor bigint not null,
  primary key (account, day, terminal, currency, status)
);

create or replace function transaction_day_totals_add() returns trigger language plpgsql as $$
begin
  insert into transaction_day_totals (account, day, terminal, currency, status, txn_count, amount_minor)
  select account, transaction_beijing_day(payment_time), terminal, currency, status, count(*), sum(amount_minor)
  from new_rows
  group by 1, 2, 3, 4, 5
  order by 1, 2, 3, 4, 5   -- a fixed lock order: concurrent writers queue instead of deadlocking
  on conflict (account, day, terminal, currency, status) do update
    set txn_count = transaction_day_totals.txn_count + excluded.txn_count,
        amount_minor = transaction_day_totals.amount_minor + excluded.amount_minor;
  return null;
end $$;

create or replace function transaction_day_totals_remove() returns trigger language plpgsql as $$
begin
  update transaction_day_totals d
     set txn_count = d.txn_count - o.txn_count, amount_minor = d.amount_minor - o.amount_minor
    from (select account, transaction_beijing_day(payment_time) as day, terminal, currency, status,
                 count(*) as txn_count, sum(amount_minor) as amount_minor
            from old_rows group by 1, 2, 3, 4, 5) o
   where d.account = o.account and d.day = o.day and d.terminal = o.terminal and d.currency = o.currency
     and d.status = o.status;
  delete from transaction_day_totals where txn_count = 0;
  return null;
end $$;

create or replace function transaction_day_totals_move() returns trigger language plpgsql as $$
begin
  update transaction_day_totals
     set txn_count = txn_count - 1, amount_minor = amount_minor - old.amount_minor
   where account = old.account and day = transaction_beijing_day(old.payment_time)
     and terminal = old.terminal and currency = old.currency and status = old.status;
  insert into transaction_day_totals (account, day, terminal, currency, status, txn_count, amount_minor)
  values (new.account, transaction_beijing_day(new.payment_time), new.terminal, new.currency, new.status, 1,
          new.amount_minor)
  on conflict (account, day, terminal, currency, status) do update
    set txn_count = transaction_day_totals.txn_count + 1,
        amount_minor = transaction_day_totals.amount_minor + excluded.amount_minor;
  delete from transaction_day_totals where txn_count = 0;
  return null;
end $$;

create trigger transactions_day_totals_update after update of account, payment_time, terminal, currency, amount_minor,
  status on transactions for each row
  when (old.account is distinct from new.account or old.payment_time is distinct from new.payment_time
        or old.terminal is distinct from new.terminal or old.currency is distinct from new.currency
        or old.amount_minor is distinct from new.amount_minor or old.status is distinct from new.status)
  execute function transaction_day_totals_move();

insert into transaction_day_totals (account, day, terminal, currency, status, txn_count, amount_minor)
select account, transaction_beijing_day(payment_time), terminal, currency, status, count(*), sum(amount_minor)
from transactions group by 1, 2, 3, 4, 5;
