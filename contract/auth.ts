/**
 * Wire contract of login and sessions (SPEC §2) and of signed requests. Type-only.
 *
 * Every `/api/` call except `/api/health`, `/api/auth/login` and `/api/docs*` carries four headers:
 *   X-OP-Session    the session token from LoginResponse.token
 *   X-OP-Timestamp  Unix time in milliseconds, within 5 minutes of the server's clock
 *   X-OP-Nonce      16–64 characters of [A-Za-z0-9_-], never reused within a session
 *   X-OP-Sign       lowercase hex HMAC-SHA256 over
 *                   METHOD \n PATH_AND_SORTED_QUERY \n BODY_SHA256_HEX \n TIMESTAMP \n NONCE
 *                   keyed with the 32 bytes that LoginResponse.signingKey encodes in hex
 * (README "Accounts, login and signed requests" defines each part exactly.)
 */
import type { AccountPermission } from './admin'

/** `POST /api/auth/login` */
export interface LoginRequest {
  /** From `wx.login`. Single-use. */
  loginCode: string
  /** From `<Button openType="getPhoneNumber">`. Single-use. */
  phoneCode: string
  /**
   * Only needed when the phone is bound to accounts of several merchants: which one to log in to. Without it such
   * a login answers 409 CONFLICT naming the merchant account numbers, and the user picks one.
   */
  merchantAccount?: string
  /**
   * The token of the invitation the app was opened with (the mini-program code's scene 'i=<token>' or the URL
   * link's `invitation=<token>`, contract/invitations.ts). NOT an authentication factor: the login still needs the
   * phone bound to the account, and an unknown, used, expired or foreign invitation changes nothing. A successful
   * login through a valid invitation of this merchant (and account, when it names one) uses it up; it also picks
   * the merchant when the phone has accounts at several.
   */
  invitation?: string
}

/** Who is logged in, as the Me page shows it. */
export interface SessionProfile {
  userId: string
  username: string
  position: string
  /** Masked, e.g. "138****8000". */
  phone: string
  merchantAccount: string
  merchantName: string
  permissions: AccountPermission[]
}

export interface LoginResponse {
  /** Secret: goes in X-OP-Session. */
  token: string
  /** Secret, 64 hex characters (32 bytes): the HMAC key. Never sent back to the server. */
  signingKey: string
  /** Seconds of inactivity after which the session is dead; any signed request or a heartbeat resets it. */
  expiresIn: number
  profile: SessionProfile
}

/** `POST /api/auth/heartbeat` (signed) */
export interface HeartbeatResponse {
  expiresIn: number
}
