/** GET /api/funds (账户资金明细). */
import type { FastifyPluginAsync } from 'fastify'
import { requireAuth } from '../../auth/request-context'
import type { FundsResponse } from '../../../../types/funds'
import { getFunds } from '../../services/funds'
import type { ReadApiOptions } from '../read-api-options'
import { moneySchema, timeSchema } from '../read-schemas'

const group = (keys: readonly string[]) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: keys,
    properties: Object.fromEntries(keys.map((key) => [key, moneySchema])),
  }) as const

const responseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['currencies', 'asOf'],
  properties: {
    currencies: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['currency', 'settlementMethod', 'period', 'settleable', 'unsettled', 'transferred'],
        properties: {
          currency: { type: 'string' },
          settlementMethod: { type: 'string' },
          period: { type: 'string' },
          settleable: group(['transaction', 'afterFees', 'deposit']),
          unsettled: group(['transaction', 'afterFeesAndDeposit', 'deposit', 'total']),
          transferred: group(['transaction', 'deposit', 'total']),
        },
      },
    },
    asOf: timeSchema,
  },
} as const

const emptyQuery = { type: 'object', additionalProperties: false, properties: {} } as const

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
