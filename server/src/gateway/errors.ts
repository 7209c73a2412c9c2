/**
 * Typed errors of the SDK. None carries request parameters, credentials or the transport's own error object
 * (which could hold the request and its secureCode header): only the operation, codes and counts a caller
 * needs to decide what to do next.
 */
import type { OperationName } from './operations'
import type { ResultKind } from './result-codes'
import type { ValidationIssue } from './validate'

export class GatewayError extends Error {
  readonly operation: OperationName

  constructor(operation: OperationName, message: string) {
    super(message)
    this.name = 'GatewayError'
    this.operation = operation
  }
}

/** The call broke a parameter rule; nothing was sent. */
export class GatewayValidationError extends GatewayError {
  readonly issues: readonly ValidationIssue[]

  constructor(operation: OperationName, issues: readonly ValidationIssue[]) {
    super(operation, `${operation}: invalid parameters: ${issues.map((issue) => issue.message).join('; ')}`)
    this.name = 'GatewayValidationError'
    this.issues = issues
  }
}

/** Oceanpayment answered with a result code other than success (see RESULT_CODES). */
export class GatewayRejectedError extends GatewayError {
  readonly resultCode: string
  readonly resultName: string
  readonly kind: ResultKind
  /** Oceanpayment's own explanation (its details element), when it gave one. */
  readonly details: string

  constructor(operation: OperationName, entry: { code: string; name: string; kind: ResultKind; message: string }, details: string) {
    super(operation, `${operation}: rejected with result code ${entry.code} (${entry.name}): ${details || entry.message}`)
    this.name = 'GatewayRejectedError'
    this.resultCode = entry.code
    this.resultName = entry.name
    this.kind = entry.kind
    this.details = details
  }
}

/** The answer's signValue is missing or does not match: it is not trusted, whatever it says. */
export class GatewaySignatureError extends GatewayError {
  constructor(operation: OperationName, message: string) {
    super(operation, `${operation}: ${message}`)
    this.name = 'GatewaySignatureError'
  }
}

/** No answer within the time limit, on every attempt made. */
export class GatewayTimeoutError extends GatewayError {
  readonly attempts: number
  readonly timeoutMs: number

  constructor(operation: OperationName, attempts: number, timeoutMs: number) {
    super(operation, `${operation}: no answer within ${timeoutMs} ms (${attempts} attempt${attempts === 1 ? '' : 's'})`)
    this.name = 'GatewayTimeoutError'
    this.attempts = attempts
    this.timeoutMs = timeoutMs
  }
}

/** The HTTP exchange failed (network error, non-2xx status) or the answer was not the XML expected. */
export class GatewayTransportError extends GatewayError {
  /** HTTP status when there was one. */
  readonly status: number | undefined
  readonly attempts: number

  constructor(operation: OperationName, message: string, attempts: number, status?: number) {
    super(operation, `${operation}: ${message}`)
    this.name = 'GatewayTransportError'
    this.status = status
    this.attempts = attempts
  }
}

/**
 * A refund was sent but its outcome could not be established (no answer, and Refund Query does not know the
 * refund_number yet). The SDK will not send it again; follow it with refundQuery({ refund_number }) later.
 */
export class GatewayRefundOutcomeUnknownError extends GatewayError {
  readonly refundNumber: string

  constructor(refundNumber: string, reason: string) {
    super('refund', `refund ${refundNumber}: outcome unknown (${reason}); it will not be re-sent — follow it with refundQuery`)
    this.name = 'GatewayRefundOutcomeUnknownError'
    this.refundNumber = refundNumber
  }
}
