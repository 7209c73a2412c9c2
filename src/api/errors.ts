/**
 * The one error type the API client throws. Pages branch on `kind` (what the user can do about it) and show the
 * i18n text for `kind` or `code`; the message is for developers and never shown.
 */
import type { ActionFailure } from '@contract/actions'
import type { ApiError, ApiErrorCode } from '@contract/api'

export type MerchantChoice = NonNullable<ApiError['merchants']>[number]

export type ApiErrorKind =
  /** The session is gone (idle 10 minutes, logged out, account disabled): the app goes to login. */
  | 'session-expired'
  /** The request's signature was refused: a client bug or a tampered request; logging in again cures it. */
  | 'signature'
  /** The server refused the input (400/404/409/422): show what was wrong, do not retry. */
  | 'validation'
  /** Too many attempts: wait, then try again. */
  | 'rate-limited'
  /** The request never got an answer: offline, DNS, timeout. Retry when the network is back. */
  | 'network'
  /** The server failed (5xx) or answered something that is not our API. */
  | 'server'

export class ApiClientError extends Error {
  readonly kind: ApiErrorKind
  /** The server's stable code, when it sent one. */
  readonly code: ApiErrorCode | 'NETWORK' | 'BAD_RESPONSE'
  /** HTTP status; 0 when no answer came. */
  readonly status: number
  /** Quote to support: the server log has the detail under this id. */
  readonly requestId?: string
  /** From Retry-After on a 429: how long to wait before trying again. */
  readonly retryAfterSeconds?: number
  /** The login's 409 CONFLICT: the merchants the phone may log in to (ApiError.merchants). */
  readonly merchants?: readonly MerchantChoice[]
  /** ACTION_REFUSED: why the action cannot be done (one sentence per value in the client's words). */
  readonly failure?: ActionFailure
  /** ACTION_PIN_WRONG: wrong tries left before the PIN locks. */
  readonly triesLeft?: number

  constructor(init: {
    kind: ApiErrorKind
    code: ApiClientError['code']
    status: number
    message: string
    requestId?: string
    retryAfterSeconds?: number
    merchants?: readonly MerchantChoice[]
    failure?: ActionFailure
    triesLeft?: number
  }) {
    super(init.message)
    this.name = 'ApiClientError'
    this.kind = init.kind
    this.code = init.code
    this.status = init.status
    this.requestId = init.requestId
    this.retryAfterSeconds = init.retryAfterSeconds
    this.merchants = init.merchants
    this.failure = init.failure
    this.triesLeft = init.triesLeft
  }
}

export function isApiClientError(error: unknown): error is ApiClientError {
  return error instanceof ApiClientError
}

const SIGNATURE_CODES: readonly string[] = ['SIGNATURE_INVALID', 'NONCE_REPLAYED', 'TIMESTAMP_OUT_OF_WINDOW']

/** The one mapping from an HTTP answer to an error kind. */
export function errorKindFor(status: number, code: string | undefined): ApiErrorKind {
  if (code === 'SESSION_EXPIRED' || (status === 401 && code === undefined)) return 'session-expired'
  if (code !== undefined && SIGNATURE_CODES.includes(code)) return 'signature'
  if (status === 429 || code === 'TOO_MANY_REQUESTS') return 'rate-limited'
  if (status >= 500) return 'server'
  if (status >= 400) return 'validation'
  return 'server'
}
