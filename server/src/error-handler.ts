/**
 * One place decides what a failed request looks like from outside. 4xx: the caller can act on it, so code and
 * message are sent. 5xx: the body is generic (internal details can leak secrets or structure) and carries the
 * request id; the full error is logged under that same id.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { ApiErrorCode } from '@contract/api'
import { AppError, errorBody } from './errors'

const CODE_BY_STATUS: Readonly<Record<number, ApiErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
}

function statusOf(error: unknown): number {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : 500
}

function clientErrorCode(error: unknown, status: number): ApiErrorCode {
  if (error instanceof AppError) return error.code
  // Fastify's own codes (FST_ERR_…) are framework details; clients get codes of ours.
  if ((error as Partial<FastifyError> | undefined)?.validation !== undefined) return 'VALIDATION_FAILED'
  return CODE_BY_STATUS[status] ?? 'REQUEST_ERROR'
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = statusOf(error)
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed')
    // A deliberate 5xx (GATEWAY_UNAVAILABLE 502) keeps its code: the client acts on it; its message is written for outside.
    if (error instanceof AppError) return reply.code(status).send(errorBody(error.code, error.message, request.id))
    return reply.code(status).send(errorBody('INTERNAL', 'Internal server error', request.id))
  }
  const code = clientErrorCode(error, status)
  const message = messageOf(error)
  // Expected traffic (bad input, expired sessions): no stack, and not at error level.
  request.log.info({ error: { code, message } }, 'request rejected')
  return reply.code(status).send(errorBody(code, message, undefined, error instanceof AppError ? error.extras : undefined))
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // Only the path: the query string may carry parameters we would rather not echo.
  const path = request.url.split('?')[0]
  return reply.code(404).send(errorBody('NOT_FOUND', `No route for ${request.method} ${path}`))
}

/**
 * Errors the router raises before a route is chosen (Fastify's frameworkErrors): a URL that is not validly
 * percent-encoded, a path parameter longer than the router takes. The message is ours; the URL is not echoed.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = statusOf(error)
  if (status >= 500) return handleError(error, request, reply)
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'a part of the URL path is too long' : 'the URL path is not validly percent-encoded UTF-8'
  request.log.info({ error: { code: 'BAD_REQUEST', message } }, 'request rejected')
  return reply.code(status === 414 ? 414 : 400).send(errorBody(status === 414 ? 'REQUEST_ERROR' : 'BAD_REQUEST', message))
}
