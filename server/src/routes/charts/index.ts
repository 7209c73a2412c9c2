/** GET /api/charts/:type (可视化图表). */
import type { FastifyPluginAsync } from 'fastify'
import { requireAuth } from '../../auth/request-context'
import type { ChartResponse, ChartsQuery, ChartType } from '@contract/charts'
import { getChart } from '../../services/charts'
import type { ReadApiOptions } from '../read-api-options'
import { errorResponse } from '../read-schemas'
import { paramsSchema, querySchema, responseSchema } from './schemas'

export const chartsRoutes: FastifyPluginAsync<ReadApiOptions> = async (app, { db, now }) => {
  app.get<{ Params: { type: ChartType }; Querystring: ChartsQuery; Reply: ChartResponse }>(
    '/charts/:type',
    {
      schema: {
        tags: ['charts'],
        summary: '可视化图表: series and table rows of one chart type',
        params: paramsSchema,
        querystring: querySchema,
        response: { 200: responseSchema, 400: errorResponse },
      },
    },
    async (request) => getChart(db, requireAuth(request).merchantNo, request.params.type, request.query, now()),
  )
}
