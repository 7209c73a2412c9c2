/**
 * Reconciliation of actions whose outcome is open (docs/actions.md): an `unknown` one (timed out or answered
 * ambiguously) and a `pending` refund (accepted, decided later). Nothing is ever re-sent: a refund is read back
 * with Refund Query by its refund_number (the action id), a capture or void with Order Status Query. One still
 * open 24 h after it was made stops being checked automatically; the admin page flags it.
 */
import { DAY_MS } from '@contract/beijing-time'
import type { Db } from '../db'
import { GatewayRejectedError, type GatewayClient } from '../gateway'
import { actionsRepository, type ActionRow } from '../repositories/actions'
import { idempotencyKeysRepository } from '../repositories/idempotency-keys'
import type { ClientFor } from './gateway'
import { KEY_RETENTION_SECONDS } from './idempotency'
import { applyAuthorization } from './money-actions'
import { settleRefund } from './refund-outcome'

export const GIVE_UP_AFTER_MS = DAY_MS
/** Order Status Query's auth_status. */
const AUTH_STATUS = { pending: '0', captured: '1', voided: '2' } as const

export interface ReconcileOptions {
  db: Db
  clientFor: ClientFor
  now: () => Date
  /** When an action still open is looked at again. */
  recheckMs: number
  /**
   * An action younger than this may still be in flight in some process (its call not answered yet): a capture or
   * void whose authorization is still pending is only called failed once it is older.
   */
  inFlightMs: number
  /** true at start: every open action, due or not (a process killed mid-action is reconciled at once). */
  all?: boolean
  logger?: { info(o: object, m: string): void; warn(o: object, m: string): void }
}

export interface ReconcileReport {
  checked: number
  settled: number
  givenUp: number
}

type Finding = { outcome: 'succeeded' | 'failed'; refundId?: string; details?: string; code?: string } | { outcome: 'pending'; refundId?: string } | { outcome: 'open' }

async function findRefund(client: GatewayClient, action: ActionRow): Promise<Finding> {
  try {
    const found = await client.refundQuery({ refund_number: action.id })
    const record = found.records.find((row) => row.refund_number === action.id)
    if (record === undefined) return { outcome: 'open' }
    if (record.refund_status === '1') return { outcome: 'succeeded', refundId: record.refund_id }
    if (record.refund_status === '0') return { outcome: 'failed', refundId: record.refund_id, details: record.refund_details }
    return { outcome: 'pending', refundId: record.refund_id }
  } catch (error) {
    // Not known (yet): it may still arrive; it is never re-sent. Anything else: try again later.
    if (error instanceof GatewayRejectedError && error.kind === 'not-found') return { outcome: 'open' }
    throw error
  }
}

async function findAuthorization(client: GatewayClient, action: ActionRow, now: Date, inFlightMs: number): Promise<Finding> {
  if (action.order_number === null || action.payment_id === null) return { outcome: 'open' }
  const found = await client.orderStatus({ order_number: [action.order_number] })
  const record = found.records.find((row) => row.payment_id === action.payment_id)
  if (record === undefined) return { outcome: 'open' }
  const wanted = action.kind === 'capture' ? AUTH_STATUS.captured : AUTH_STATUS.voided
  if (record.auth_status === wanted) return { outcome: 'succeeded' }
  if (record.auth_status === AUTH_STATUS.pending) {
    // Still pending long after the call could have arrived: it did not happen (and cannot happen twice anyway).
    return now.getTime() - action.created_at.getTime() > inFlightMs ? { outcome: 'failed', code: 'not-executed' } : { outcome: 'open' }
  }
  // Captured when we voided, voided when we captured, or reversed: ours did not happen.
  return { outcome: 'failed', code: `auth_status:${record.auth_status}` }
}

async function settle(db: Db, action: ActionRow, finding: Finding, options: ReconcileOptions): Promise<boolean> {
  const now = options.now()
  return db.transaction(async (tx) => {
    const actions = actionsRepository(tx)
    const current = await actions.lock(action.id)
    if (current === undefined || (current.status !== 'pending' && current.status !== 'unknown')) return false
    const recheck = new Date(now.getTime() + options.recheckMs)
    if (finding.outcome === 'open') {
      await actions.settle(current.id, { status: current.status, failure: null, gatewayCode: null, gatewayRef: null, nextCheckAt: recheck })
      return false
    }
    if (finding.outcome === 'pending') {
      await actions.settle(current.id, { status: 'pending', failure: null, gatewayCode: null, gatewayRef: finding.refundId ?? null, nextCheckAt: recheck })
      return false
    }
    if (current.kind === 'refund') {
      const settled = await settleRefund(tx, {
        actionId: current.id,
        refundId: finding.refundId ?? '',
        outcome: finding.outcome,
        details: finding.details ?? '',
        source: 'query',
        at: now,
      })
      return settled !== undefined
    }
    if (finding.outcome === 'succeeded') await applyAuthorization(tx, current, now)
    await actions.settle(current.id, {
      status: finding.outcome,
      failure: finding.outcome === 'failed' ? 'not-pending-authorization' : null,
      gatewayCode: finding.code ?? null,
      gatewayRef: null,
      nextCheckAt: null,
    })
    return true
  })
}

export async function reconcileActions(options: ReconcileOptions): Promise<ReconcileReport> {
  const { db, clientFor, logger } = options
  const now = options.now()
  const report: ReconcileReport = { checked: 0, settled: 0, givenUp: 0 }
  const actions = actionsRepository(db)
  const due = await actions.due(options.all === true ? new Date('9999-12-31T00:00:00Z') : now, 200)
  for (const action of due) {
    if (now.getTime() - action.created_at.getTime() > GIVE_UP_AFTER_MS) {
      await actions.stopChecking(action.id)
      report.givenUp += 1
      logger?.warn({ actionId: action.id, kind: action.kind, merchant: action.merchant }, 'action still open after 24 h: left for the administrator, never re-sent')
      continue
    }
    const payment = action.payment_id === null ? undefined : await actions.payment(action.merchant, action.payment_id)
    const client = payment === undefined ? undefined : clientFor(action.merchant, payment.terminal)
    if (client === undefined) continue
    report.checked += 1
    try {
      const finding = action.kind === 'refund' ? await findRefund(client, action) : await findAuthorization(client, action, now, options.inFlightMs)
      if (await settle(db, action, finding, options)) {
        report.settled += 1
        logger?.info({ actionId: action.id, kind: action.kind, outcome: finding.outcome }, 'action reconciled')
      }
    } catch (error) {
      logger?.warn({ actionId: action.id, kind: action.kind, err: error }, 'action reconciliation failed; will try again')
      await actions.settle(action.id, { status: action.status, failure: null, gatewayCode: null, gatewayRef: null, nextCheckAt: new Date(now.getTime() + options.recheckMs) })
    }
  }
  await idempotencyKeysRepository(db).prune(KEY_RETENTION_SECONDS)
  return report
}
