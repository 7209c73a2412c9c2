/**
 * What WeChat's client would do for the user, for a browser that has no WeChat: `wx.login` (a login code) and the
 * getPhoneNumber sheet (a phone code for a number the developer types). Ours, not WeChat's, so they answer with the
 * assistant's JSON error envelope. Rate-limited per client address.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../../errors'
import { identityFor, newLoginCode, newPhoneCode, parsePhone } from './identity'
import type { EmulatorStore } from './store'

export interface DevRoutesOptions {
  store: EmulatorStore
  appId: string
  clock: () => number
  /** Calls per minute per client address, both endpoints together. */
  devPerMinute: number
}

const codeAnswer = {
  200: {
    type: 'object',
    required: ['code'],
    properties: { code: { type: 'string' }, expiresIn: { type: 'integer' } },
  },
} as const

/** Seconds a minted code stays valid (WeChat's five minutes). */
const EXPIRES_IN = 300

export async function devRoutes(app: FastifyInstance, options: DevRoutesOptions): Promise<void> {
  const { store, appId, clock, devPerMinute } = options

  const limit = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const quota = await store.withinQuota(`dev:${request.ip}`, devPerMinute, clock())
    if (!quota.allowed) {
      void reply.header('retry-after', String(quota.retryAfterSeconds))
      throw new AppError(429, 'TOO_MANY_REQUESTS', 'too many emulator codes requested; try again in a minute')
    }
  }

  app.post<{ Body: { device?: string } }>(
    '/dev/login',
    {
      preHandler: limit,
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            // A browser's own random id (kept in its storage): the same device is the same WeChat user (openid).
            device: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,128}$' },
          },
        },
        response: codeAnswer,
      },
    },
    async (request) => {
      const code = newLoginCode()
      await store.mintLoginCode(code, appId, identityFor(appId, request.body.device), clock())
      return { code, expiresIn: EXPIRES_IN }
    },
  )

  app.post<{ Body: { phone: string } }>(
    '/dev/phone-code',
    {
      preHandler: limit,
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['phone'],
          properties: { phone: { type: 'string', minLength: 1, maxLength: 24 } },
        },
        response: codeAnswer,
      },
    },
    async (request) => {
      const phone = parsePhone(request.body.phone)
      if (phone === undefined) {
        throw new AppError(
          400,
          'VALIDATION_FAILED',
          'phone must be a mainland mobile number (11 digits, e.g. 13800138000) or +<country code> <number>, e.g. +852 61234567',
        )
      }
      const code = newPhoneCode()
      await store.mintPhoneCode(code, appId, phone, clock())
      return { code, expiresIn: EXPIRES_IN }
    },
  )
}
