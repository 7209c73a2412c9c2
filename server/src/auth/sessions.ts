/**
 * Session lifecycle: a login mints a random token (kept in the store only as its SHA-256) and a random 32-byte
 * signing key; a session idle for `idleSeconds` is dead, and any accepted signed request revives the idle clock.
 * WeChat's session_key is not kept at all: the login needs nothing from it once the phone number is known, and
 * a secret that is never stored cannot leak.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../db'
import { noncesRepository } from '../repositories/nonces'
import { rateLimitsRepository } from '../repositories/rate-limits'
import { sessionsRepository, type SessionRecord } from '../repositories/sessions'
import { NONCE_RETENTION_MS } from './signing-window'

export interface IssuedSession {
  id: string
  token: string
  /** 64 hex characters encoding the 32-byte HMAC key. */
  signingKey: string
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** What a token must look like before it is worth a database lookup: 43 base64url characters (32 bytes). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

/**
 * last_seen_at is written at most this often per session: a request touches the session only when the stored
 * value is at least this old, so most requests write their nonce alone (docs/performance.md, issue 14).
 *
 * The idle rule stays exact anyway. The stored value lags the last accepted request by less than this, and that
 * request's nonce (kept NONCE_RETENTION_MS, expires_at = request time + retention) says exactly when it was. So a
 * session is alive when now - last_seen_at < idle; dead when now - last_seen_at >= idle + this; and in between,
 * the rare request after ~10 minutes away, the newest nonce decides. Bound: a session dies exactly `idle` after
 * its last accepted request, never later. Only when SESSION_IDLE_SECONDS exceeds the nonce retention (600 s) can
 * the nonce be pruned first; then last_seen_at decides and the session may die up to this much early, never late.
 */
export const SESSION_TOUCH_EVERY_MS = 30_000

export type RecordedRequest = 'recorded' | 'replayed' | 'session-gone'

export function sessionService(db: Queryable, options: { clock: () => number; idleSeconds: number }) {
  const sessions = sessionsRepository(db)
  const nonces = noncesRepository(db)
  const idleMs = options.idleSeconds * 1000

  /**
   * See SESSION_TOUCH_EVERY_MS. The nonce look-up (a scan of the session's kept nonces) runs only for a request
   * arriving between idle and idle + SESSION_TOUCH_EVERY_MS after the stored touch, i.e. almost never.
   */
  async function isAlive(session: SessionRecord, now: number): Promise<boolean> {
    const sinceStored = now - session.lastSeenAt
    if (sinceStored < idleMs) return true
    if (sinceStored >= idleMs + SESSION_TOUCH_EVERY_MS) return false
    const latestExpiry = await nonces.latestExpiry(session.id)
    return latestExpiry !== undefined && now - (latestExpiry - NONCE_RETENTION_MS) < idleMs
  }

  return {
    idleMs,

    async start(accountId: string): Promise<IssuedSession> {
      const token = randomBytes(32).toString('base64url')
      const signingKey = randomBytes(32).toString('hex')
      const id = await sessions.create({ accountId, tokenHash: hashToken(token), signingKey, now: options.clock() })
      return { id, token, signingKey }
    },

    /** The live session for `token`, or undefined (unknown, ended, account disabled or deleted, or idle). */
    async find(token: string): Promise<SessionRecord | undefined> {
      if (!TOKEN_PATTERN.test(token)) return undefined
      const session = await sessions.findByTokenHash(hashToken(token))
      if (session === undefined) return undefined
      if (!(await isAlive(session, options.clock()))) {
        await sessions.remove(session.id)
        return undefined
      }
      return session
    },

    /**
     * Records an accepted request at `now`: its nonce, and the idle clock (throttled, see SESSION_TOUCH_EVERY_MS),
     * in one statement and one commit. 'replayed' when the session already used the nonce; 'session-gone' when the
     * session was ended or swept since `find`.
     */
    async recordRequest(sessionId: string, nonce: string, now: number): Promise<RecordedRequest> {
      const { alive, replayed } = await sessions.recordRequest({
        id: sessionId,
        nonce,
        nonceExpiresAt: now + NONCE_RETENTION_MS,
        now,
        touchEveryMs: SESSION_TOUCH_EVERY_MS,
      })
      if (!alive) return 'session-gone'
      return replayed ? 'replayed' : 'recorded'
    },

    end(sessionId: string): Promise<void> {
      return sessions.remove(sessionId)
    },

    /**
     * Deletes sessions certainly idle (last_seen_at lags by less than SESSION_TOUCH_EVERY_MS, so older than idle +
     * that is dead whatever the nonces say; the few in between are refused by `find` and swept next time), expired
     * nonces and finished rate-limit windows.
     */
    async prune(): Promise<{ sessions: number; nonces: number; rateLimits: number }> {
      const now = options.clock()
      return {
        sessions: await sessions.removeIdleSince(now - idleMs - SESSION_TOUCH_EVERY_MS),
        nonces: await nonces.prune(now),
        rateLimits: await rateLimitsRepository(db).prune(now),
      }
    },
  }
}

export type SessionService = ReturnType<typeof sessionService>
