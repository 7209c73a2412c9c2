-- 0007: WeChat. One table for the client (the shared access-token cache) and the emulator's own state
-- (tables prefixed wechat_emu_), all in the store so that several server processes see the same token, and a code
-- minted through one process can be exchanged through another, also after a restart.

-- The server's access token per mini-program AppID, shared by every process on this store. Holds a secret
-- (access_token): never selected into a log line or a response.
create table wechat_access_tokens (
  appid        text primary key,
  access_token text not null,
  expires_at   timestamptz not null,
  updated_at   timestamptz not null
);

-- Emulator: login codes (wx.login) and phone codes (getPhoneNumber). Single use, five minutes.
create table wechat_emu_codes (
  code               text primary key,
  kind               text not null check (kind in ('login', 'phone')),
  appid              text not null,
  -- login codes: who logged in
  openid             text,
  unionid            text,
  -- phone codes: the number the "WeChat user" chose
  phone_country_code text,
  phone_pure         text,
  created_at         timestamptz not null,
  expires_at         timestamptz not null,
  used_at            timestamptz,
  check ((kind = 'login') = (openid is not null)),
  check ((kind = 'phone') = (phone_pure is not null and phone_country_code is not null))
);

create index wechat_emu_codes_expires_idx on wechat_emu_codes (expires_at);

-- Emulator: access tokens it issued. 'stable' from /cgi-bin/stable_token, 'basic' from /cgi-bin/token.
create table wechat_emu_tokens (
  access_token text primary key,
  appid        text not null,
  kind         text not null check (kind in ('stable', 'basic')),
  issued_at    timestamptz not null,
  expires_at   timestamptz not null,
  revoked_at   timestamptz
);

create index wechat_emu_tokens_appid_idx on wechat_emu_tokens (appid, kind, expires_at);

-- Emulator: per-minute call counters behind errcode 45011 (and the dev endpoints' 429).
create table wechat_emu_rate (
  bucket       text not null,
  window_start timestamptz not null,
  calls        integer not null,
  primary key (bucket, window_start)
);
