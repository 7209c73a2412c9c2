/**
 * JSON schemas of the tracking upload and the tools (contract/actions.ts is the TypeScript side). They fix the
 * shape (types, counts, no extra fields); the lengths and formats of each value are the SDK's rules
 * (gateway/operations.ts), applied by actions/boundary.ts, so one table holds them.
 */
import { ACTION_FAILURES, ACTION_KINDS, ACTION_STATUSES } from '@contract/actions'
import { moneySchema } from '../../money'

export const MAX_TRACKING_ITEMS = 50
export const MAX_ORDER_NUMBERS = 100
export const MAX_CARD_BINS = 100

const text = { type: 'string', minLength: 1 } as const

export const trackingUploadBodySchema = {
  type: 'object',
  required: ['items'],
  additionalProperties: false,
  properties: {
    items: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_TRACKING_ITEMS,
      items: {
        type: 'object',
        required: ['paymentId', 'trackingNumber', 'trackingSite', 'handler'],
        additionalProperties: false,
        properties: { paymentId: text, trackingNumber: text, trackingSite: text, handler: text },
      },
    },
  },
} as const

export const orderLookupBodySchema = {
  type: 'object',
  required: ['orderNumbers'],
  additionalProperties: false,
  properties: {
    // A comma inside one number would split it in Oceanpayment's comma-separated list.
    orderNumbers: { type: 'array', minItems: 1, maxItems: MAX_ORDER_NUMBERS, items: { type: 'string', minLength: 1, pattern: '^[^,]+$' } },
  },
} as const

export const cardBinBodySchema = {
  type: 'object',
  required: ['bins'],
  additionalProperties: false,
  properties: { bins: { type: 'array', minItems: 1, maxItems: MAX_CARD_BINS, items: { type: 'string', pattern: '^[0-9]{6}$' } } },
} as const

export const healthCheckBodySchema = {
  type: 'object',
  required: ['site'],
  additionalProperties: false,
  properties: { site: text },
} as const

const nullableString = { type: ['string', 'null'] } as const
const nullableMoney = { anyOf: [moneySchema, { type: 'null' }] } as const

export const actionRecordSchema = {
  type: 'object',
  required: ['id', 'kind', 'paymentId', 'orderNumber', 'amount', 'status', 'failure', 'gatewayCode', 'actor', 'createdAt', 'updatedAt'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', enum: [...ACTION_KINDS] },
    paymentId: nullableString,
    orderNumber: nullableString,
    amount: nullableMoney,
    status: { type: 'string', enum: [...ACTION_STATUSES] },
    failure: { anyOf: [{ type: 'string', enum: [...ACTION_FAILURES] }, { type: 'null' }] },
    gatewayCode: nullableString,
    actor: {
      type: 'object',
      required: ['username', 'maskedPhone'],
      additionalProperties: false,
      properties: { username: { type: 'string' }, maskedPhone: { type: 'string' } },
    },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const

export const trackingUploadResponseSchema = {
  type: 'object',
  required: ['results'],
  additionalProperties: false,
  properties: { results: { type: 'array', items: actionRecordSchema } },
} as const

export const orderLookupResponseSchema = {
  type: 'object',
  required: ['orders'],
  additionalProperties: false,
  properties: {
    orders: {
      type: 'array',
      items: {
        type: 'object',
        required: ['orderNumber', 'paymentId', 'amount', 'status', 'details'],
        additionalProperties: false,
        properties: {
          orderNumber: { type: 'string' },
          paymentId: nullableString,
          amount: nullableMoney,
          status: { type: 'string', enum: ['pending', 'success', 'failure', 'not-found'] },
          details: nullableString,
        },
      },
    },
  },
} as const

export const cardBinResponseSchema = {
  type: 'object',
  required: ['bins'],
  additionalProperties: false,
  properties: {
    bins: {
      type: 'array',
      items: {
        type: 'object',
        required: ['bin', 'brand', 'type', 'level', 'country', 'issuer'],
        additionalProperties: false,
        properties: { bin: { type: 'string' }, brand: nullableString, type: nullableString, level: nullableString, country: nullableString, issuer: nullableString },
      },
    },
  },
} as const

export const healthCheckResponseSchema = {
  type: 'object',
  required: ['site', 'result', 'details', 'siteStatus', 'keyStatus'],
  additionalProperties: false,
  properties: { site: { type: 'string' }, result: { type: 'string' }, details: nullableString, siteStatus: nullableString, keyStatus: nullableString },
} as const
