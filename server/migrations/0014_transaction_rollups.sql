-- 0014 (issue 14): exact rollups for the filtered list's first page and for the charts, so that a year of a
-- million payments is summed from tens of thousands of rollup rows plus the two partial days at the range's ends,
-- instead of every matching row. docs/performance.md ("Since 0014") says which filters and charts they answer and
-- why the rest keep reading rows.
--
-- Two tables, each in "facets": a payment adds one row per facet (pre-aggregated per statement), and a facet holds
-- only the dimensions that are filtered or grouped together. One wide key would not help: the list's eleven
-- dimensions together have ~320,000 distinct values a year at a million payments (3 payments per rollup row).
--
-- 1. transaction_list_facets: the list's count and 金额统计 by time type (交易/划款/记账时间, one row set each,
--    a payment counted under every time it has), Beijing day, status, currency and booking currency, and
--      facet 'card':       card brand, transaction type, pre-authorization status;
--      facet 'fulfilment': tracking uploaded, delivery status, funds and deposit settlement states.
--    The unused facet's columns are null.
-- 2. transaction_chart_facets: counts by Beijing payment day, terminal, card brand and status, and
--      facet 'day':       whether a successful payment was refunded, charged back, reported as fraud (overview,
--                         success rate, the case charts);
--      facet 'country':   the card's country;
--      facet 'failure':   the failure reason of a failed payment (the chart's key);
--      facet 'logistics': 'no_tracking' or the delivery status of a successful payment (the chart's key).
--
-- Kept exact by statement-level triggers with transition tables on insert, update and delete of transactions
-- (every writer — refunds, captures, voids, tracking, delivery, settlement and booking — updates transactions), and
-- emptied on truncate: an update adds the new rows' facets and subtracts the old rows', so only the groups whose
-- figures change are written.

-- 3. transactions.has_chargeback / has_fraud: whether the payment has a chargeback / fraud case (open or handled),
--    kept by triggers on order_cases, so the case charts' cohort counts roll up with the payment instead of joining
--    every case to its payment at each read. A new payment has no case (order_cases references it), so the
--    insert trigger clears flags an insert may have copied.
alter table transactions add column has_chargeback boolean not null default false,
                         add column has_fraud boolean not null default false;
update transactions t set has_chargeback = exists (select 1 from order_cases c where c.payment_id = t.payment_id and c.kind = 'chargeback'),
                          has_fraud = exists (select 1 from order_cases c where c.payment_id = t.payment_id and c.kind = 'fraud')
 where t.payment_id in (select payment_id from order_cases where kind in ('chargeback', 'fraud'));

create function transaction_case_flags_follow() returns trigger language plpgsql as $$
begin
  execute format($q$
    update transactions t
       set has_chargeback = exists (select 1 from order_cases c where c.payment_id = t.payment_id and c.kind = 'chargeback'),
           has_fraud = exists (select 1 from order_cases c where c.payment_id = t.payment_id and c.kind = 'fraud')
     where t.payment_id in (%s)
       and (t.has_chargeback, t.has_fraud) is distinct from (
             exists (select 1 from order_cases c where c.payment_id = t.payment_id and c.kind = 'chargeback'),
             exists (select 1 from order_cases c where c.payment_id = t.payment_id and c.kind = 'fraud'))
  $q$, case tg_op
    when 'INSERT' then 'select payment_id from new_rows'
    when 'DELETE' then 'select payment_id from old_rows'
    else 'select payment_id from new_rows union select payment_id from old_rows' end);
  return null;
end $$;

create trigger order_cases_flags_insert after insert on order_cases
  referencing new table as new_rows for each statement execute function transaction_case_flags_follow();
create trigger order_cases_flags_update after update on order_cases
  referencing new table as new_rows old table as old_rows for each statement execute function transaction_case_flags_follow();
create trigger order_cases_flags_delete after delete on order_cases
  referencing old table as old_rows for each statement execute function transaction_case_flags_follow();

create table transaction_list_facets (
  account              text not null,
  time_type            text not null check (time_type in ('payment', 'settlement', 'booked')),
  day                  date not null,       -- Beijing day of that time (transaction_beijing_day)
  facet                text not null check (facet in ('card', 'fulfilment')),
  status               text not null,
  currency             char(3) not null,
  booking_currency     char(3) not null,
  card_brand           text,
  txn_type             text,
  auth_status          text,
  tracking             boolean,
  delivery_status      text,
  funds_status         text,
  deposit_status       text,
  txn_count            bigint not null,
  amount_minor         bigint not null,
  booking_amount_minor bigint not null
);

-- The key; null is a value of its own (a card brand absent, an authorization status of a sale).
create unique index transaction_list_facets_key on transaction_list_facets
  (account, time_type, facet, day, status, currency, booking_currency, card_brand, txn_type, auth_status, tracking,
   delivery_status, funds_status, deposit_status) nulls not distinct;
-- Emptied groups are deleted after each write through this (tiny) index instead of a scan of the table.
create index transaction_list_facets_empty on transaction_list_facets (account) where txn_count = 0;

create table transaction_chart_facets (
  account    text not null,
  day        date not null,                 -- Beijing day of payment_time
  facet      text not null check (facet in ('day', 'country', 'failure', 'logistics')),
  terminal   text not null,
  card_brand text,
  status     text not null,
  key        text,
  refunded   boolean not null,
  chargeback boolean not null,
  fraud      boolean not null,
  txn_count  bigint not null
);

create unique index transaction_chart_facets_key on transaction_chart_facets
  (account, facet, day, terminal, card_brand, status, key, refunded, chargeback, fraud) nulls not distinct;
create index transaction_chart_facets_empty on transaction_chart_facets (account) where txn_count = 0;

-- The two upserts as text over a source of signed transactions ("select 1 as sign, * from new_rows"): a trigger
-- function EXECUTEs them, as only its own statements see its transition tables. The facet expressions here are the
-- ones server/src/repositories/transaction-rollups.ts applies to the partial days' rows.
create function transaction_list_facets_sql(source text) returns text language sql immutable as $f$
  select format($q$
    insert into transaction_list_facets as r (account, time_type, day, facet, status, currency, booking_currency,
      card_brand, txn_type, auth_status, tracking, delivery_status, funds_status, deposit_status, txn_count,
      amount_minor, booking_amount_minor)
    select account, time_type, day, facet, status, currency, booking_currency, card_brand, txn_type, auth_status,
           tracking, delivery_status, funds_status, deposit_status, sum(sign), sum(sign * amount_minor),
           sum(sign * booking_amount_minor)
    from (
      select c.sign, c.account, tt.time_type, transaction_beijing_day(tt.at) as day, f.facet, c.status, c.currency,
             c.booking_currency, c.amount_minor, c.booking_amount_minor,
             case when f.facet = 'card' then c.card_brand end as card_brand,
             case when f.facet = 'card' then c.txn_type end as txn_type,
             case when f.facet = 'card' then c.auth_status end as auth_status,
             case when f.facet = 'fulfilment' then c.tracking_number is not null end as tracking,
             case when f.facet = 'fulfilment' then c.delivery_status end as delivery_status,
             case when f.facet = 'fulfilment' then c.funds_status end as funds_status,
             case when f.facet = 'fulfilment' then c.deposit_status end as deposit_status
      from (%s) c
      cross join lateral (values ('payment', c.payment_time), ('settlement', c.settlement_time), ('booked', c.booked_at))
        as tt (time_type, at)
      cross join (values ('card'), ('fulfilment')) as f (facet)
      where tt.at is not null
    ) x
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    having sum(sign) <> 0 or sum(sign * amount_minor) <> 0 or sum(sign * booking_amount_minor) <> 0
    order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14   -- a fixed lock order: concurrent writers queue
    on conflict (account, time_type, facet, day, status, currency, booking_currency, card_brand, txn_type,
                 auth_status, tracking, delivery_status, funds_status, deposit_status)
    do update set txn_count = r.txn_count + excluded.txn_count, amount_minor = r.amount_minor + excluded.amount_minor,
                  booking_amount_minor = r.booking_amount_minor + excluded.booking_amount_minor
  $q$, source)
$f$;

create function transaction_chart_facets_sql(source text) returns text language sql immutable as $f$
  select format($q$
    insert into transaction_chart_facets as r (account, day, facet, terminal, card_brand, status, key, refunded,
      chargeback, fraud, txn_count)
    select account, day, facet, terminal, card_brand, status, key, refunded, chargeback, fraud, sum(sign)
    from (
      select c.sign, c.account, transaction_beijing_day(c.payment_time) as day, f.facet, c.terminal, c.card_brand,
             c.status, f.key, f.day and c.status = 'success' and c.refund_status <> 'none' as refunded,
             f.day and c.status = 'success' and c.has_chargeback as chargeback,
             f.day and c.status = 'success' and c.has_fraud as fraud
      from (%s) c
      cross join lateral (values
        ('day', null::text, true, true),
        ('country', c.card_country, false, true),
        ('failure', coalesce(c.failure_code || ' ' || c.failure_reason, c.failure_reason, c.failure_code), false,
         c.status = 'failure'),
        ('logistics', case when c.tracking_number is null then 'no_tracking' else c.delivery_status end, false,
         c.status = 'success')
      ) as f (facet, key, day, applies)
      where f.applies
    ) x
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    having sum(sign) <> 0
    order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    on conflict (account, facet, day, terminal, card_brand, status, key, refunded, chargeback, fraud)
    do update set txn_count = r.txn_count + excluded.txn_count
  $q$, source)
$f$;

create function transaction_facets_follow() returns trigger language plpgsql as $$
declare
  source text := case tg_op
    when 'INSERT' then 'select 1 as sign, * from new_rows'
    when 'DELETE' then 'select -1 as sign, * from old_rows'
    else 'select 1 as sign, * from new_rows union all select -1 as sign, * from old_rows' end;
begin
  execute transaction_list_facets_sql(source);
  execute transaction_chart_facets_sql(source);
  -- Flags copied into a new payment (it has no case yet): cleared, which the update trigger follows.
  if tg_op = 'INSERT' then
    update transactions t set has_chargeback = false, has_fraud = false
      from new_rows n where t.payment_id = n.payment_id and (n.has_chargeback or n.has_fraud);
  end if;
  if tg_op <> 'INSERT' then
    delete from transaction_list_facets where txn_count = 0;
    delete from transaction_chart_facets where txn_count = 0;
  end if;
  return null;
end $$;

create trigger transactions_facets_insert after insert on transactions
  referencing new table as new_rows for each statement execute function transaction_facets_follow();
create trigger transactions_facets_update after update on transactions
  referencing new table as new_rows old table as old_rows for each statement execute function transaction_facets_follow();
create trigger transactions_facets_delete after delete on transactions
  referencing old table as old_rows for each statement execute function transaction_facets_follow();

create function transaction_facets_clear() returns trigger language plpgsql as $$
begin
  delete from transaction_list_facets;
  delete from transaction_chart_facets;
  return null;
end $$;

create trigger transactions_facets_truncate after truncate on transactions
  for each statement execute function transaction_facets_clear();

-- Built from the rows already there: exact by construction.
do $$
begin
  execute transaction_list_facets_sql('select 1 as sign, * from transactions');
  execute transaction_chart_facets_sql('select 1 as sign, * from transactions');
end $$;
