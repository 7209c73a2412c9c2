/**
 * The shared row of the access-token cache (wechat_access_tokens): what every server process on this store reads
 * before asking WeChat, so they all use one token. The token is a secret: callers never log what this returns.
 */
import type { Queryable } from '../db'

export interface StoredToken {
  token: string
  /** Epoch milliseconds. */
  expiresAt: number
}

interface TokenRow {
  access_token: string
  expires_at: Date | string
}

export function tokenStore(db: Queryable, appId: string) {
  return {
    async read(): Promise<StoredToken | undefined> {
      const { rows } = await db.query<TokenRow>(
        'select access_token, expires_at from wechat_access_tokens where appid = $1',
        [appId],
      )
      const row = rows[0]
      return row === undefined ? undefined : { token: row.access_token, expiresAt: new Date(row.expires_at).getTime() }
    },

    /**
     * Keeps whichever token lives longer: a process that fetched a token just before another one refreshed must not
     * overwrite the newer token with its older one. `replacing` is a token WeChat rejected: it is replaced whatever
     * expiry it claimed.
     */
    async write(token: StoredToken, now: number, replacing?: string): Promise<void> {
      await db.query(
        `insert into wechat_access_tokens (appid, access_token, expires_at, updated_at)
         values ($1, $2, $3, $4)
         on conflict (appid) do update
           set access_token = excluded.access_token, expires_at = excluded.expires_at, updated_at = excluded.updated_at
           where wechat_access_tokens.expires_at <= excluded.expires_at
              or wechat_access_tokens.access_token = $5`,
        [appId, token.token, new Date(token.expiresAt).toISOString(), new Date(now).toISOString(), replacing ?? ''],
      )
    },
  }
}
