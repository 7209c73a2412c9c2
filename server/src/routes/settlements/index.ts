/** GET /api/settlements (交易划款 list) and GET /api/settlements/:batchNo (batch detail). */
import type { FastifyPluginAsync } from 'fastify'
import { requireAuth } from '../../auth/request-context'
import type { SettlementDetail, SettlementsPage, SettlementsQuery } from '@contract/settlements'
import { getSettlement, listSettlements } from '../../services/settlements'
import type { ReadApiOptions } from '../read-api-options'
import { errorResponse } from '../read-schemas'
import { batchNoParams, detailSchema, pageSchema, querySchema } from './schemas'

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
        params: batchNoParams,
        response: { 200: detailSchema, 404: errorResponse },
      },
    },
    async (request) => getSettlement(db, requireAuth(request).merchantNo, request.params.batchNo, now()),
  )
}
