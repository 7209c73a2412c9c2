/** JSON schemas of the action routes (contract/actions.ts): extra fields refused, nothing coerced. */
import { ACTION_FAILURES, ACTION_KINDS, ACTION_PIN_PATTERN, ACTION_STATUSES } from '@contract/actions'
import { moneySchema } from '../../money'
import { nullableString, nullableTimeSchema, timeSchema } from '../read-schemas'

/** Decimal amount in major units; the currency's decimals are checked against the payment (money.parseMajor). */
const amount = { type: 'string', minLength: 1, maxLength: 20, pattern: '^(0|[1-9][0-9]*)(\\.[0-9]+)?$' } as const
const pin = { type: 'string', pattern: ACTION_PIN_PATTERN } as const

export const paymentParams = {
  type: 'object',
  additionalProperties: false,
  required: ['paymentId'],
  properties: { paymentId: { type: 'string', minLength: 1, maxLength: 64 } },
} as const

export const actionIdParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const

export const refundBody = {
  type: 'object',
  additionalProperties: false,
  required: ['amount', 'reason', 'pin'],
  properties: { amount, reason: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' }, pin },
} as const

export const captureBody = {
  type: 'object',
  additionalProperties: false,
  required: ['amount', 'pin'],
  properties: { amount, pin },
} as const

export const voidBody = { type: 'object', additionalProperties: false, required: ['pin'], properties: { pin } } as const

export const setPinBody = { type: 'object', additionalProperties: false, required: ['pin'], properties: { pin } } as const

export const pinStateSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['set', 'locked', 'triesLeft'],
  properties: { set: { type: 'boolean' }, locked: { type: 'boolean' }, triesLeft: { type: 'integer' } },
} as const

const nullableMoney = { ...moneySchema, type: ['object', 'null'] } as const

export const actionRecordSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'paymentId', 'orderNumber', 'amount', 'status', 'failure', 'gatewayCode', 'actor', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', enum: ACTION_KINDS },
    paymentId: nullableString,
    orderNumber: nullableString,
    amount: nullableMoney,
    status: { type: 'string', enum: ACTION_STATUSES },
    failure: { type: ['string', 'null'], enum: [...ACTION_FAILURES, null] },
    gatewayCode: nullableString,
    actor: {
      type: 'object',
      additionalProperties: false,
      required: ['username', 'maskedPhone'],
      properties: { username: { type: 'string' }, maskedPhone: { type: 'string' } },
    },
    createdAt: timeSchema,
    updatedAt: timeSchema,
  },
} as const

export const paymentActionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: { items: { type: 'array', items: actionRecordSchema } },
} as const

const window = { expiresAt: nullableTimeSchema, daysLeft: { type: ['integer', 'null'] } } as const

export const availableSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['refund', 'capture', 'void', 'tracking'],
  properties: {
    refund: { type: ['object', 'null'], additionalProperties: false, required: ['max'], properties: { max: moneySchema } },
    capture: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['max', 'expiresAt', 'daysLeft'],
      properties: { max: moneySchema, ...window },
    },
    void: { type: ['object', 'null'], additionalProperties: false, required: ['expiresAt', 'daysLeft'], properties: window },
    tracking: { type: 'boolean' },
  },
} as const

/** The error envelope with the fields action errors add (failure, triesLeft). */
export const actionErrorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        requestId: { type: 'string' },
        failure: { type: 'string' },
        triesLeft: { type: 'integer' },
      },
    },
  },
} as const
