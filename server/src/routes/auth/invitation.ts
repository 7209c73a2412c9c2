/**
 * GET /api/auth/invitation?scene=… (unsigned: the login page asks before there is a session): what an invitation
 * says — its state and, only while valid, the merchant, the account's name and its masked phone (contract
 * InvitationPreview). Rate-limited per client address, so it is no oracle for guessing tokens (62^20 of them).
 * A scene longer than WeChat's 32 characters is refused (400).
 */
import type { FastifyPluginAsync } from 'fastify'
import { INVITATION_STATES, MAX_SCENE_LENGTH, type InvitationPreview } from '@contract/invitations'
import type { Db } from '../../db'
import { rateLimiter, RateLimitedError, type RateLimitRule } from '../../auth/rate-limits'
import { invitationService } from '../../invitations'

export interface InvitationPreviewOptions {
  db: Db
  clock: () => number
  rateLimit?: RateLimitRule
}

/** A person opens the app from a code a few times; a script guessing tokens is stopped at once. */
export const DEFAULT_PREVIEW_LIMIT: RateLimitRule = { limit: 30, windowSeconds: 600 }

export const previewQuerySchema = {
  type: 'object',
  required: ['scene'],
  additionalProperties: false,
  properties: { scene: { type: 'string', minLength: 1, maxLength: MAX_SCENE_LENGTH } },
} as const

const nullableString = { type: ['string', 'null'] } as const

export const previewSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['state', 'merchantName', 'merchantAccount', 'username', 'maskedPhone'],
  properties: {
    state: { type: 'string', enum: INVITATION_STATES },
    merchantName: nullableString,
    merchantAccount: nullableString,
    username: nullableString,
    maskedPhone: nullableString,
  },
} as const

export const invitationPreviewRoutes: FastifyPluginAsync<InvitationPreviewOptions> = async (app, options) => {
  const limiter = rateLimiter(options.db, options.clock)
  const service = invitationService(options.db, () => new Date(options.clock()))
  const rule = options.rateLimit ?? DEFAULT_PREVIEW_LIMIT

  app.get<{ Querystring: { scene: string }; Reply: InvitationPreview }>(
    '/api/auth/invitation',
    { schema: { querystring: previewQuerySchema, response: { 200: previewSchema } } },
    async (request, reply) => {
      try {
        await limiter.hit(`invitation:ip:${request.ip}`, rule, 'invitation look-ups from this address')
      } catch (error) {
        if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSeconds))
        throw error
      }
      return service.preview(request.query.scene)
    },
  )
}
