/**
 * The session's persisted shape and the pure rules over it, free of Taro so Node-side tests (simulate harness,
 * browser tests) can seed a logged-in app with exactly what the store would have written.
 */
import type { LoginResponse, SessionProfile } from '@contract/auth'

export const SESSION_STORAGE_KEY = 'op-session'
export const SESSION_STORAGE_VERSION = 1
/** SPEC §2: ten minutes in the background means logging in again. */
export const DEFAULT_IDLE_LIMIT_SECONDS = 600

export interface PersistedSession {
  token: string | null
  signingKey: string | null
  profile: SessionProfile | null
  /**
   * The server's idle limit from the login answer (600 s unless the server is configured otherwise); the
   * background limit follows it so the client never keeps a session the server has already dropped.
   */
  idleLimitSeconds: number
  /** Unix ms when the app went to the background; null in the foreground. */
  hiddenAt: number | null
}

export const SIGNED_OUT: PersistedSession = {
  token: null,
  signingKey: null,
  profile: null,
  idleLimitSeconds: DEFAULT_IDLE_LIMIT_SECONDS,
  hiddenAt: null,
}

/** True when a background stay of `hiddenMs` ends the session: 9:59 stays, 10:00 goes. */
export function backgroundExpired(hiddenMs: number, idleLimitSeconds: number): boolean {
  return hiddenMs >= idleLimitSeconds * 1000
}

export function sessionFrom(login: LoginResponse): PersistedSession {
  return {
    token: login.token,
    signingKey: login.signingKey,
    profile: login.profile,
    idleLimitSeconds: login.expiresIn > 0 ? login.expiresIn : DEFAULT_IDLE_LIMIT_SECONDS,
    hiddenAt: null,
  }
}

/**
 * What storage holds for a signed-in session, exactly as the store writes it. Tests use it to start a page
 * already logged in (simulate harness, browser tests) without going through WeChat.
 */
export function persistedSessionValue(login: LoginResponse): string {
  return JSON.stringify({ state: sessionFrom(login), version: SESSION_STORAGE_VERSION })
}
