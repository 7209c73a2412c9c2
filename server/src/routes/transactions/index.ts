/** GET /api/transactions (交易明细 list, keyset pages) and GET /api/transactions/:paymentId (detail). */
import type { FastifyPluginAsync } from 'fastify'
import { requireAuth } from '../../auth/request-context'
import type { TransactionDetail, TransactionsPage, TransactionsQuery } from '@contract/transactions'
import { getTransaction, listTransactions } from '../../services/transactions'
import type { ReadApiOptions } from '../read-api-options'
import { emptyQuery, errorResponse } from '../read-schemas'
import { detailSchema, listQuerySchema, pageSchema, paymentIdParams } from './schemas'

export const transactionsRoutes: FastifyPluginAsync<ReadApiOptions> = async (app, { db, now }) => {
  app.get<{ Querystring: TransactionsQuery; Reply: TransactionsPage }>(
    '/transactions',
    {
      schema: {
        tags: ['transactions'],
        summary: '交易明细: filtered keyset pages; total count and per-currency amounts on the first page',
        querystring: listQuerySchema,
        response: { 200: pageSchema, 400: errorResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      return listTransactions(db, auth.merchantNo, request.query, { now: now() })
    },
  )

  app.get<{ Params: { paymentId: string }; Reply: TransactionDetail }>(
    '/transactions/:paymentId',
    {
      schema: {
        tags: ['transactions'],
        summary: 'One transaction with its refund figures and cases (404 for another merchant)',
        params: paymentIdParams,
        querystring: emptyQuery,
        response: { 200: detailSchema, 404: errorResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request)
      return getTransaction(db, auth.merchantNo, request.params.paymentId)
    },
  )
}
