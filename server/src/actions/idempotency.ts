/**
 * Stripe's idempotency for the money-moving routes: the same Idempotency-Key with the same body answers the first
 * result again (no new call, no new audit row); with another body or action, 409 IDEMPOTENCY_KEY_REUSED; while the
 * first request is still running, 409 IDEMPOTENCY_KEY_IN_USE. Keys live in the store (≥ 24 h), so every process
 * sees them. The PIN is not part of the hash: it is checked before the key is claimed, and never stored.
 */
import { createHash } from 'node:crypto'
import { IDEMPOTENCY_KEY_PATTERN, type MoneyAction } from '@contract/actions'
import type { Db } from '../db'
import { AppError } from '../errors'
import { idempotencyKeysRepository } from '../repositories/idempotency-keys'

const KEY = new RegExp(IDEMPOTENCY_KEY_PATTERN)

/** A claim with no action and no answer older than this belonged to a request that died before sending anything. */
export const STALE_CLAIM_SECONDS = 120
/** Keys are pruned after this (the contract promises at least 24 h). */
export const KEY_RETENTION_SECONDS = 48 * 3600

export function idempotencyKeyOf(header: string | string[] | undefined): string {
  if (typeof header !== 'string' || !KEY.test(header)) {
    throw new AppError(400, 'IDEMPOTENCY_KEY_REQUIRED', 'an Idempotency-Key header of 8–64 characters [A-Za-z0-9_-] is required')
  }
  return header
}

/** The request as the key binds it: the action, the payment and the body without the PIN. */
export function requestHash(kind: MoneyAction, paymentId: string, body: Readonly<Record<string, unknown>>): string {
  const fields = Object.keys(body)
    .filter((name) => name !== 'pin')
    .sort()
    .map((name) => [name, body[name]])
  return createHash('sha256').update(JSON.stringify([kind, paymentId, fields])).digest('hex')
}

export interface StoredAnswer {
  statusCode: number
  body: unknown
}

export type Claim = { claimed: true } | { claimed: false; answer: StoredAnswer } | { claimed: false; actionId: string }

/** Claims the key for this request, or says what to answer instead. */
export async function claimKey(db: Db, accountId: string, key: string, kind: MoneyAction, hash: string): Promise<Claim> {
  const keys = idempotencyKeysRepository(db)
  if (await keys.claim(accountId, key, kind, hash)) return { claimed: true }
  const existing = await keys.find(accountId, key, STALE_CLAIM_SECONDS)
  // Pruned between the two statements: claim again (another racer may win: then it is in use).
  if (existing === undefined) {
    if (await keys.claim(accountId, key, kind, hash)) return { claimed: true }
    throw new AppError(409, 'IDEMPOTENCY_KEY_IN_USE', 'a request with this Idempotency-Key is being processed')
  }
  if (existing.kind !== kind || existing.request_hash !== hash) {
    throw new AppError(409, 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for another request')
  }
  if (existing.response_code !== null) return { claimed: false, answer: { statusCode: existing.response_code, body: existing.response_body } }
  // Its request wrote its action and then died (or is still waiting for Oceanpayment): answer with that action.
  if (existing.action_id !== null && existing.stale) return { claimed: false, actionId: existing.action_id }
  if (existing.action_id === null && existing.stale && (await keys.takeOverStale(accountId, key, hash, STALE_CLAIM_SECONDS))) {
    return { claimed: true }
  }
  throw new AppError(409, 'IDEMPOTENCY_KEY_IN_USE', 'a request with this Idempotency-Key is being processed')
}
