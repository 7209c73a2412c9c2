/** Nonces of accepted signed requests: a second use within a session is a replay. */
import type { Queryable } from '../db'

export function noncesRepository(db: Queryable) {
  return {
    /** @returns false when this session already used the nonce. Atomic across processes (primary key). */
    async record(sessionId: string, nonce: string, expiresAt: number): Promise<boolean> {
      const { rows } = await db.query(
        `insert into request_nonces (session_id, nonce, expires_at) values ($1, $2, $3)
         on conflict (session_id, nonce) do nothing returning nonce`,
        [sessionId, nonce, expiresAt],
      )
      return rows.length > 0
    },

    async prune(now: number): Promise<number> {
      const { rows } = await db.query('delete from request_nonces where expires_at <= $1 returning nonce', [now])
      return rows.length
    },
  }
}

export type NoncesRepository = ReturnType<typeof noncesRepository>
