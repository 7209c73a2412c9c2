/** Schemas of GET /api/transactions and GET /api/transactions/:paymentId. */
import { CARD_BRANDS, TRANSACTION_FILTER, TRANSACTION_STATUSES } from '@contract/transactions'
import { filterSchemaProperties, listPageSchema, moneySchema, nullableString, nullableTimeSchema, pageProperties, propertyNames, timeSchema } from '../read-schemas'

export const CARD_BRAND_VALUES = [...CARD_BRANDS]

/** The filter properties (from TRANSACTION_FILTER), shared with the to-do queries and the settlement detail. */
export const transactionFilterProperties = filterSchemaProperties(TRANSACTION_FILTER)

export const transactionFilterSchema = {
  type: 'object',
  additionalProperties: false,
  properties: transactionFilterProperties,
} as const

export const listQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { ...transactionFilterProperties, ...pageProperties },
} as const

const caseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'status', 'reasonCode', 'reason', 'amount', 'openedAt', 'handledAt', 'deadlineAt'],
  properties: {
    id: { type: 'string' },
    kind: { type: 'string' },
    status: { type: 'string' },
    reasonCode: nullableString,
    reason: nullableString,
    amount: moneySchema,
    openedAt: timeSchema,
    handledAt: nullableTimeSchema,
    deadlineAt: nullableTimeSchema,
  },
} as const

const listItemProperties = {
  paymentId: { type: 'string' },
  orderNumber: { type: 'string' },
  terminal: { type: 'string' },
  paymentMethod: { type: 'string' },
  cardBrand: nullableString,
  txnType: { type: 'string' },
  status: { type: 'string' },
  authStatus: nullableString,
  amount: moneySchema,
  refundStatus: { type: 'string' },
  paymentTime: timeSchema,
  settlementTime: nullableTimeSchema,
} as const

export const listItemSchema = {
  type: 'object',
  additionalProperties: false,
  required: propertyNames(listItemProperties),
  // `case` only on a case list (filter `case`), `authorizationExpiry` only on a pending pre-authorization: not required.
  properties: {
    ...listItemProperties,
    case: caseSchema,
    authorizationExpiry: {
      type: 'object',
      additionalProperties: false,
      required: ['expiresAt', 'daysLeft'],
      properties: { expiresAt: timeSchema, daysLeft: { type: 'integer' } },
    },
  },
} as const

export const totalSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['count', 'amounts', 'basis'],
  properties: {
    count: { type: 'integer' },
    amounts: { type: 'array', items: moneySchema },
    basis: {
      type: 'object',
      additionalProperties: false,
      required: ['status', 'amount'],
      properties: { status: { type: 'string', enum: TRANSACTION_STATUSES }, amount: { type: 'string', enum: ['transaction', 'booking'] } },
    },
  },
} as const

export const pageSchema = listPageSchema(listItemSchema, totalSchema)


const detailProperties = {
  ...listItemProperties,
  website: nullableString,
  cardCountry: nullableString,
  cardMasked: nullableString,
  bookingAmount: moneySchema,
  fee: moneySchema,
  deposit: moneySchema,
  refunded: moneySchema,
  refundable: moneySchema,
  bookedAt: nullableTimeSchema,
  failureCode: nullableString,
  failureReason: nullableString,
  trackingNumber: nullableString,
  trackingSite: nullableString,
  deliveryStatus: { type: 'string' },
  fundsStatus: { type: 'string' },
  fundsBatchNo: nullableString,
  depositStatus: { type: 'string' },
  depositBatchNo: nullableString,
  updatedAt: timeSchema,
  cases: { type: 'array', items: caseSchema },
} as const

export const detailSchema = {
  type: 'object',
  additionalProperties: false,
  required: propertyNames(detailProperties),
  properties: detailProperties,
} as const

export const paymentIdParams = {
  type: 'object',
  additionalProperties: false,
  required: ['paymentId'],
  properties: { paymentId: { type: 'string', minLength: 1, maxLength: 64 } },
} as const
