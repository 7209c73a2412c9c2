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

export function sessionService(db: Queryable, options: { clock: () => number; idleSeconds: number }) {
  const sessions = sessionsRepository(db)
  const idleMs = options.idleSeconds * 1000
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
      if (options.clock() - session.lastSeenAt >= idleMs) {
        await sessions.remove(session.id)
        return undefined
      }
      return session
    },

    /** @returns false when the session died meanwhile. */
    touch(sessionId: string): Promise<boolean> {
      return sessions.touch(sessionId, options.clock(), idleMs)
    },

    end(sessionId: string): Promise<void> {
      return sessions.remove(sessionId)
    },

    /** Deletes idle sessions, expired nonces and finished rate-limit windows. */
    async prune(): Promise<void> {
      const now = options.clock()
      await sessions.removeIdleSince(now - idleMs)
      await noncesRepository(db).prune(now)
      await rateLimitsRepository(db).prune(now)
    },
  }
}

export type SessionService = ReturnType<typeof sessionService>
