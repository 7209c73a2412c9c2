/**
 * Nonces of accepted signed requests: a second use within a session is a replay. They are written together with
 * the session's idle clock by sessionsRepository.recordRequest (one statement, one commit).
 */
import type { Queryable } from '../db'

export function noncesRepository(db: Queryable) {
  return {
    /**
     * The latest expiry among the session's kept nonces, i.e. its last accepted request plus the retention; the
     * session's exact last request when last_seen_at (written at most every SESSION_TOUCH_EVERY_MS) may lag it.
     */
    async latestExpiry(sessionId: string): Promise<number | undefined> {
      const { rows } = await db.query<{ latest: string | null }>(
        'select max(expires_at) as latest from request_nonces where session_id = $1',
        [sessionId],
      )
      const latest = rows[0]?.latest
      return latest === null || latest === undefined ? undefined : Number(latest)
    },

    /** Counted in the database: at 400 req/s a sweep deletes ~24,000 nonces, none of which node needs to see. */
    async prune(now: number): Promise<number> {
      const { rows } = await db.query<{ n: number }>(
        'with d as (delete from request_nonces where expires_at <= $1 returning 1) select count(*)::int as n from d',
        [now],
      )
      return rows[0]?.n ?? 0
    },
  }
}

export type NoncesRepository = ReturnType<typeof noncesRepository>
