/** Schemas of GET /api/todos (contract/todos.ts is the TypeScript side). */
import { TODO_KINDS } from '@contract/todos'
import { moneySchema, timeSchema } from '../read-schemas'
import { transactionFilterSchema } from '../transactions/schemas'

export const querySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['filter'],
  properties: { filter: transactionFilterSchema },
} as const

export const responseSchema = {
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
          kind: { type: 'string', enum: TODO_KINDS },
          count: { type: 'integer' },
          query: querySchema,
        },
      },
    },
    asOf: timeSchema,
  },
} as const
