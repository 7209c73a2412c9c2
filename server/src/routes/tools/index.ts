/**
 * Signed routes of the tracking upload and the staff tools (contract/actions.ts; guarded by the request-signing
 * hook like every /api route):
 *   POST /api/tracking-uploads      permission tracking     → 200 TrackingUploadResponse (one result per item)
 *   POST /api/tools/order-status    permission order-query  → 200 OrderLookupResponse
 *   POST /api/tools/card-bins       permission card-bin     → 200 CardBinResponse
 *   POST /api/tools/health-check    permission health-check → 200 HealthCheckResponse
 * Every attempt is one audit row (actions/attempt.ts); the work is in actions/tracking.ts and actions/tools.ts.
 */
import type { FastifyPluginAsync } from 'fastify'
import type {
  CardBinRequest,
  CardBinResponse,
  HealthCheckRequest,
  HealthCheckResponse,
  OrderLookupRequest,
  OrderLookupResponse,
  TrackingUploadRequest,
  TrackingUploadResponse,
} from '@contract/actions'
import type { ServerConfig } from '../../config'
import type { Db } from '../../db'
import type { Transport } from '../../outbound/transport'
import { rateLimiter, RateLimitedError, type RateLimitRule } from '../../auth/rate-limits'
import { merchantGateways } from '../../actions/gateway-clients'
import { checkCardBins, checkHealth, lookupOrders } from '../../actions/tools'
import { DEFAULT_TOOLS_RATE_LIMIT, type ToolsDeps } from '../../actions/tools-deps'
import { uploadTracking } from '../../actions/tracking'
import { rejectUnknownFields } from '../unknown-fields'
import {
  cardBinBodySchema,
  cardBinResponseSchema,
  healthCheckBodySchema,
  healthCheckResponseSchema,
  orderLookupBodySchema,
  orderLookupResponseSchema,
  trackingUploadBodySchema,
  trackingUploadResponseSchema,
} from './schemas'

export interface ToolsRoutesOptions {
  db: Db
  config: Pick<ServerConfig, 'oceanpayment'>
  clock: () => number
  transport: Transport
  rateLimit?: RateLimitRule
}

export const toolsRoutes: FastifyPluginAsync<ToolsRoutesOptions> = async (app, options) => {
  const deps: ToolsDeps = {
    db: options.db,
    gateways: merchantGateways(options.config, options.transport, app.log),
    limiter: rateLimiter(options.db, options.clock),
    rateLimit: options.rateLimit ?? DEFAULT_TOOLS_RATE_LIMIT,
    now: () => new Date(options.clock()),
  }
  app.addHook('preValidation', rejectUnknownFields)
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSeconds))
  })

  app.post<{ Body: TrackingUploadRequest; Reply: TrackingUploadResponse }>(
    '/api/tracking-uploads',
    { schema: { body: trackingUploadBodySchema, response: { 200: trackingUploadResponseSchema } } },
    (request) => uploadTracking(deps, request, request.body.items),
  )
  app.post<{ Body: OrderLookupRequest; Reply: OrderLookupResponse }>(
    '/api/tools/order-status',
    { schema: { body: orderLookupBodySchema, response: { 200: orderLookupResponseSchema } } },
    (request) => lookupOrders(deps, request, request.body.orderNumbers),
  )
  app.post<{ Body: CardBinRequest; Reply: CardBinResponse }>(
    '/api/tools/card-bins',
    { schema: { body: cardBinBodySchema, response: { 200: cardBinResponseSchema } } },
    (request) => checkCardBins(deps, request, request.body.bins),
  )
  app.post<{ Body: HealthCheckRequest; Reply: HealthCheckResponse }>(
    '/api/tools/health-check',
    { schema: { body: healthCheckBodySchema, response: { 200: healthCheckResponseSchema } } },
    (request) => checkHealth(deps, request, request.body.site),
  )
}
