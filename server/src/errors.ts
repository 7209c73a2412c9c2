/**
 * Errors a route or service throws on purpose. The app's error handler turns them into the JSON envelope of
 * contract/api.ts; anything else that escapes is a bug and becomes a generic 500.
 */
import type { ApiError, ApiErrorBody, ApiErrorCode } from '@contract/api'

/** Envelope fields some codes add beside code and message (contract/api.ts ApiError). */
export type ErrorExtras = Pick<ApiError, 'failure' | 'triesLeft'>

export class AppError extends Error {
  readonly statusCode: number
  readonly code: ApiErrorCode
  readonly extras: ErrorExtras | undefined

  /** `message` is shown to developers and logged; keep secrets and personal data out of it. */
  constructor(statusCode: number, code: ApiErrorCode, message: string, options?: { cause?: unknown; extras?: ErrorExtras }) {
    super(message, options)
    this.name = 'AppError'
    this.statusCode = statusCode
    this.code = code
    this.extras = options?.extras
  }
}

export function errorBody(code: ApiErrorCode, message: string, requestId?: string, extras?: ErrorExtras): ApiErrorBody {
  return { error: { ...(requestId === undefined ? { code, message } : { code, message, requestId }), ...extras } }
}
