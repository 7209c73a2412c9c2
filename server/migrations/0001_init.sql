-- 0001: the store's own bookkeeping. schema_migrations itself is created by server/src/db/migrate.ts,
-- because it has to exist before this file can be recorded as applied. Business tables come in later files.

-- Facts about the store itself, not about merchants (e.g. when it was created).
create table app_meta (
  key   text primary key,
  value text not null
);

insert into app_meta (key, value)
values ('created_at', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
