/** GET /api/todos (待办事项). */
import type { FastifyPluginAsync } from 'fastify'
import { requireAuth } from '../../auth/request-context'
import type { TodosResponse } from '../../../../types/todos'
import { getTodos } from '../../services/todos'
import type { ReadApiOptions } from '../read-api-options'
import { moneySchema, timeSchema } from '../read-schemas'
import { transactionFilterSchema } from '../transactions/schemas'

const querySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['filter'],
  properties: { filter: transactionFilterSchema },
} as const

const responseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['date', 'today', 'items', 'asOf'],
  properties: {
    date: { type: 'string' },
    today: {
      type: 'object',
      additionalProperties: false,
      required: ['successCount', 'amounts', 'query'],
      properties: { successCount: { type: 'integer' }, amounts: { type: 'array', items: moneySchema }, query: querySchema },
    },
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'count', 'query'],
        properties: {
          kind: { type: 'string', enum: ['pendingAuthorization', 'chargeback', 'dispute', 'fraud', 'retrieval'] },
          count: { type: 'integer' },
          query: querySchema,
        },
      },
    },
    asOf: timeSchema,
  },
} as const

const emptyQuery = { type: 'object', additionalProperties: false, properties: {} } as const

export const todosRoutes: FastifyPluginAsync<ReadApiOptions> = async (app, { db, now }) => {
  app.get<{ Reply: TodosResponse }>(
    '/todos',
    { schema: { tags: ['home'], summary: '待办事项', querystring: emptyQuery, response: { 200: responseSchema } } },
    async (request) => getTodos(db, requireAuth(request).merchantNo, now()),
  )
}
