/**
 * POST /api/auth/login (unsigned), and for a signed session: POST /api/auth/heartbeat (keeps it alive: the
 * request-signing plugin already reset its idle clock), GET /api/auth/profile, POST /api/auth/logout.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { ApiErrorBody } from '@contract/api'
import type { HeartbeatResponse, LoginRequest, LoginResponse, SessionProfile } from '@contract/auth'
import { requireAuth } from '../../auth/request-context'
import type { Db } from '../../db'
import { errorBody } from '../../errors'
import {
  loginService,
  MerchantChoiceRequiredError,
  WechatUnavailableError,
  type LoginLimits,
} from '../../auth/login'
import { RateLimitedError } from '../../auth/rate-limits'
import { sessionService } from '../../auth/sessions'
import type { WechatApi } from '../../wechat/types'
import { emptyQuery } from '../read-schemas'
import { invitationPreviewRoutes } from './invitation'
import { emptyBodySchema, heartbeatResponseSchema, loginBodySchema, loginResponseSchema, profileSchema } from './schemas'

export interface AuthRoutesOptions {
  db: Db
  wechat: WechatApi
  clock: () => number
  sessionIdleSeconds: number
  loginLimits: LoginLimits
}

export const authRoutes: FastifyPluginAsync<AuthRoutesOptions> = async (app, options) => {
  const logins = loginService({
    db: options.db,
    wechat: options.wechat,
    clock: options.clock,
    sessionIdleSeconds: options.sessionIdleSeconds,
    limits: options.loginLimits,
  })
  const sessions = sessionService(options.db, { clock: options.clock, idleSeconds: options.sessionIdleSeconds })

  app.addHook('onSend', async (_request, reply) => {
    // Tokens and keys must not sit in any cache.
    void reply.header('cache-control', 'no-store')
  })

  // What an invitation (the mini-program code's scene) says, for the login page (issue 15).
  await app.register(invitationPreviewRoutes, { db: options.db, clock: options.clock })

  app.post<{ Body: LoginRequest; Reply: LoginResponse | ApiErrorBody }>(
    '/api/auth/login',
    { schema: { body: loginBodySchema, response: { 200: loginResponseSchema } } },
    async (request, reply) => {
      try {
        const { response } = await logins.login(request.body, request.ip)
        request.log.info({ userId: response.profile.userId, merchant: response.profile.merchantAccount }, 'logged in')
        return reply.code(200).send(response)
      } catch (error) {
        if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSeconds))
        if (error instanceof MerchantChoiceRequiredError) {
          // The shared error handler sends code and message only; this answer also carries the choice.
          request.log.info({ error: { code: error.code, message: error.message } }, 'request rejected')
          const body: ApiErrorBody = { error: { code: error.code, message: error.message, merchants: error.merchants } }
          return reply.code(409).send(body)
        }
        if (error instanceof WechatUnavailableError) {
          request.log.error({ err: error.cause }, 'login: WeChat server API failed')
          return reply
            .code(502)
            .send(errorBody('WECHAT_UNAVAILABLE', 'WeChat did not answer the login; try again shortly', request.id))
        }
        throw error
      }
    },
  )

  app.post<{ Reply: HeartbeatResponse }>(
    '/api/auth/heartbeat',
    { schema: { querystring: emptyQuery, body: emptyBodySchema, response: { 200: heartbeatResponseSchema } } },
    async (request) => {
      requireAuth(request)
      return { expiresIn: options.sessionIdleSeconds }
    },
  )

  app.get<{ Reply: SessionProfile }>('/api/auth/profile', { schema: { querystring: emptyQuery, response: { 200: profileSchema } } }, async (request) => {
    const auth = requireAuth(request)
    return logins.profile(auth.userId)
  })

  app.post('/api/auth/logout', { schema: { querystring: emptyQuery, body: emptyBodySchema, response: { 204: { type: 'null' } } } }, async (request, reply) => {
    const auth = requireAuth(request)
    await sessions.end(auth.sessionId)
    request.log.info({ userId: auth.userId }, 'logged out')
    return reply.code(204).send()
  })
}
