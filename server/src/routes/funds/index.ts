/** GET /api/funds (账户资金明细). */
import type { FastifyPluginAsync } from 'fastify'
import { requireAuth } from '../../auth/request-context'
import type { FundsResponse } from '@contract/funds'
import { getFunds } from '../../services/funds'
import type { ReadApiOptions } from '../read-api-options'
import { emptyQuery } from '../read-schemas'
import { responseSchema } from './schemas'

export const fundsRoutes: FastifyPluginAsync<ReadApiOptions> = async (app, { db, now }) => {
  app.get<{ Reply: FundsResponse }>(
    '/funds',
    {
      schema: {
        tags: ['home'],
        summary: '账户资金明细 per currency; recomputed when older than 30 minutes',
        querystring: emptyQuery,
        response: { 200: responseSchema },
      },
    },
    async (request) => getFunds(db, requireAuth(request).merchantNo, now()),
  )
}
