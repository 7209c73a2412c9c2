-- 0017 (issue 14): the session touch becomes a HOT update.
-- sessions.last_seen_at changes on the requests that touch the session (at most every 30 s per session since
-- issue 14, auth/sessions.ts SESSION_TOUCH_EVERY_MS). Indexed, every touch wrote a new row version plus an entry in
-- each of the table's indexes (measured: 745 updates, 0 HOT). Without an index on the column PostgreSQL can update
-- the row in place on its page (HOT).
-- Its only reader was the idle sweep, `delete from sessions where last_seen_at <= $1`, once a minute per process
-- and outside requests: a sequential scan of sessions, which stays small (at most 10 accounts per merchant, each
-- with a few sessions, idle ones deleted every minute).
drop index if exists sessions_last_seen_idx;
