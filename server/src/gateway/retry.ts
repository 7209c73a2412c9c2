/**
 * When to try a call again, and how long to wait: two small pure functions, tested on their own. Only
 * retryable operations (read-only queries) are ever retried, and only after failures that say nothing about the
 * request itself: a timeout, a network error, HTTP 429/5xx, or Oceanpayment's system-error code.
 */

export interface RetryPolicy {
  /** Total attempts, the first included. 1 turns retrying off. */
  readonly maxAttempts: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2_000 }

export type FailureKind =
  | 'timeout'
  | 'network'
  | 'http-429'
  | 'http-5xx'
  | 'http-4xx'
  | 'malformed-response'
  | 'rejected-system'
  | 'rejected'
  | 'bad-signature'

const TRANSIENT: ReadonlySet<FailureKind> = new Set(['timeout', 'network', 'http-429', 'http-5xx', 'rejected-system'])

/** Whether attempt number `attempt` (1-based) that failed with `failure` may be followed by another. */
export function shouldRetry(input: { retryable: boolean; attempt: number; maxAttempts: number; failure: FailureKind }): boolean {
  return input.retryable && input.attempt < input.maxAttempts && TRANSIENT.has(input.failure)
}

/**
 * "Full jitter" backoff: a uniformly random wait between 0 and min(maxDelayMs, baseDelayMs · 2^(attempt−1)),
 * so that many clients retrying at once spread out instead of hammering the gateway in step.
 * @param random returns a number in [0, 1)
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  return Math.floor(random() * ceiling)
}
