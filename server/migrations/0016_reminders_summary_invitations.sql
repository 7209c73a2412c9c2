-- 0016 (issue 15): deadline reminders and the morning summary as message kinds, the one scheduler's lease, and the
-- invitations behind the mini-program code; plus what the WeChat emulator records of getwxacodeunlimit and
-- generate_urllink calls (wechat_emu_ tables, as in 0007).

-- Two new message kinds of the one vocabulary (contract/messages.ts).
alter table messages drop constraint messages_kind_check;
alter table messages add constraint messages_kind_check
  check (kind in ('announcement', 'chargeback', 'fraud', 'retrieval', 'refund', 'reminder', 'summary'));

-- A reminder says which reminder it is (hours before the deadline, DEADLINE_REMINDER_HOURS) and of which kind of
-- case; the case itself is named by payment_id/order_number and its facts (amount, reason, deadline_at) as for a
-- notice message. A summary carries its figures as JSON (amounts as minor-unit strings, never floats).
alter table messages
  add column reminder_hours smallint check (reminder_hours in (72, 24, 4)),
  add column reminder_case_kind text check (reminder_case_kind in ('chargeback', 'retrieval')),
  add column summary jsonb,
  add constraint messages_reminder_kind
    check ((kind = 'reminder') = (reminder_hours is not null and reminder_case_kind is not null)),
  add constraint messages_summary_kind check ((kind = 'summary') = (summary is not null));

-- One scheduler across all server processes: whoever holds a job's lease (not expired) runs it. A row, not an
-- advisory lock, so the same SQL works on PGlite and PostgreSQL and a killed holder's lease simply runs out.
create table scheduler_leases (
  name       text primary key,
  holder     text not null,
  expires_at timestamptz not null
);

-- Invitations (contract/invitations.ts): the mini-program code's scene is 'i=' + token. Not an authentication
-- factor: a login through one still needs the bound phone, and uses it up (used_at).
create table invitations (
  id                  uuid primary key,
  token               text not null unique check (token ~ '^[0-9A-Za-z]{20}$'),
  merchant            text not null references merchants (account) on delete cascade,
  -- The account it was made for; null: anyone of this merchant. Deleting the account deletes its invitations.
  account_id          uuid references miniprogram_accounts (id) on delete cascade,
  created_at          timestamptz not null,
  expires_at          timestamptz not null,
  used_at             timestamptz,
  used_by             uuid,
  -- WeChat's URL link for SMS (generate_urllink), once made, and when WeChat says it stops working.
  url_link            text,
  url_link_expires_at timestamptz,
  constraint invitations_url_link_whole check ((url_link is null) = (url_link_expires_at is null))
);

create index invitations_merchant_idx on invitations (merchant, created_at desc);

-- Emulator: every getwxacodeunlimit call it answered with an image, so tests and the demo can read the scene a
-- code carries (WeChat's round code is not a QR code a test could decode).
create table wechat_emu_wxacodes (
  id           bigint generated always as identity primary key,
  appid        text not null,
  scene        text not null,
  page         text not null,
  check_path   boolean not null,
  env_version  text not null,
  width        integer not null,
  requested_at timestamptz not null
);

-- Emulator: URL links it issued (generate_urllink) and what each opens.
create table wechat_emu_urllinks (
  url_link     text primary key,
  appid        text not null,
  path         text not null,
  query        text not null,
  env_version  text not null,
  expires_at   timestamptz not null,
  created_at   timestamptz not null
);
