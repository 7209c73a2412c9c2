/**
 * JSON-schema pieces the read API routes share: money, Beijing times, the range filter, page size and cursor.
 */
import { CURRENCIES } from '../money'

export { moneySchema } from '../money'

export const timeSchema = { type: 'string', description: 'ISO 8601 with +08:00 (Beijing time)' } as const
export const nullableTimeSchema = { type: ['string', 'null'], description: 'ISO 8601 with +08:00 (Beijing time)' } as const
export const nullableString = { type: ['string', 'null'] } as const
export const currencySchema = { type: 'string', enum: [...CURRENCIES] } as const

/** from/to of every list; checked further (one year back, to ≥ from) by the services, naming the field. */
export const rangeProperties = {
  from: { type: 'string', maxLength: 40, description: 'ISO 8601 with offset; at most one year back' },
  to: { type: 'string', maxLength: 40, description: 'ISO 8601 with offset; not before from' },
} as const

export const pageProperties = {
  limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  cursor: { type: 'string', minLength: 1, maxLength: 512 },
} as const

export const errorResponse = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, requestId: { type: 'string' } },
    },
  },
} as const
