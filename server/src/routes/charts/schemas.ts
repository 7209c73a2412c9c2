/** Schemas of GET /api/charts/:type (contract/charts.ts is the TypeScript side). */
import { CHART_TYPES, DATE_BASES } from '@contract/charts'
import { rangeProperties, timeSchema } from '../read-schemas'
import { CARD_BRAND_VALUES } from '../transactions/schemas'

export const querySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    range: { type: 'string', enum: ['7d', '30d'] },
    ...rangeProperties,
    terminal: { type: 'string', pattern: '^[0-9]{8,12}$' },
    cardBrand: { type: 'string', enum: CARD_BRAND_VALUES },
  },
} as const

export const paramsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: { type: { type: 'string', enum: [...CHART_TYPES] } },
} as const

export const responseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'from', 'to', 'basis', 'categories', 'series', 'table'],
  properties: {
    type: { type: 'string' },
    from: timeSchema,
    to: timeSchema,
    basis: { type: 'string', enum: [...DATE_BASES] },
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
          // null: a rate without a denominator (a gap, not 0 %).
          values: { type: 'array', items: { type: ['number', 'null'] } },
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
        rows: { type: 'array', items: { type: 'object', additionalProperties: { type: ['string', 'number', 'null'] } } },
      },
    },
  },
} as const
