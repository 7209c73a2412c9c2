-- 0012: the account manager's e-mail, which the seed's 联系客服 card shows beside the phone (issue 11 item 14).
-- Null where ODPM has none on record: the Me page then shows the phone and WeCom card only.
alter table account_managers add column email text;
