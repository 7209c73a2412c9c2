/** Schemas of GET /api/health (contract/api.ts is the TypeScript side). */

const storeSchema = { type: 'string', enum: ['pglite', 'postgres'] } as const

export const okSchema = {
  type: 'object',
  required: ['status', 'store', 'version', 'time'],
  additionalProperties: false,
  properties: {
    status: { type: 'string', const: 'ok' },
    store: storeSchema,
    version: { type: 'string' },
    time: { type: 'string', format: 'date-time' },
  },
} as const

export const unavailableSchema = {
  type: 'object',
  required: ['status', 'store', 'time'],
  additionalProperties: false,
  properties: {
    status: { type: 'string', const: 'unavailable' },
    store: storeSchema,
    time: { type: 'string', format: 'date-time' },
  },
} as const
