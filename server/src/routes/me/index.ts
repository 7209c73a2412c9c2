/** GET /api/me (我的). */
import type { FastifyPluginAsync } from 'fastify'
import { requireAuth } from '../../auth/request-context'
import type { MeResponse } from '@contract/me'
import { getMe } from '../../services/me'
import type { ReadApiOptions } from '../read-api-options'
import { emptyQuery } from '../read-schemas'
import { responseSchema } from './schemas'

export const meRoutes: FastifyPluginAsync<ReadApiOptions> = async (app, { db }) => {
  app.get<{ Reply: MeResponse }>(
    '/me',
    { schema: { tags: ['me'], summary: '我的: account, user, terminals, account manager with WeCom card', querystring: emptyQuery, response: { 200: responseSchema } } },
    async (request) => getMe(db, requireAuth(request)),
  )
}
