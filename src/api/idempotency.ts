/**
 * Idempotency-Key values for money-moving requests (contract/actions.ts IDEMPOTENCY_KEY_PATTERN, 8–64 characters of
 * [A-Za-z0-9_-]). One key names one intended action: the action sheet makes one when it opens and sends it with
 * every retry of that confirmation, so a retry after a lost answer is answered from the stored result instead of
 * refunding twice; opening the sheet again is a new intention and gets a new key.
 *
 * The mini-program has no synchronous secure random source (see signing.ts createNonceSource): the phone's time
 * plus 80 bits of Math.random. Keys only need to be unique per account, not secret.
 */
import { IDEMPOTENCY_KEY_PATTERN } from '@contract/actions'

const KEY_PATTERN = new RegExp(IDEMPOTENCY_KEY_PATTERN)

export function createIdempotencyKey(now: number = Date.now(), random: () => number = Math.random): string {
  const part = () => Math.floor(random() * 2 ** 40).toString(36).padStart(8, '0')
  return `op-${now.toString(36)}-${part()}${part()}`
}

export function isIdempotencyKey(value: string): boolean {
  return KEY_PATTERN.test(value)
}
