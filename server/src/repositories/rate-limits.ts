/**
 * Fixed-window request counters in the shared store, so a limit holds across every server process: one row per
 * (bucket, window start), incremented atomically by an upsert.
 */
import type { Queryable } from '../db'

export function rateLimitsRepository(db: Queryable) {
  return {
    /** Counts one hit in the window starting at `windowStart`; @returns the hits in that window including this one. */
    async hit(bucket: string, windowStart: number, windowMs: number): Promise<number> {
      const { rows } = await db.query<{ hits: number }>(
        `insert into rate_limits (bucket, window_start, hits, expires_at) values ($1, $2::bigint, 1, $2::bigint + $3::bigint)
         on conflict (bucket, window_start) do update set hits = rate_limits.hits + 1
         returning hits`,
        [bucket, windowStart, windowMs],
      )
      return rows[0].hits
    },

    async prune(now: number): Promise<number> {
      const { rows } = await db.query<{ n: number }>(
        'with d as (delete from rate_limits where expires_at <= $1 returning 1) select count(*)::int as n from d',
        [now],
      )
      return rows[0]?.n ?? 0
    },
  }
}

export type RateLimitsRepository = ReturnType<typeof rateLimitsRepository>
