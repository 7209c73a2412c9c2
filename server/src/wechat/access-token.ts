/**
 * The server's one WeChat access token (the "central control" WeChat asks every app to have): kept in memory, shared
 * with other processes through the store, refreshed some minutes before it expires, and renewed when WeChat rejects
 * it. Concurrent callers in a process wait for one refresh instead of each starting their own.
 *
 * Tokens come from /cgi-bin/stable_token in normal mode, which hands every caller the same token until its last five
 * minutes: two processes refreshing at the same moment therefore still end up with one token. A forced refresh
 * (which invalidates the current token for everybody) is used only when normal mode gives back the very token WeChat
 * just rejected.
 */
import type { StoredToken } from '../repositories/wechat-tokens'

export interface TokenStore {
  read(): Promise<StoredToken | undefined>
  write(token: StoredToken, now: number, replacing?: string): Promise<void>
}

export interface AccessTokenOptions {
  /** Asks WeChat for a token (stable_token); `expiresAt` already converted to this clock. */
  fetchToken(forceRefresh: boolean): Promise<StoredToken>
  store: TokenStore
  /** Epoch milliseconds. */
  clock: () => number
  /** A token this close to its expiry is replaced before use. */
  refreshEarlyMs: number
  /** Told when the shared row could not be written; the fresh token is still used. */
  onStoreError?: (error: unknown) => void
}

export interface AccessTokens {
  /** A token that is not about to expire. */
  get(): Promise<string>
  /** WeChat rejected `rejected`: returns a different token (another process's newer one, or a new one). */
  renew(rejected: string): Promise<string>
}

export function accessTokens(options: AccessTokenOptions): AccessTokens {
  const { fetchToken, store, clock, refreshEarlyMs, onStoreError } = options
  let current: StoredToken | undefined
  let inflight: Promise<StoredToken> | undefined

  const fresh = (token: StoredToken | undefined): token is StoredToken =>
    token !== undefined && clock() < token.expiresAt - refreshEarlyMs

  const obtain = async (rejected: string | undefined): Promise<StoredToken> => {
    const shared = await store.read()
    if (fresh(shared) && shared.token !== rejected) return shared
    let next = await fetchToken(false)
    if (rejected !== undefined && next.token === rejected) next = await fetchToken(true)
    try {
      await store.write(next, clock(), rejected)
    } catch (error) {
      onStoreError?.(error)
    }
    return next
  }

  /** One refresh at a time per process; whoever comes while it runs waits for it. */
  const refresh = (rejected: string | undefined): Promise<StoredToken> =>
    (inflight ??= obtain(rejected)
      .then((token) => {
        current = token
        return token
      })
      .finally(() => {
        inflight = undefined
      }))

  return {
    async get() {
      if (fresh(current)) return current.token
      return (await (inflight ?? refresh(undefined))).token
    },

    async renew(rejected) {
      if (fresh(current) && current.token !== rejected) return current.token
      if (inflight !== undefined) {
        const token = await inflight
        if (token.token !== rejected) return token.token
      }
      return (await refresh(rejected)).token
    },
  }
}
