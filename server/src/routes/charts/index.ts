/** GET /api/charts/:type (可视化图表). */
import type { FastifyPluginAsync } from 'fastify'
import { requireAuth } from '../../auth/request-context'
import type { ChartResponse, ChartsQuery, ChartType } from '../../../../types/charts'
import { CHART_TYPES, getChart } from '../../services/charts'
import type { ReadApiOptions } from '../read-api-options'
import { errorResponse, rangeProperties, timeSchema } from '../read-schemas'
import { CARD_BRAND_VALUES } from '../transactions/schemas'

const querySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    range: { type: 'string', enum: ['7d', '30d'] },
    ...rangeProperties,
    terminal: { type: 'string', pattern: '^[0-9]{8,12}$' },
    cardBrand: { type: 'string', enum: CARD_BRAND_VALUES },
  },
} as const

const paramsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: { type: { type: 'string', enum: [...CHART_TYPES] } },
} as const

const responseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'from', 'to', 'categories', 'series', 'table'],
  properties: {
    type: { type: 'string' },
    from: timeSchema,
    to: timeSchema,
    categories: { type: 'array', items: { type: 'string' } },
    series: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'kind', 'values'],
        properties: {
          key: { type: 'string' },
          kind: { type: 'string', enum: ['bar', 'line', 'pie'] },
          values: { type: 'array', items: { type: 'number' } },
        },
      },
    },
    table: {
      type: 'object',
      additionalProperties: false,
      required: ['columns', 'rows'],
      properties: {
        columns: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['key', 'unit'],
            properties: { key: { type: 'string' }, unit: { type: 'string' } },
          },
        },
        rows: { type: 'array', items: { type: 'object', additionalProperties: { type: ['string', 'number'] } } },
      },
    },
  },
} as const

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
