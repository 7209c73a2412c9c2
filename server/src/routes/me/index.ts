/** GET /api/me (我的). */
import type { FastifyPluginAsync } from 'fastify'
import { requireAuth } from '../../auth/context'
import type { MeResponse } from '../../../../types/me'
import { getMe } from '../../services/me'
import type { ReadApiOptions } from '../read-api-options'

const responseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['merchantName', 'merchantNo', 'userId', 'username', 'position', 'maskedPhone', 'permissions', 'accountManager'],
  properties: {
    merchantName: { type: 'string' },
    merchantNo: { type: 'string' },
    userId: { type: 'string' },
    username: { type: 'string' },
    position: { type: 'string' },
    maskedPhone: { type: 'string' },
    permissions: { type: 'array', items: { type: 'string' } },
    accountManager: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['name', 'phone', 'wecomId'],
      properties: { name: { type: 'string' }, phone: { type: 'string' }, wecomId: { type: 'string' } },
    },
  },
} as const

const emptyQuery = { type: 'object', additionalProperties: false, properties: {} } as const

export const meRoutes: FastifyPluginAsync<ReadApiOptions> = async (app, { db }) => {
  app.get<{ Reply: MeResponse }>(
    '/me',
    { schema: { tags: ['me'], summary: '我的: account, user, account manager', querystring: emptyQuery, response: { 200: responseSchema } } },
    async (request) => getMe(db, requireAuth(request)),
  )
}
