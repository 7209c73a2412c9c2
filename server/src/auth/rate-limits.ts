/**
 * Fixed-window rate limits over the shared store (repositories/rate-limits.ts): every server process counts into
 * the same rows, so a limit holds however many processes a load balancer spreads the requests over.
 */
import type { Queryable } from '../db'
import { AppError } from '../errors'
import { rateLimitsRepository } from '../repositories/rate-limits'

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number
  windowSeconds: number
}

/** 429 TOO_MANY_REQUESTS; the route puts `retryAfterSeconds` in a Retry-After header. */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number

  constructor(retryAfterSeconds: number, what: string) {
    super(429, 'TOO_MANY_REQUESTS', `Too many ${what}; try again in ${retryAfterSeconds} s`)
    this.retryAfterSeconds = retryAfterSeconds
  }
}

export function rateLimiter(db: Queryable, clock: () => number) {
  const counters = rateLimitsRepository(db)
  return {
    /** Counts a hit on `bucket`; throws RateLimitedError once the window's limit is exceeded. */
    async hit(bucket: string, rule: RateLimitRule, what: string): Promise<void> {
      const now = clock()
      const windowMs = rule.windowSeconds * 1000
      const windowStart = Math.floor(now / windowMs) * windowMs
      const hits = await counters.hit(bucket, windowStart, windowMs)
      if (hits > rule.limit) {
        throw new RateLimitedError(Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)), what)
      }
    },
  }
}
