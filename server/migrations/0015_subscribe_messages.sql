-- 0015: WeChat subscribe messages (订阅消息, issue 15, docs/push.md).
--
-- 1. Each account keeps the openid WeChat gave at its last login: the address a subscribe message goes to. Never
--    sent to the client.
-- 2. subscription_grants: one-time grants per (account, template), as wx.requestSubscribeMessage reported them, the
--    user's own switch per topic, and the choice kept for always in WeChat's sheet.
-- 3. push_outbox: every notice message (any kind but 'announcement') is queued in the very transaction that
--    inserts it, by a trigger, so no code path that adds a message can forget it and a rolled-back insert queues
--    nothing. The sender job works it off.
-- 4. push_sends: one row per (message, account), inserted BEFORE WeChat is called: its primary key is what makes
--    two server processes send a message to a user once at most, and a row left 'sending' by a crash stays
--    unknown, never resent.
-- 5. push_quota_stops: WeChat said the daily quota is used up (45009): no send until the given time.
-- 6. wechat_emu_subscribe_*: the emulator's own grants (given by its wx.requestSubscribeMessage emulation) and what
--    it received, as a phone would show it.

alter table miniprogram_accounts add column openid text check (openid ~ '^[A-Za-z0-9_-]{1,64}$');

create table subscription_grants (
  account_id  uuid not null references miniprogram_accounts (id) on delete cascade,
  template_id text not null check (template_id ~ '^[A-Za-z0-9_-]{1,128}$'),
  remaining   integer not null default 0 check (remaining >= 0),
  enabled     boolean not null default true,
  kept_choice text check (kept_choice in ('accept', 'reject', 'ban')),
  updated_at  timestamptz not null,
  primary key (account_id, template_id)
);

create table push_outbox (
  message_id   bigint primary key references messages (id) on delete cascade,
  queued_at    timestamptz not null default now(),
  -- A process working this row holds it until then; another takes it over only after (a crashed process).
  leased_until timestamptz,
  -- Not before then (a send WeChat refused for now, e.g. system busy): retried later.
  not_before   timestamptz,
  done_at      timestamptz
);

create index push_outbox_pending_idx on push_outbox (message_id) where done_at is null;

create function push_outbox_enqueue() returns trigger language plpgsql as $$
begin
  insert into push_outbox (message_id) values (new.id) on conflict do nothing;
  return new;
end
$$;

create trigger messages_push_outbox after insert on messages
  for each row when (new.kind <> 'announcement' and new.account is not null)
  execute function push_outbox_enqueue();

create table push_sends (
  message_id  bigint not null references messages (id) on delete cascade,
  account_id  uuid not null references miniprogram_accounts (id) on delete cascade,
  template_id text not null,
  -- sending: WeChat was (being) called and gave no answer yet; sent: errcode 0; failed: WeChat answered an errcode;
  -- unknown: no answer we can trust (timeout, 5xx, a crash) — it may have reached the phone, so it is never resent.
  status      text not null check (status in ('sending', 'sent', 'failed', 'unknown')),
  errcode     integer,
  created_at  timestamptz not null,
  answered_at timestamptz,
  primary key (message_id, account_id)
);

create index push_sends_account_idx on push_sends (account_id, created_at desc);

create table push_quota_stops (
  appid       text primary key,
  stopped_until timestamptz not null
);

create table wechat_emu_subscribe_grants (
  appid       text not null,
  openid      text not null,
  template_id text not null,
  remaining   integer not null check (remaining >= 0),
  -- 总是保持以上选择: what wx.getSetting's itemSettings reports, and what later requests answer without asking.
  kept_choice text check (kept_choice in ('accept', 'reject')),
  primary key (appid, openid, template_id)
);

create table wechat_emu_subscribe_received (
  id          bigint generated always as identity primary key,
  appid       text not null,
  openid      text not null,
  template_id text not null,
  page        text,
  data        jsonb not null,
  miniprogram_state text not null,
  lang        text not null,
  received_at timestamptz not null
);

create index wechat_emu_subscribe_received_idx on wechat_emu_subscribe_received (appid, openid, id desc);

-- Emulator: calls to subscribe/send per Beijing day, behind errcode 45009.
create table wechat_emu_daily_calls (
  bucket text not null,
  day    date not null,
  calls  integer not null,
  primary key (bucket, day)
);
