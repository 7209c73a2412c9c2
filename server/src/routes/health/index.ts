/**
 * GET /api/health — for load balancers, the launcher script and humans. It touches the store, because a
 * server that cannot reach its database is not healthy however well its HTTP side works.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { HealthResponse, HealthUnavailableResponse } from '@contract/api'
import type { Db } from '../../db'
import { okSchema, unavailableSchema } from './schemas'

export interface HealthRoutesOptions {
  db: Db
  version: string
  /** A store that hangs is as unhealthy as one that fails; answer before the load balancer gives up. */
  timeoutMs: number
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the store within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export const healthRoutes: FastifyPluginAsync<HealthRoutesOptions> = async (app, { db, version, timeoutMs }) => {
  app.get<{ Reply: { 200: HealthResponse; 503: HealthUnavailableResponse } }>(
    '/api/health',
    // Any query is accepted (and ignored): load balancers and uptime probes add their own parameters.
    { schema: { response: { 200: okSchema, 503: unavailableSchema } } },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      try {
        await withTimeout(db.query('select 1'), timeoutMs)
      } catch (error) {
        request.log.warn({ err: error }, 'health check: store unavailable')
        return reply.code(503).send({ status: 'unavailable', store: db.kind, time: new Date().toISOString() })
      }
      return reply.code(200).send({ status: 'ok', store: db.kind, version, time: new Date().toISOString() })
    },
  )
}
