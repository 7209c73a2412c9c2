/** What the tracking upload and the tools need: the store, the merchant's gateway clients and the rate limiter. */
import type { FastifyRequest } from 'fastify'
import type { Db } from '../db'
import { rateLimiter, type RateLimitRule } from '../auth/rate-limits'
import type { MerchantGateways } from './gateway-clients'

export interface ToolsDeps {
  db: Db
  gateways: MerchantGateways
  limiter: ReturnType<typeof rateLimiter>
  rateLimit: RateLimitRule
  now: () => Date
}

/**
 * Per account, across processes (auth/rate-limits.ts), like login: a tool fans out to Oceanpayment (a tracking
 * upload is up to 50 calls, a lookup up to 100 orders), so one account must not drive it in a loop. A request over
 * the limit is answered 429 before it is attempted, so it writes no audit row.
 */
export const DEFAULT_TOOLS_RATE_LIMIT: RateLimitRule = { limit: 30, windowSeconds: 60 }

export async function hitRateLimit(deps: ToolsDeps, request: FastifyRequest): Promise<void> {
  const userId = request.auth?.userId ?? 'anonymous'
  await deps.limiter.hit(`tools:account:${userId}`, deps.rateLimit, 'tool requests')
}
