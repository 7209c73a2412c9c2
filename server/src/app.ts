/**
 * Builds the HTTP app without listening, so tests drive it with `inject` and main.ts decides where it listens.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import type { ServerConfig } from './config'
import type { Db } from './db'
import { handleError, handleNotFound } from './error-handler'
import { createLogger, type Logger } from './logging/logger'
import { h5Static } from './plugins/h5-static'
import { healthRoutes } from './routes/health'
import { appVersion } from './version'

export interface BuildAppOptions {
  config: ServerConfig
  db: Db
  /** Defaults to a stdout logger at `config.logLevel`; tests pass one that writes to a stream they read. */
  logger?: Logger
  /** How long /api/health waits for the store before answering 503. */
  healthTimeoutMs?: number
}

export type App = FastifyInstance

/** A caller-supplied id lets a client's log line and ours be matched; anything unusual is replaced, not trusted. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

function requestId(request: IncomingMessage): string {
  const header = request.headers['x-request-id']
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID()
}

export function buildApp(options: BuildAppOptions): App {
  const { config, db } = options
  // Typed as Fastify's logger interface so the instance is a plain FastifyInstance for plugins and tests.
  const logger: FastifyBaseLogger = options.logger ?? createLogger({ level: config.logLevel })
  const app: App = Fastify({
    loggerInstance: logger,
    genReqId: requestId,
  })

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id)
  })
  app.setErrorHandler(handleError)
  app.setNotFoundHandler(handleNotFound)

  void app.register(healthRoutes, { db, version: appVersion, timeoutMs: options.healthTimeoutMs ?? 2_000 })
  void app.register(h5Static, { h5Dir: config.h5Dir })

  return app
}
