/**
 * The read API under /api: to-dos, funds, transactions, settlements, charts, messages, me, and the OpenAPI
 * document at /api/docs. Every route reads the merchant from the signed session (requireAuth) and nowhere else.
 * Swagger is registered first so it sees every route registered after it in this scope.
 */
import swagger from '@fastify/swagger'
import type { FastifyPluginAsync } from 'fastify'
import type { Db } from '../db'
import { appVersion } from '../version'
import { chartsRoutes } from './charts'
import { docsRoute } from './docs'
import { fundsRoutes } from './funds'
import { meRoutes } from './me'
import { messagesRoutes } from './messages'
import { settlementsRoutes } from './settlements'
import { todosRoutes } from './todos'
import { transactionsRoutes } from './transactions'
import type { ReadApiOptions } from './read-api-options'
import { rejectUnknownFields } from './unknown-fields'

export interface ReadApiRoutesOptions {
  db: Db
  /** Defaults to the real clock. */
  now?: () => Date
}

export const readApiRoutes: FastifyPluginAsync<ReadApiRoutesOptions> = async (app, options) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Oceanpayment 商户助手 API',
        version: appVersion,
        description:
          'Signed requests (X-OP-Session, X-OP-Timestamp, X-OP-Nonce, X-OP-Sign; see README). Money: decimal strings ' +
          'with their currency. Times: ISO 8601 with +08:00 (Beijing time).',
      },
    },
  })
  app.addHook('preValidation', rejectUnknownFields)

  const routeOptions: ReadApiOptions = { db: options.db, now: options.now ?? (() => new Date()) }
  await app.register(todosRoutes, routeOptions)
  await app.register(fundsRoutes, routeOptions)
  await app.register(transactionsRoutes, routeOptions)
  await app.register(settlementsRoutes, routeOptions)
  await app.register(chartsRoutes, routeOptions)
  await app.register(messagesRoutes, routeOptions)
  await app.register(meRoutes, routeOptions)
  await app.register(docsRoute)
}
