/**
 * Who is calling: set on the request by the request-signing plugin once the session, timestamp, nonce and
 * signature have all checked out. Every merchant-data route reads the merchant from here and nowhere else, which
 * is what keeps one merchant's staff out of another merchant's records.
 */
import type { FastifyRequest } from 'fastify'
import { AppError } from '../errors'

export interface AuthContext {
  readonly sessionId: string
  /** The mini-program account (ODPM-side user) id. */
  readonly userId: string
  /** Oceanpayment account number (商户号) the user belongs to. */
  readonly merchantNo: string
  /** Actions the ODPM administrator allowed this account (SPEC §4), e.g. 'refund', 'capture'. */
  readonly permissions: readonly string[]
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: AuthContext
  }
}

/** For route handlers: the caller's context, or 401 when a route was reached without one (a wiring bug). */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (request.auth === undefined) throw new AppError(401, 'SESSION_EXPIRED', 'a signed session is required')
  return request.auth
}
