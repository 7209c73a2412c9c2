/**
 * What a failed Oceanpayment call means for an action: the HTTP answer of a single call (contract/api.ts:
 * GATEWAY_UNAVAILABLE 502 when it did not answer or answered garbage, GATEWAY_REJECTED 422 when it said no), and the
 * failure an audit row records (contract/actions.ts ACTION_FAILURES) with Oceanpayment's result code. One table, so
 * every tool and the tracking upload word the same fault the same way.
 */
import type { ActionFailure } from '@contract/actions'
import { AppError } from '../errors'
import { GatewayError, GatewayRejectedError, GatewayValidationError } from '../gateway'

export interface GatewayFailure {
  failure: ActionFailure
  /** Oceanpayment's result code when it answered one. */
  gatewayCode: string | null
  error: AppError
}

/** Maps a thrown error of a gateway call; anything that is not a GatewayError is rethrown as the bug it is. */
export function gatewayFailure(error: unknown): GatewayFailure {
  if (error instanceof GatewayRejectedError) {
    if (error.kind === 'system') {
      return { failure: 'gateway-unavailable', gatewayCode: error.resultCode, error: unavailable(`Oceanpayment reported a system error (${error.resultCode})`) }
    }
    const failure: ActionFailure = error.kind === 'not-found' ? 'payment-not-found' : 'gateway-rejected'
    return {
      failure,
      gatewayCode: error.resultCode,
      error: new AppError(422, 'GATEWAY_REJECTED', `Oceanpayment refused the ${error.operation} call (${error.resultCode} ${error.resultName})`),
    }
  }
  // Our own parameters broke Oceanpayment's rules although the boundary checked them: nothing was sent.
  if (error instanceof GatewayValidationError) {
    return { failure: 'gateway-rejected', gatewayCode: null, error: new AppError(422, 'GATEWAY_REJECTED', error.message) }
  }
  if (error instanceof GatewayError) {
    return { failure: 'gateway-unavailable', gatewayCode: null, error: unavailable(`Oceanpayment did not answer the ${error.operation} call`) }
  }
  throw error
}

/** The merchant's terminals are not configured on this server: Oceanpayment cannot be asked on its behalf. */
export function noTerminalFailure(): GatewayFailure {
  return { failure: 'gateway-unavailable', gatewayCode: null, error: unavailable('no Oceanpayment terminal of this merchant is configured on this server') }
}

function unavailable(message: string): AppError {
  return new AppError(502, 'GATEWAY_UNAVAILABLE', message)
}
