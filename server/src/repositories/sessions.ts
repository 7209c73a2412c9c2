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
     * Marks the session used at `now`, unless it went idle meanwhile (another process may have pruned or ended it).
     * @returns false when the session is gone or was already idle past `idleMs`.
     */
    async touch(id: string, now: number, idleMs: number): Promise<boolean> {
      const { rows } = await db.query(
        `update sessions set last_seen_at = greatest(last_seen_at, $2::bigint)
         where id = $1 and last_seen_at > $2::bigint - $3::bigint returning id`,
        [id, now, idleMs],
      )
      return rows.length > 0
    },

    async remove(id: string): Promise<void> {
      await db.query('delete from sessions where id = $1', [id])
    },

    /** Drops sessions idle since before `cutoff` (their nonces go with them). */
    async removeIdleSince(cutoff: number): Promise<number> {
      const { rows } = await db.query('delete from sessions where last_seen_at <= $1 returning id', [cutoff])
      return rows.length
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
