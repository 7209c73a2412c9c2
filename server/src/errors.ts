/**
 * Errors a route or service throws on purpose. The app's error handler turns them into the JSON envelope of
 * contract/api.ts; anything else that escapes is a bug and becomes a generic 500.
 */
import type { ApiErrorBody, ApiErrorCode } from '@contract/api'

export class AppError extends Error {
  readonly statusCode: number
  readonly code: ApiErrorCode

  /** `message` is shown to developers and logged; keep secrets and personal data out of it. */
  constructor(statusCode: number, code: ApiErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AppError'
    this.statusCode = statusCode
    this.code = code
  }
}

export function errorBody(code: ApiErrorCode, message: string, requestId?: string): ApiErrorBody {
  return { error: requestId === undefined ? { code, message } : { code, message, requestId } }
}
