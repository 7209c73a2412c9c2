/** GET /api/settlements (交易划款 list) and GET /api/settlements/:batchNo (batch detail). */
import type { FastifyPluginAsync } from 'fastify'
import { requireAuth } from '../../auth/request-context'
import { BATCH_TIME_TYPES, BATCH_TYPES, type SettlementDetail, type SettlementsPage, type SettlementsQuery } from '../../../../types/settlements'
import { getSettlement, listSettlements } from '../../services/settlements'
import type { ReadApiOptions } from '../read-api-options'
import { currencySchema, errorResponse, moneySchema, nullableTimeSchema, pageProperties, rangeProperties, timeSchema } from '../read-schemas'
import { pageSchema as transactionsPageSchema } from '../transactions/schemas'

const querySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...rangeProperties,
    timeType: { type: 'string', enum: [...BATCH_TIME_TYPES] },
    batchNo: { type: 'string', minLength: 1, maxLength: 64 },
    currency: currencySchema,
    batchType: { type: 'string', enum: [...BATCH_TYPES] },
    ...pageProperties,
  },
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

const batchSchema = {
  type: 'object',
  additionalProperties: false,
  required: Object.keys(batchProperties),
  properties: batchProperties,
} as const

const pageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'nextCursor'],
  properties: {
    items: { type: 'array', items: batchSchema },
    nextCursor: { type: ['string', 'null'] },
    total: { type: 'object', additionalProperties: false, required: ['count'], properties: { count: { type: 'integer' } } },
  },
} as const

const detailSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...Object.keys(batchProperties), 'transactions'],
  properties: { ...batchProperties, transactions: transactionsPageSchema },
} as const

const paramsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['batchNo'],
  properties: { batchNo: { type: 'string', minLength: 1, maxLength: 64 } },
} as const

export const settlementsRoutes: FastifyPluginAsync<ReadApiOptions> = async (app, { db, now }) => {
  app.get<{ Querystring: SettlementsQuery; Reply: SettlementsPage }>(
    '/settlements',
    {
      schema: {
        tags: ['settlements'],
        summary: '交易划款: settlement batches, keyset pages',
        querystring: querySchema,
        response: { 200: pageSchema, 400: errorResponse },
      },
    },
    async (request) => listSettlements(db, requireAuth(request).merchantNo, request.query, now()),
  )

  app.get<{ Params: { batchNo: string }; Reply: SettlementDetail }>(
    '/settlements/:batchNo',
    {
      schema: {
        tags: ['settlements'],
        summary: 'One batch with the first page of its transactions (404 for another merchant)',
        params: paramsSchema,
        response: { 200: detailSchema, 404: errorResponse },
      },
    },
    async (request) => getSettlement(db, requireAuth(request).merchantNo, request.params.batchNo, now()),
  )
}
