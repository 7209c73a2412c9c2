/** Schemas of GET /api/settlements and GET /api/settlements/:batchNo. */
import { BATCH_ROW_KINDS, SETTLEMENT_FILTER } from '@contract/settlements'
import { filterSchemaProperties, listPageSchema, moneySchema, nullableTimeSchema, pageProperties, propertyNames, timeSchema } from '../read-schemas'

export const querySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { ...filterSchemaProperties(SETTLEMENT_FILTER), ...pageProperties },
} as const

const batchProperties = {
  batchNo: { type: 'string' },
  batchType: { type: 'string' },
  currency: { type: 'string' },
  status: { type: 'string' },
  periodStart: timeSchema,
  periodEnd: timeSchema,
  createdAt: timeSchema,
  settledAt: nullableTimeSchema,
  txnCount: { type: 'integer' },
  gross: moneySchema,
  fee: moneySchema,
  refund: moneySchema,
  chargeback: moneySchema,
  deposit: moneySchema,
  net: moneySchema,
} as const

export const batchSchema = {
  type: 'object',
  additionalProperties: false,
  required: propertyNames(batchProperties),
  properties: batchProperties,
} as const

export const pageSchema = listPageSchema(batchSchema, {
  type: 'object',
  additionalProperties: false,
  required: ['count'],
  properties: { count: { type: 'integer' } },
})

const rowProperties = {
  kind: { type: 'string', enum: [...BATCH_ROW_KINDS] },
  paymentId: { type: 'string' },
  orderNumber: { type: 'string' },
  time: timeSchema,
  transactionAmount: moneySchema,
  gross: moneySchema,
  fee: moneySchema,
  refund: moneySchema,
  chargeback: moneySchema,
  deposit: moneySchema,
  net: moneySchema,
} as const

export const rowsPageSchema = listPageSchema(
  { type: 'object', additionalProperties: false, required: propertyNames(rowProperties), properties: rowProperties },
  { type: 'object', additionalProperties: false, required: ['count'], properties: { count: { type: 'integer' } } },
)

export const rowsQuerySchema = { type: 'object', additionalProperties: false, properties: pageProperties } as const

export const detailSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...propertyNames(batchProperties), 'rows'],
  properties: { ...batchProperties, rows: rowsPageSchema },
} as const

export const batchNoParams = {
  type: 'object',
  additionalProperties: false,
  required: ['batchNo'],
  properties: { batchNo: { type: 'string', minLength: 1, maxLength: 64 } },
} as const
