/**
 * Sessions of mini-program accounts. The token is looked up by its SHA-256 only; the row joins its account on
 * every lookup, so a disabled account or a changed permission takes effect on the very next request.
 */
import { randomUUID } from 'node:crypto'
import type { AccountPermission } from '@contract/admin'
import type { Queryable } from '../db'

export interface SessionRecord {
  id: string
  signingKey: string
  lastSeenAt: number
  userId: string
  merchant: string
  permissions: AccountPermission[]
}

interface DbRow {
  id: string
  signing_key: string
  last_seen_at: string
  account_id: string
  merchant: string
  permissions: string[]
}

export function sessionsRepository(db: Queryable) {
  return {
    async create(session: { accountId: string; tokenHash: string; signingKey: string; now: number }): Promise<string> {
      const id = randomUUID()
      await db.query(
        `insert into sessions (id, token_hash, signing_key, account_id, created_at, last_seen_at)
         values ($1, $2, $3, $4, $5, $5)`,
        [id, session.tokenHash, session.signingKey, session.accountId, session.now],
      )
      return id
    },

    /** The session of an enabled account with this token hash, idle or not (the caller decides). */
    async findByTokenHash(tokenHash: string): Promise<SessionRecord | undefined> {
      const { rows } = await db.query<DbRow>(
        `select s.id, s.signing_key, s.last_seen_at, s.account_id, a.merchant, a.permissions
         from sessions s join miniprogram_accounts a on a.id = s.account_id
         where s.token_hash = $1 and a.enabled`,
        [tokenHash],
      )
      const row = rows[0]
      if (row === undefined) return undefined
      return {
        id: row.id,
        signingKey: row.signing_key,
        lastSeenAt: Number(row.last_seen_at),
        userId: row.account_id,
        merchant: row.merchant,
        permissions: row.permissions as AccountPermission[],
      }
    },

    /**
     * Records an accepted request in ONE statement, so one commit (one WAL flush on PostgreSQL): the nonce is
     * inserted, and only when that insert happened (not a replay) and the stored last_seen_at is at least
     * `touchEveryMs` old is the session touched. Most requests therefore write the nonce alone, and the session's
     * row is locked (and rewritten) at most once per `touchEveryMs`, so one session's parallel requests do not
     * queue on it. The insert is skipped when the session row is gone (ended, or swept by another process), which
     * `alive: false` reports, instead of failing on the foreign key. (`t` is not read: a data-modifying CTE runs to
     * completion either way.)
     *
     * Its commit is asynchronous: `set_config(…, true)` sets synchronous_commit off for this statement's own
     * transaction, and PostgreSQL applies the setting in force when a transaction commits. So no request waits for
     * a WAL flush before its page is read — the flush was ~3.4 ms of fdatasync on this machine, most of the server's
     * per-request cost over its SQL, and one queue for the whole cluster under load (docs/performance.md). What it
     * risks: if PostgreSQL itself crashes, the nonces of the last moments (at most 3 × wal_writer_delay, 600 ms by
     * default) may be lost, so a request captured in those moments could be replayed once more within its
     * timestamp window. Requests that move money carry an idempotency key committed synchronously with the action,
     * so such a replay answers the stored outcome and moves nothing (docs/signed-requests.md).
     */
    async recordRequest(request: {
      id: string
      nonce: string
      nonceExpiresAt: number
      now: number
      touchEveryMs: number
    }): Promise<{ alive: boolean; replayed: boolean }> {
      let result: { rows: Array<{ alive: boolean; recorded: boolean }> }
      try {
        result = await db.query<{ alive: boolean; recorded: boolean }>(
          `with s as (select id from sessions where id = $1),
           n as (
             insert into request_nonces (session_id, nonce, expires_at)
             select s.id, $2, $3 from s
             on conflict (session_id, nonce) do nothing
             returning 1
           ),
           t as (
             update sessions set last_seen_at = $4::bigint
             where id = $1 and exists (select from n) and last_seen_at <= $4::bigint - $5::bigint
             returning 1
           )
           select exists (select from s) as alive, exists (select from n) as recorded,
                  set_config('synchronous_commit', 'off', true) as commit_mode`,
          [request.id, request.nonce, request.nonceExpiresAt, request.now, request.touchEveryMs],
        )
      } catch (error) {
        // Ended or swept by another connection between this statement's snapshot and its foreign-key check.
        if ((error as { code?: unknown } | null)?.code === '23503') return { alive: false, replayed: false }
        throw error
      }
      const row = result.rows[0]
      return { alive: row?.alive === true, replayed: row?.alive === true && !row.recorded }
    },

    async remove(id: string): Promise<void> {
      await db.query('delete from sessions where id = $1', [id])
    },

    /**
     * Drops sessions last seen at or before `cutoff` (their nonces go with them), counted in the database rather
     * than shipped back row by row. A scan of sessions: there are at most 10 accounts per merchant, each with a
     * few sessions, and the sweep runs once a minute, so no index on last_seen_at is kept (0017).
     */
    async removeIdleSince(cutoff: number): Promise<number> {
      const { rows } = await db.query<{ n: number }>(
        'with d as (delete from sessions where last_seen_at <= $1 returning 1) select count(*)::int as n from d',
        [cutoff],
      )
      return rows[0]?.n ?? 0
    },

    async countForAccount(accountId: string): Promise<number> {
      const { rows } = await db.query<{ n: number }>('select count(*)::int as n from sessions where account_id = $1', [
        accountId,
      ])
      return rows[0]?.n ?? 0
    },
  }
}

export type SessionsRepository = ReturnType<typeof sessionsRepository>
