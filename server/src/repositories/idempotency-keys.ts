/**
 * Idempotency keys (0013 idempotency_keys), Stripe's rules: the first request claims (account, key) with its
 * body's hash; its answer is stored once known and handed back to a replay with the same hash.
 */
import type { Queryable } from '../db'

export interface IdempotencyKeyRow {
  kind: string
  request_hash: string
  action_id: string | null
  response_code: number | null
  response_body: unknown
  /** The claim is older than the stale limit the caller gave. */
  stale: boolean
}

export function idempotencyKeysRepository(db: Queryable) {
  return {
    /** @returns true when this call claimed the key (no row existed). */
    async claim(accountId: string, key: string, kind: string, requestHash: string): Promise<boolean> {
      const { rows } = await db.query(
        `insert into idempotency_keys (account_id, key, kind, request_hash) values ($1, $2, $3, $4)
         on conflict (account_id, key) do nothing returning key`,
        [accountId, key, kind, requestHash],
      )
      return rows.length > 0
    },

    async find(accountId: string, key: string, staleSeconds: number): Promise<IdempotencyKeyRow | undefined> {
      const { rows } = await db.query<IdempotencyKeyRow>(
        `select kind, request_hash, action_id::text as action_id, response_code, response_body,
                created_at < now() - make_interval(secs => $3) as stale
           from idempotency_keys where account_id = $1 and key = $2`,
        [accountId, key, staleSeconds],
      )
      return rows[0]
    },

    /**
     * Takes over a claim whose request died before it sent anything (no action, no answer, older than the stale
     * limit). @returns true when this call took it (one of several racing callers).
     */
    async takeOverStale(accountId: string, key: string, requestHash: string, staleSeconds: number): Promise<boolean> {
      const { rows } = await db.query(
        `update idempotency_keys set created_at = now()
          where account_id = $1 and key = $2 and request_hash = $3 and action_id is null and response_code is null
            and created_at < now() - make_interval(secs => $4)
          returning key`,
        [accountId, key, requestHash, staleSeconds],
      )
      return rows.length > 0
    },

    /** The action the request wrote ahead of its gateway call: from here on a replay is answered from it. */
    async attachAction(accountId: string, key: string, actionId: string): Promise<void> {
      await db.query(`update idempotency_keys set action_id = $3 where account_id = $1 and key = $2`, [accountId, key, actionId])
    },

    async storeResponse(accountId: string, key: string, code: number, body: unknown): Promise<void> {
      await db.query(`update idempotency_keys set response_code = $3, response_body = $4 where account_id = $1 and key = $2`, [
        accountId,
        key,
        code,
        JSON.stringify(body),
      ])
    },

    /** Drops what a crashed request left without an answer, so the key can be used again (never with an action). */
    async release(accountId: string, key: string): Promise<void> {
      await db.query(`delete from idempotency_keys where account_id = $1 and key = $2 and action_id is null`, [accountId, key])
    },

    /** Keys are kept at least 24 h; the reconciler prunes older ones. */
    async prune(olderThanSeconds: number): Promise<number> {
      const { rows } = await db.query(
        `delete from idempotency_keys where created_at < now() - make_interval(secs => $1) returning key`,
        [olderThanSeconds],
      )
      return rows.length
    },
  }
}
