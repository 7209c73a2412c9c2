/**
 * Wire contract of the assistant API, shared by the mini-program and the server.
 * Type-only module: it must never contain runtime code, so both bundles can import it for free.
 */
import type { ActionFailure } from './actions'

/** Which database the server runs on: embedded PGlite (default) or PostgreSQL (DATABASE_URL). */
export type StoreKind = 'pglite' | 'postgres'

/** `GET /api/health` → 200 */
export interface HealthResponse {
  status: 'ok'
  store: StoreKind
  /** The server's package.json version. */
  version: string
  /** Server time, ISO 8601 in UTC. */
  time: string
}

/** `GET /api/health` → 503 when the store does not answer. */
export interface HealthUnavailableResponse {
  status: 'unavailable'
  store: StoreKind
  time: string
}

/**
 * Stable error codes: clients branch on these, never on messages or HTTP reason phrases.
 * Add a code here before a server route may send it.
 */
export type ApiErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_MANY_REQUESTS'
  | 'REQUEST_ERROR'
  | 'INTERNAL'
  | 'H5_NOT_BUILT'
  // Signed requests and sessions (401 unless noted)
  | 'SESSION_EXPIRED' // no session, unknown token, idle past the limit, logged out, or account disabled/deleted
  | 'SIGNATURE_INVALID'
  | 'TIMESTAMP_OUT_OF_WINDOW'
  | 'NONCE_REPLAYED'
  // Login (4xx)
  | 'WECHAT_CODE_INVALID' // 400: login or phone code invalid, expired or already used
  | 'PHONE_NOT_BOUND' // 403: the WeChat phone belongs to no enabled mini-program account
  | 'WECHAT_UNAVAILABLE' // 502: WeChat's server API failed
  // Admin: mini-program accounts
  | 'ACCOUNT_LIMIT_REACHED' // 409: the merchant already has 10 accounts
  | 'PHONE_ALREADY_BOUND' // 409: another account of this merchant has the phone
  // Order-management actions through the gateway
  | 'GATEWAY_REJECTED' // 422: Oceanpayment answered with a business error
  | 'GATEWAY_UNAVAILABLE' // 502: Oceanpayment did not answer or answered garbage
  // Service health (issue 12)
  | 'SERVICE_UNAVAILABLE' // 503 with Retry-After: a part of the store is busy or locked; try again shortly
  // Actions from the phone (contract/actions.ts)
  | 'ACTION_REFUSED' // 422: the action cannot be done as asked; `failure` says why (ACTION_FAILURES)
  | 'ACTION_PIN_NOT_SET' // 409: the account must set its action PIN first (PUT /api/actions/pin)
  | 'ACTION_PIN_WRONG' // 403: wrong PIN; `triesLeft` says how many remain
  | 'ACTION_PIN_LOCKED' // 423: too many wrong PINs; only the ODPM admin can reset it
  | 'IDEMPOTENCY_KEY_REQUIRED' // 400: a money-moving request without a valid Idempotency-Key header
  | 'IDEMPOTENCY_KEY_REUSED' // 409: the key was used with another body or another action
  | 'IDEMPOTENCY_KEY_IN_USE' // 409: a request with this key is still being processed; retry later

export interface ApiError {
  code: ApiErrorCode
  /** For developers and logs; user-facing text comes from the client's i18n, keyed by `code`. */
  message: string
  /** Present on 5xx so a merchant can quote it to support; the server log has the detail under this id. */
  requestId?: string
  /**
   * Only on the 409 CONFLICT of `POST /api/auth/login`: the merchants at which the WeChat phone has an enabled
   * account, so the client offers a choice and logs in again with `merchantAccount` (never parsed from `message`).
   */
  merchants?: { account: string; name: string }[]
  /** Only with ACTION_REFUSED: why, as the client words it (contract/actions.ts ACTION_FAILURES). */
  failure?: ActionFailure
  /** Only with ACTION_PIN_WRONG: wrong tries left before the PIN locks. */
  triesLeft?: number
}

/** Body of every non-2xx JSON response. */
export interface ApiErrorBody {
  error: ApiError
}
