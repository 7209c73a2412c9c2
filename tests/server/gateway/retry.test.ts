/** The retry decision and the backoff, as the pure functions they are. */
import { describe, expect, it } from 'vitest'
import { backoffDelay, DEFAULT_RETRY, OPERATION_NAMES, OPERATIONS, shouldRetry, type FailureKind } from '../../../server/src/gateway'

const ALL: FailureKind[] = ['timeout', 'network', 'http-429', 'http-5xx', 'http-4xx', 'malformed-response', 'rejected-system', 'rejected', 'bad-signature']

describe('shouldRetry', () => {
  it('retries a retryable call after a transient failure while attempts remain', () => {
    for (const failure of ['timeout', 'network', 'http-429', 'http-5xx', 'rejected-system'] as const) {
      expect(shouldRetry({ retryable: true, attempt: 1, maxAttempts: 3, failure })).toBe(true)
      expect(shouldRetry({ retryable: true, attempt: 3, maxAttempts: 3, failure })).toBe(false)
    }
  })

  it('never retries a failure that is about the request itself', () => {
    for (const failure of ['http-4xx', 'malformed-response', 'rejected', 'bad-signature'] as const) {
      expect(shouldRetry({ retryable: true, attempt: 1, maxAttempts: 5, failure })).toBe(false)
    }
  })

  it('never retries a non-retryable operation, whatever the failure', () => {
    for (const failure of ALL) expect(shouldRetry({ retryable: false, attempt: 1, maxAttempts: 5, failure })).toBe(false)
  })

  it('only queries are retryable: refund, capture/void, tracking and customs are not', () => {
    const retryable = OPERATION_NAMES.filter((name) => OPERATIONS[name].retryable)
    expect(retryable.sort()).toEqual(['businessOrders', 'cardBin', 'disputedOrders', 'healthCheck', 'orderStatus', 'refundQuery', 'successfulOrders'])
  })
})

describe('backoffDelay (full jitter)', () => {
  const policy = { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1_000 }

  it('is random between 0 and the exponential ceiling', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(0)
    expect(backoffDelay(1, policy, () => 0.999)).toBe(99)
    expect(backoffDelay(2, policy, () => 0.5)).toBe(100)
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200)
  })

  it('is capped at maxDelayMs', () => {
    expect(backoffDelay(10, policy, () => 0.999)).toBe(999)
    expect(backoffDelay(50, policy, () => 0.5)).toBe(500)
  })

  it('has sensible defaults', () => {
    expect(DEFAULT_RETRY).toEqual({ maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2_000 })
  })
})
