/** Schemas of GET /api/funds (contract/funds.ts is the TypeScript side). */
import { SETTLEMENT_METHODS } from '@contract/funds'
import { moneySchema, timeSchema } from '../read-schemas'

/** An object of amounts, one per key. */
const group = <K extends string>(keys: readonly K[]) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: keys,
    properties: Object.fromEntries(keys.map((key) => [key, moneySchema])) as Record<K, typeof moneySchema>,
  }) as const

export const responseSchema = {
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
          settlementMethod: { type: 'string', enum: [...SETTLEMENT_METHODS] },
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
