/**
 * The one error the store raises for "cannot be served in time": no connection free, a lock not granted, a
 * statement cancelled by its timeout, or PGlite's single connection busy for too long. The app maps it once (error
 * handler: 503 SERVICE_UNAVAILABLE with Retry-After); the webhook lets it through so Oceanpayment retries.
 */
import { RETRY_AFTER_SECONDS } from './timeouts'

export type UnavailableReason =
  | 'connection-wait' // every pooled connection busy for DB_TIMEOUTS.connectionWaitMs
  | 'lock-timeout' // a lock not granted within lock_timeout
  | 'statement-timeout' // a statement cancelled by statement_timeout
  | 'idle-in-transaction' // the server ended a transaction left idle
  | 'queue-wait' // PGlite: the connection stayed busy for DB_TIMEOUTS.queueWaitMs
  | 'share-full' // a bounded share (webhook notice writes) stayed full

export class DbUnavailableError extends Error {
  readonly reason: UnavailableReason
  readonly retryAfterSeconds: number

  constructor(reason: UnavailableReason, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'DbUnavailableError'
    this.reason = reason
    this.retryAfterSeconds = RETRY_AFTER_SECONDS
  }
}

/** SQLSTATEs of PostgreSQL that mean "not now" rather than "wrong". */
const REASON_BY_SQLSTATE: Readonly<Record<string, UnavailableReason>> = {
  '55P03': 'lock-timeout', // lock_not_available
  '57014': 'statement-timeout', // query_canceled (statement_timeout)
  '25P03': 'idle-in-transaction', // idle_in_transaction_session_timeout
}

/** pg-pool's messages when no connection could be had in time (it sets no code). */
const CONNECTION_WAIT_MESSAGES = ['timeout exceeded when trying to connect', 'Connection terminated due to connection timeout']

/** `error` as a DbUnavailableError when it is one of the "not now" failures, else `error` unchanged. */
export function asUnavailable(error: unknown): unknown {
  if (error instanceof DbUnavailableError || !(error instanceof Error)) return error
  const code = (error as { code?: unknown }).code
  const reason = typeof code === 'string' ? REASON_BY_SQLSTATE[code] : undefined
  if (reason !== undefined) return new DbUnavailableError(reason, `store unavailable: ${reason}`, { cause: error })
  if (CONNECTION_WAIT_MESSAGES.some((message) => error.message.includes(message))) {
    return new DbUnavailableError('connection-wait', 'store unavailable: no connection free in time', { cause: error })
  }
  return error
}
