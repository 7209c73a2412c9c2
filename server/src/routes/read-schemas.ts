/**
 * JSON-schema pieces the read API routes share: money, Beijing times, the range filter, page size and cursor.
 */
import { filterKeys, RANGE_FILTER, type FilterSchema, type FilterTable } from '@contract/filters'
import { CURRENCY_CODES } from '@contract/money'

export { moneySchema } from '../money'

export const timeSchema = { type: 'string', description: 'ISO 8601 with +08:00 (Beijing time)' } as const
export const nullableTimeSchema = { type: ['string', 'null'], description: 'ISO 8601 with +08:00 (Beijing time)' } as const
export const nullableString = { type: ['string', 'null'] } as const
export const currencySchema = { type: 'string', enum: [...CURRENCY_CODES] } as const

/** The names of an object schema's properties, for its `required`: Object.keys with the names' types kept. */
export function propertyNames<P extends object>(properties: P): Array<keyof P & string> {
  return Object.keys(properties) as Array<keyof P & string>
}

/** The query-schema properties of a filter table (contract/filters.ts): each key's schema, in the table's order. */
export type FilterSchemaProperties<T extends FilterTable> = { [K in keyof T]: T[K]['schema'] }

export function filterSchemaProperties<T extends FilterTable>(table: T): FilterSchemaProperties<T> {
  const properties: Record<string, FilterSchema> = {}
  for (const key of filterKeys(table)) {
    const { schema } = table[key]
    // Copies: nothing handed to the validator or the OpenAPI document shares the contract's arrays.
    properties[key] = schema.enum === undefined ? { ...schema } : { ...schema, enum: [...schema.enum] }
  }
  return properties as FilterSchemaProperties<T>
}

/** from/to of every list; checked further (one year back, to ≥ from) by the services, naming the field. */
export const rangeProperties = filterSchemaProperties(RANGE_FILTER)

export const pageProperties = {
  limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  cursor: { type: 'string', minLength: 1, maxLength: 512 },
} as const

/** The query of a route that takes none: any parameter is refused (unknown-fields.ts names it). */
/** One page of a keyset list: its items, the cursor of the next page, and the first page's total. */
export function listPageSchema<const Item extends object, const Total extends object>(item: Item, total: Total) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['items', 'nextCursor'],
    properties: { items: { type: 'array', items: item }, nextCursor: { type: ['string', 'null'] }, total },
  } as const
}

export const emptyQuery = { type: 'object', additionalProperties: false, properties: {} } as const

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
