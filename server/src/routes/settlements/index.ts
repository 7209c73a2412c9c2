/**
 * GET /api/settlements (交易划款 list), GET /api/settlements/:batchNo (batch detail with its rows' first page) and
 * GET /api/settlements/:batchNo/rows (later pages).
 */
import type { FastifyPluginAsync } from 'fastify'
import { requireAuth } from '../../auth/request-context'
import type { SettlementDetail, SettlementRowsPage, SettlementRowsQuery, SettlementsPage, SettlementsQuery } from '@contract/settlements'
import { getSettlement, listSettlementRows, listSettlements } from '../../services/settlements'
import type { ReadApiOptions } from '../read-api-options'
import { emptyQuery, errorResponse } from '../read-schemas'
import { batchNoParams, detailSchema, pageSchema, querySchema, rowsPageSchema, rowsQuerySchema } from './schemas'

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
        summary: 'One batch with the first page of its rows, which add up to its figures (404 for another merchant)',
        params: batchNoParams,
        querystring: emptyQuery,
        response: { 200: detailSchema, 404: errorResponse },
      },
    },
    async (request) => getSettlement(db, requireAuth(request).merchantNo, request.params.batchNo),
  )

  app.get<{ Params: { batchNo: string }; Querystring: SettlementRowsQuery; Reply: SettlementRowsPage }>(
    '/settlements/:batchNo/rows',
    {
      schema: {
        tags: ['settlements'],
        summary: "A batch's rows, keyset pages: transactions, chargebacks, released reserve (404 for another merchant)",
        params: batchNoParams,
        querystring: rowsQuerySchema,
        response: { 200: rowsPageSchema, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => listSettlementRows(db, requireAuth(request).merchantNo, request.params.batchNo, request.query),
  )
}
