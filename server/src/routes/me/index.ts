/** GET /api/me (我的). */
import type { FastifyPluginAsync } from 'fastify'
import { requireAuth } from '../../auth/request-context'
import type { MeResponse } from '../../../../types/me'
import { getMe } from '../../services/me'
import type { ReadApiOptions } from '../read-api-options'

const responseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['merchantName', 'merchantNo', 'userId', 'username', 'position', 'maskedPhone', 'permissions', 'terminals', 'accountManager'],
  properties: {
    merchantName: { type: 'string' },
    merchantNo: { type: 'string' },
    userId: { type: 'string' },
    username: { type: 'string' },
    position: { type: 'string' },
    maskedPhone: { type: 'string' },
    permissions: { type: 'array', items: { type: 'string' } },
    terminals: { type: 'array', items: { type: 'string' }, description: "The merchant's terminal numbers, sorted" },
    accountManager: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['name', 'phone', 'wecomId', 'cardImage'],
      properties: {
        name: { type: 'string' },
        phone: { type: 'string' },
        wecomId: { type: 'string' },
        cardImage: {
          type: 'string',
          pattern: '^data:image/png;base64,',
          description: 'WeCom contact QR code (PNG data URL, ~240 px) of https://work.weixin.qq.com/u/<wecomId>',
        },
      },
    },
  },
} as const

const emptyQuery = { type: 'object', additionalProperties: false, properties: {} } as const

export const meRoutes: FastifyPluginAsync<ReadApiOptions> = async (app, { db }) => {
  app.get<{ Reply: MeResponse }>(
    '/me',
    { schema: { tags: ['me'], summary: '我的: account, user, terminals, account manager with WeCom card', querystring: emptyQuery, response: { 200: responseSchema } } },
    async (request) => getMe(db, requireAuth(request)),
  )
}
