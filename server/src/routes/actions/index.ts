/**
 * The action routes (contract/actions.ts, docs/actions.md): the action PIN, refund / capture / void with an
 * Idempotency-Key, polling an action, a payment's 操作记录 and what its detail may offer. Signed /api routes; each
 * request counts against the account's action rate limit, as logins count against theirs.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { CaptureRequest, RefundRequest, SetActionPinRequest } from '@contract/actions'
import { requireAuth } from '../../auth/request-context'
import { rateLimiter, RateLimitedError, type RateLimitRule } from '../../auth/rate-limits'
import type { Db } from '../../db'
import { emptyQuery } from '../read-schemas'
import { availableActions } from '../../actions/available'
import { paymentActions } from '../../actions/history'
import { captureAction, getAction, refundAction, voidAction, type ActionAnswer, type MoneyActionDeps } from '../../actions/money-actions'
import { pinState, setPin } from '../../actions/pin'
import {
  actionErrorSchema,
  actionIdParams,
  actionRecordSchema,
  availableSchema,
  captureBody,
  paymentActionsSchema,
  paymentParams,
  pinStateSchema,
  refundBody,
  setPinBody,
  voidBody,
} from './schemas'

/**
 * Per account, on the requests that act (POST/PUT: set the PIN, refund, capture, void): room for a person tapping,
 * tight for a script (5 wrong PINs lock it anyway). Reads — the PIN's state, 操作记录, the available actions, polling
 * an outcome — are not limited here, like every other read: a merchant opening details quickly must never lose the
 * action buttons to a 429.
 */
export const DEFAULT_ACTION_RATE_LIMIT: RateLimitRule = { limit: 60, windowSeconds: 60 }

export interface ActionRoutesOptions {
  db: Db
  clock: () => number
  deps: MoneyActionDeps
  rateLimit?: RateLimitRule
}

const errors = { 400: actionErrorSchema, 401: actionErrorSchema, 403: actionErrorSchema, 404: actionErrorSchema, 409: actionErrorSchema, 422: actionErrorSchema, 423: actionErrorSchema, 429: actionErrorSchema } as const

export const actionRoutes: FastifyPluginAsync<ActionRoutesOptions> = async (app, { db, clock, deps, rateLimit }) => {
  const limiter = rateLimiter(db, clock)
  const rule = rateLimit ?? DEFAULT_ACTION_RATE_LIMIT

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'GET') return
    const auth = requireAuth(request)
    try {
      await limiter.hit(`actions:${auth.userId}`, rule, 'action requests')
    } catch (error) {
      if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSeconds))
      throw error
    }
  })

  const send = (reply: FastifyReply, answer: ActionAnswer) => reply.code(answer.statusCode).send(answer.body)

  app.get('/actions/pin', { schema: { querystring: emptyQuery, tags: ['actions'], summary: 'Whether the action PIN is set, locked, and tries left', response: { 200: pinStateSchema, ...errors } } }, async (request) =>
    pinState(db, requireAuth(request).userId),
  )

  app.put<{ Body: SetActionPinRequest }>(
    '/actions/pin',
    { schema: { querystring: emptyQuery, tags: ['actions'], summary: 'Set the action PIN on first use (409 once set)', body: setPinBody, response: errors } },
    async (request, reply) => {
      await setPin(db, requireAuth(request).userId, request.body.pin)
      return reply.code(204).send()
    },
  )

  app.get<{ Params: { id: string } }>(
    '/actions/:id',
    { schema: { querystring: emptyQuery, tags: ['actions'], summary: 'One action (poll until final)', params: actionIdParams, response: { 200: actionRecordSchema, ...errors } } },
    async (request) => getAction(db, requireAuth(request).merchantNo, request.params.id),
  )

  app.get<{ Params: { paymentId: string } }>(
    '/transactions/:paymentId/actions',
    { schema: { querystring: emptyQuery, tags: ['actions'], summary: '操作记录 of a payment, newest first', params: paymentParams, response: { 200: paymentActionsSchema, ...errors } } },
    async (request) => paymentActions(db, requireAuth(request).merchantNo, request.params.paymentId),
  )

  app.get<{ Params: { paymentId: string } }>(
    '/transactions/:paymentId/actions/available',
    { schema: { querystring: emptyQuery, tags: ['actions'], summary: 'The actions this account may take on this payment now', params: paymentParams, response: { 200: availableSchema, ...errors } } },
    async (request) => availableActions(db, requireAuth(request), request.params.paymentId, deps.now()),
  )

  // Body validation is reported by the handler (attachValidation), after the permission and ownership checks.
  app.post<{ Params: { paymentId: string }; Body: RefundRequest }>(
    '/transactions/:paymentId/refunds',
    { attachValidation: true, schema: { querystring: emptyQuery, tags: ['actions'], summary: 'Refund (Idempotency-Key, PIN)', params: paymentParams, body: refundBody, response: { 201: actionRecordSchema, ...errors } } },
    async (request, reply) => send(reply, await refundAction(deps, request, request.params.paymentId)),
  )

  app.post<{ Params: { paymentId: string }; Body: CaptureRequest }>(
    '/transactions/:paymentId/capture',
    { attachValidation: true, schema: { querystring: emptyQuery, tags: ['actions'], summary: 'Capture a pending pre-authorization (Idempotency-Key, PIN)', params: paymentParams, body: captureBody, response: { 201: actionRecordSchema, ...errors } } },
    async (request, reply) => send(reply, await captureAction(deps, request, request.params.paymentId)),
  )

  app.post<{ Params: { paymentId: string } }>(
    '/transactions/:paymentId/void',
    { attachValidation: true, schema: { querystring: emptyQuery, tags: ['actions'], summary: 'Void a pending pre-authorization (Idempotency-Key, PIN)', params: paymentParams, body: voidBody, response: { 201: actionRecordSchema, ...errors } } },
    async (request, reply) => send(reply, await voidAction(deps, request, request.params.paymentId)),
  )
}
