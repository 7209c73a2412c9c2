-- 0018 (issue 14): calendar-month rollups above 0014's day rollups, so a range of months reads one row per group and
-- month instead of one per group and day. A year of the 'card' list facet at a million payments is ~150,000 day
-- rows; by month it is ~12 × 1,500, and only the days before the first and after the last whole month of the range
-- still read day rows (docs/performance.md, "Since 0018").
--
-- Each monthly table has its day table's columns, with `day` the first day of the (Beijing) month, so the readers
-- use one column list and one WHERE for both. They are kept from the day tables — not from transactions — by
-- statement-level triggers on the day tables' inserts, updates and deletes (0014's upserts fire both the insert and
-- the update triggers), so a month is always the sum of its days: exact by construction, and the property test
-- (tests/server/repositories/rollup-exactness.test.ts) compares each monthly table with a regrouping of its days.

create table transaction_list_facets_monthly (like transaction_list_facets);
alter table transaction_list_facets_monthly add constraint transaction_list_facets_monthly_first_day
  check (extract(day from day) = 1);
create unique index transaction_list_facets_monthly_key on transaction_list_facets_monthly
  (account, time_type, facet, day, status, currency, booking_currency, card_brand, txn_type, auth_status, tracking,
   delivery_status, funds_status, deposit_status) nulls not distinct;
create index transaction_list_facets_monthly_empty on transaction_list_facets_monthly (account) where txn_count = 0;

create table transaction_chart_facets_monthly (like transaction_chart_facets);
alter table transaction_chart_facets_monthly add constraint transaction_chart_facets_monthly_first_day
  check (extract(day from day) = 1);
create unique index transaction_chart_facets_monthly_key on transaction_chart_facets_monthly
  (account, facet, day, terminal, card_brand, status, key, refunded, chargeback, fraud) nulls not distinct;
create index transaction_chart_facets_monthly_empty on transaction_chart_facets_monthly (account) where txn_count = 0;

-- The two monthly upserts as text over a source of signed day rows ("select 1 as sign, * from new_rows"), as in
-- 0014: the trigger functions EXECUTE them, and a bulk load rebuilds the months of its accounts with them.
create function transaction_list_facets_monthly_sql(source text) returns text language sql immutable as $f$
  select format($q$
    insert into transaction_list_facets_monthly as r (account, time_type, day, facet, status, currency,
      booking_currency, card_brand, txn_type, auth_status, tracking, delivery_status, funds_status, deposit_status,
      txn_count, amount_minor, booking_amount_minor)
    select account, time_type, date_trunc('month', day)::date, facet, status, currency, booking_currency,
           card_brand, txn_type, auth_status, tracking, delivery_status, funds_status, deposit_status,
           sum(sign * txn_count), sum(sign * amount_minor), sum(sign * booking_amount_minor)
    from (%s) c
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    having sum(sign * txn_count) <> 0 or sum(sign * amount_minor) <> 0 or sum(sign * booking_amount_minor) <> 0
    order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14   -- a fixed lock order, as 0014's
    on conflict (account, time_type, facet, day, status, currency, booking_currency, card_brand, txn_type,
                 auth_status, tracking, delivery_status, funds_status, deposit_status)
    do update set txn_count = r.txn_count + excluded.txn_count, amount_minor = r.amount_minor + excluded.amount_minor,
                  booking_amount_minor = r.booking_amount_minor + excluded.booking_amount_minor
  $q$, source)
$f$;

create function transaction_chart_facets_monthly_sql(source text) returns text language sql immutable as $f$
  select format($q$
    insert into transaction_chart_facets_monthly as r (account, day, facet, terminal, card_brand, status, key,
      refunded, chargeback, fraud, txn_count)
    select account, date_trunc('month', day)::date, facet, terminal, card_brand, status, key, refunded, chargeback,
           fraud, sum(sign * txn_count)
    from (%s) c
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    having sum(sign * txn_count) <> 0
    order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    on conflict (account, facet, day, terminal, card_brand, status, key, refunded, chargeback, fraud)
    do update set txn_count = r.txn_count + excluded.txn_count
  $q$, source)
$f$;

-- One trigger function for both day tables (each runs its own upsert): the month gains the new day rows and loses the old ones. An emptied day group
-- (0014 deletes it) has a count of 0 and changes nothing; an emptied month group is deleted here the same way.
-- 0014's upsert fires both the insert and the update trigger, and its sweep of emptied groups the delete trigger,
-- most often with no row in one of them: those return at once, sparing an EXECUTE (planned anew each time), which is
-- most of what the months add to a one-row insert (bench/writes.ts).
create function transaction_facets_monthly_follow() returns trigger language plpgsql as $$
declare
  upsert text;
begin
  -- Nothing changed (see above): no EXECUTE. Each branch names only its trigger's transition table.
  if tg_op = 'DELETE' then
    if not exists (select 1 from old_rows) then return null; end if;
  elsif not exists (select 1 from new_rows) then
    return null;
  end if;
  -- The day table's own monthly upsert (transaction_list_facets → transaction_list_facets_monthly_sql).
  execute format('select %I($1)', tg_table_name || '_monthly_sql') into upsert using case tg_op
    when 'INSERT' then 'select 1 as sign, * from new_rows'
    when 'DELETE' then 'select -1 as sign, * from old_rows'
    else 'select 1 as sign, * from new_rows union all select -1 as sign, * from old_rows' end;
  execute upsert;
  if tg_op <> 'INSERT' then
    execute format('delete from %I where txn_count = 0', tg_table_name || '_monthly');
  end if;
  return null;
end $$;

create trigger transaction_list_facets_monthly_insert after insert on transaction_list_facets
  referencing new table as new_rows for each statement execute function transaction_facets_monthly_follow();
create trigger transaction_list_facets_monthly_update after update on transaction_list_facets
  referencing new table as new_rows old table as old_rows for each statement
  execute function transaction_facets_monthly_follow();
create trigger transaction_list_facets_monthly_delete after delete on transaction_list_facets
  referencing old table as old_rows for each statement execute function transaction_facets_monthly_follow();

create trigger transaction_chart_facets_monthly_insert after insert on transaction_chart_facets
  referencing new table as new_rows for each statement execute function transaction_facets_monthly_follow();
create trigger transaction_chart_facets_monthly_update after update on transaction_chart_facets
  referencing new table as new_rows old table as old_rows for each statement
  execute function transaction_facets_monthly_follow();
create trigger transaction_chart_facets_monthly_delete after delete on transaction_chart_facets
  referencing old table as old_rows for each statement execute function transaction_facets_monthly_follow();

-- 0014's truncate trigger empties the day tables with DELETE, which the triggers above follow.

-- Built from the day rows already there: exact by construction.
do $$
begin
  execute transaction_list_facets_monthly_sql('select 1 as sign, * from transaction_list_facets');
  execute transaction_chart_facets_monthly_sql('select 1 as sign, * from transaction_chart_facets');
end $$;
