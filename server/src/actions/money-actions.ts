/**
 * Refund, capture and void from the phone (contract/actions.ts, docs/actions.md). The order of checks is fixed:
 * session (signing plugin) → permission (audited) → the merchant's own payment (404, audited) → body → PIN →
 * Idempotency-Key → state and amount → daily limit → Oceanpayment → record. Each attempt is one row of `actions`:
 * a refusal is written as failed; an allowed action is written ahead of its gateway call as `unknown`, in the same
 * transaction that checked the refundable amount and the daily limit under row locks, and settled after the
 * answer. A process that dies between the call and the write leaves an `unknown` row the reconciler resolves.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { ActionFailure, ActionRecord, CaptureRequest, MoneyAction, RefundRequest } from '@contract/actions'
import { startOfBeijingDay } from '@contract/beijing-time'
import type { Db, Queryable } from '../db'
import { AppError, errorBody } from '../errors'
import {
  GatewayRefundOutcomeUnknownError,
  GatewayRejectedError,
  GatewayValidationError,
  type GatewayClient,
} from '../gateway'
import { formatMinor, parseMajor } from '../money'
import { movedMoney, refundableMinor } from '../money/refundable'
import { actionsRepository, type ActionPaymentRow, type ActionRow } from '../repositories/actions'
import { idempotencyKeysRepository } from '../repositories/idempotency-keys'
import { transactionsRepository } from '../repositories/transactions'
import { newAttempt, recordAttempt, requirePermission, type Actor } from './attempt'
import type { ClientFor } from './gateway'
import { failureOfResultCode } from './gateway-failures'
import { claimKey, idempotencyKeyOf, requestHash } from './idempotency'
import { checkPin } from './pin'
import { toActionRecord } from './records'
import { settleRefund } from './refund-outcome'

export interface MoneyActionDeps {
  db: Db
  clientFor: ClientFor
  now: () => Date
  /** How long after its call an open action is first looked at by the reconciler (≥ the gateway timeout). */
  firstCheckAfterMs: number
  /**
   * Test hook: runs after Oceanpayment answered and before the answer is written (the SIGKILL test stops the
   * process here). Production never sets it.
   */
  afterGatewayCall?: () => void
}

export interface ActionAnswer {
  statusCode: number
  body: unknown
}

/** 422 ACTION_REFUSED with the reason the client words. */
export function refused(failure: ActionFailure, message: string): AppError {
  return new AppError(422, 'ACTION_REFUSED', message, { extras: { failure } })
}

const REFUSAL_MESSAGES: Readonly<Record<ActionFailure, string>> = {
  'not-permitted': 'not permitted',
  'amount-exceeds-refundable': 'the amount exceeds the refundable amount',
  'amount-exceeds-authorized': 'the amount exceeds the authorized amount',
  'not-refundable': 'this payment cannot be refunded',
  'not-pending-authorization': 'this payment is not a pending pre-authorization',
  'daily-limit-exceeded': "the account's daily refund limit in this currency would be passed",
  'insufficient-balance': 'the merchant balance cannot cover the refund',
  'gateway-rejected': 'Oceanpayment refused the action',
  'gateway-unavailable': 'Oceanpayment could not be reached; nothing was sent',
}

/** The merchant's payment, or 404 (audited): another merchant's payment does not exist for this one. */
async function ownPayment(db: Db, actor: Actor, kind: MoneyAction, paymentId: string, requestId: string): Promise<ActionPaymentRow> {
  const payment = await actionsRepository(db).payment(actor.auth.merchantNo, paymentId)
  if (payment === undefined) {
    await recordAttempt(db, newAttempt(actor, kind, requestId, { paymentId, status: 'failed', failure: 'not-permitted', detail: { reason: 'no such payment' } }))
    throw new AppError(404, 'NOT_FOUND', 'no such transaction')
  }
  return payment
}

/** Amount in major units with at most the currency's decimals, > 0; 400 otherwise. */
function amountOf(text: string, currency: string): bigint {
  const minor = parseMajor(text, currency)
  if (minor === undefined || minor <= BigInt(0)) {
    throw new AppError(400, 'VALIDATION_FAILED', `amount: a positive decimal amount in ${currency} with at most its decimals`)
  }
  return minor
}

interface Planned {
  kind: MoneyAction
  amountMinor: bigint | null
  detail: Record<string, unknown>
  /** Checks state, amount and limits on the locked payment; returns why it is refused, or null. */
  check(tx: Queryable, payment: ActionPaymentRow, actor: Actor): Promise<ActionFailure | null>
  /** The one call to Oceanpayment. */
  call(client: GatewayClient, payment: ActionPaymentRow, actionId: string): Promise<GatewayVerdict>
}

type GatewayVerdict =
  | { status: 'succeeded'; code: string; ref: string | null }
  | { status: 'pending'; code: string; ref: string }
  | { status: 'failed'; failure: ActionFailure; code: string | null; ref?: string | null; details?: string }
  | { status: 'unknown'; why: string }

/**
 * The common path after the body is known valid: PIN, key, then the planned action. `validationError` is
 * Fastify's, reported only now so permission and ownership come first.
 */
async function runMoneyAction(
  deps: MoneyActionDeps,
  request: FastifyRequest,
  paymentId: string,
  kind: MoneyAction,
  plan: (payment: ActionPaymentRow) => Planned,
): Promise<ActionAnswer> {
  const { db } = deps
  const actor = await requirePermission(db, request, kind, { paymentId })
  const payment = await ownPayment(db, actor, kind, paymentId, request.id)
  if (request.validationError !== undefined) throw new AppError(400, 'VALIDATION_FAILED', request.validationError.message)
  const body = request.body as Record<string, unknown> & { pin: string }
  const key = idempotencyKeyOf(request.headers['idempotency-key'])
  const planned = plan(payment)
  await checkPin(db, actor.auth.userId, body.pin)

  const claim = await claimKey(db, actor.auth.userId, key, kind, requestHash(kind, paymentId, body))
  if (!claim.claimed) {
    if ('answer' in claim) return claim.answer
    const row = await actionsRepository(db).get(actor.auth.merchantNo, claim.actionId)
    if (row === undefined) throw new AppError(409, 'IDEMPOTENCY_KEY_IN_USE', 'a request with this Idempotency-Key is being processed')
    return { statusCode: 201, body: toActionRecord(row) }
  }
  const keys = idempotencyKeysRepository(db)
  let answer: ActionAnswer
  try {
    answer = await perform(deps, actor, request.id, key, payment.payment_id, planned)
  } catch (error) {
    if (error instanceof AppError && error.statusCode < 500) {
      // A refusal is the request's answer: the same key and body get it again.
      answer = { statusCode: error.statusCode, body: errorBody(error.code, error.message, undefined, error.extras) }
      await keys.storeResponse(actor.auth.userId, key, answer.statusCode, answer.body)
      throw error
    }
    // Nothing decided (the store failed before the write-ahead): the key may be used again.
    await keys.release(actor.auth.userId, key).catch(() => undefined)
    throw error
  }
  await keys.storeResponse(actor.auth.userId, key, answer.statusCode, answer.body)
  return answer
}

async function perform(deps: MoneyActionDeps, actor: Actor, requestId: string, key: string, paymentId: string, planned: Planned): Promise<ActionAnswer> {
  const { db } = deps
  const actionId = randomUUID()
  const now = deps.now()
  // Check and write ahead under the payment's row lock (and the limit's, for refunds): two requests racing for the
  // same refundable amount or the same daily limit, in any process, see each other's rows.
  const written = await db.transaction(async (tx) => {
    const actions = actionsRepository(tx)
    const locked = await actions.payment(actor.auth.merchantNo, paymentId, { lock: true })
    if (locked === undefined) throw new AppError(404, 'NOT_FOUND', 'no such transaction')
    const failure = await planned.check(tx, locked, actor)
    const base = {
      id: actionId,
      paymentId,
      orderNumber: locked.order_number,
      currency: planned.amountMinor === null ? null : locked.currency,
      amountMinor: planned.amountMinor,
      detail: planned.detail,
      idempotencyKey: key,
    }
    if (failure !== null) {
      await recordAttempt(tx, newAttempt(actor, planned.kind, requestId, { ...base, status: 'failed', failure }))
      return { failure, payment: locked }
    }
    const row = await recordAttempt(
      tx,
      newAttempt(actor, planned.kind, requestId, {
        ...base,
        status: 'unknown',
        nextCheckAt: new Date(now.getTime() + deps.firstCheckAfterMs),
      }),
    )
    await idempotencyKeysRepository(tx).attachAction(actor.auth.userId, key, actionId)
    return { failure: null, row, payment: locked }
  })
  if (written.failure !== null) throw refused(written.failure, REFUSAL_MESSAGES[written.failure])

  const client = deps.clientFor(actor.auth.merchantNo, written.payment.terminal)
  let verdict: GatewayVerdict
  if (client === undefined) verdict = { status: 'failed', failure: 'gateway-unavailable', code: null }
  else verdict = await planned.call(client, written.payment, actionId)
  deps.afterGatewayCall?.()

  const settled = await recordVerdict(db, written.row, verdict, deps.now(), deps.firstCheckAfterMs)
  if (settled.status === 'failed') {
    const failure = settled.failure ?? 'gateway-rejected'
    throw refused(failure, REFUSAL_MESSAGES[failure])
  }
  return { statusCode: 201, body: toActionRecord(settled) }
}

/** Writes what Oceanpayment said (or that it said nothing) onto the action's one row. */
async function recordVerdict(db: Db, row: ActionRow, verdict: GatewayVerdict, now: Date, recheckMs: number): Promise<ActionRow> {
  return db.transaction(async (tx) => {
    const actions = actionsRepository(tx)
    const current = (await actions.lock(row.id)) ?? row
    // A notice or the reconciler may have settled it already while we waited for the answer.
    if (current.status !== 'unknown') return current
    switch (verdict.status) {
      case 'unknown':
        return (await actions.settle(row.id, { status: 'unknown', failure: null, gatewayCode: null, gatewayRef: null, nextCheckAt: new Date(now.getTime() + recheckMs) })) ?? current
      case 'pending':
        return (await actions.settle(row.id, { status: 'pending', failure: null, gatewayCode: verdict.code, gatewayRef: verdict.ref, nextCheckAt: new Date(now.getTime() + recheckMs) })) ?? current
      case 'failed':
        if (row.kind === 'refund' && verdict.ref !== undefined && verdict.ref !== null) {
          return (await settleRefund(tx, { actionId: row.id, refundId: verdict.ref, outcome: 'failed', details: verdict.details ?? '', source: 'query', at: now })) ?? current
        }
        return (await actions.settle(row.id, { status: 'failed', failure: verdict.failure, gatewayCode: verdict.code, gatewayRef: null, nextCheckAt: null })) ?? current
      case 'succeeded':
        if (row.kind === 'refund') {
          return (await settleRefund(tx, { actionId: row.id, refundId: verdict.ref ?? '', outcome: 'succeeded', details: '', source: 'query', at: now })) ?? current
        }
        await applyAuthorization(tx, row, now)
        return (await actions.settle(row.id, { status: 'succeeded', failure: null, gatewayCode: verdict.code, gatewayRef: verdict.ref, nextCheckAt: null })) ?? current
    }
  })
}

/** A capture or void that went through moves the payment's pre-authorization state. */
export async function applyAuthorization(tx: Queryable, row: ActionRow, at: Date): Promise<void> {
  if (row.payment_id === null) return
  const actions = actionsRepository(tx)
  if (row.kind === 'capture' && row.amount_minor !== null) {
    await actions.setAuthorization(row.merchant, row.payment_id, { status: 'captured', amountMinor: BigInt(row.amount_minor), at })
  } else if (row.kind === 'void') {
    await actions.setAuthorization(row.merchant, row.payment_id, { status: 'voided' })
  }
}

/** What Oceanpayment's answer to a non-refund action means; anything but a definitive refusal is unknown. */
function verdictOfError(error: unknown): GatewayVerdict {
  if (error instanceof GatewayValidationError) return { status: 'failed', failure: 'gateway-unavailable', code: null }
  if (error instanceof GatewayRejectedError && error.kind !== 'system') {
    return { status: 'failed', failure: failureOfResultCode(error.resultCode), code: error.resultCode }
  }
  // Timeout, transport error, 5xx, unreadable or unsigned answer, a system error: it may have been executed.
  return { status: 'unknown', why: error instanceof Error ? error.name : 'error' }
}

/** Refund Query's refund_status: -1 processing, 1 succeeded, 0 failed. */
export function refundVerdict(status: string | undefined, refundId: string, code: string, details: string): GatewayVerdict {
  if (status === '1') return { status: 'succeeded', code, ref: refundId }
  if (status === '0') return { status: 'failed', failure: 'gateway-rejected', code, ref: refundId, details }
  return { status: 'pending', code, ref: refundId }
}

/* ───────────────────────── The three actions ───────────────────────── */

export function refundAction(deps: MoneyActionDeps, request: FastifyRequest<{ Body: RefundRequest }>, paymentId: string): Promise<ActionAnswer> {
  return runMoneyAction(deps, request, paymentId, 'refund', (payment) => {
    const amountMinor = amountOf(request.body.amount, payment.currency)
    const reason = request.body.reason
    return {
      kind: 'refund',
      amountMinor,
      detail: { reason },
      async check(tx, locked, actor) {
        const deductions = await transactionsRepository(tx).refundDeductions(actor.auth.merchantNo, locked.payment_id)
        const total = BigInt(locked.amount_minor)
        const facts = { status: locked.status, txnType: locked.txn_type, authStatus: locked.auth_status }
        if (!movedMoney(facts)) return 'not-refundable'
        const open = await actionsRepository(tx).openRefundsMinor(actor.auth.merchantNo, locked.payment_id)
        const refundable = refundableMinor({
          ...facts,
          amountMinor: total,
          refundedMinor: BigInt(locked.refunded_minor),
          // A refund notice waiting for its amount may have taken everything (services/transactions.ts does the same).
          pendingRefundsMinor: deductions.waiting_refunds > 0 ? total : open,
          chargebackedMinor: BigInt(deductions.chargebacked_minor),
        })
        if (refundable === BigInt(0)) return 'not-refundable'
        if (amountMinor > refundable) return 'amount-exceeds-refundable'
        const limit = await actionsRepository(tx).lockRefundLimit(actor.auth.userId, locked.currency)
        if (limit !== undefined) {
          const today = await actionsRepository(tx).refundedToday(actor.auth.userId, locked.currency, new Date(startOfBeijingDay(deps.now())))
          if (today + amountMinor > limit) return 'daily-limit-exceeded'
        }
        return null
      },
      async call(client, locked, actionId) {
        const whole = amountMinor === BigInt(locked.amount_minor) && BigInt(locked.refunded_minor) === BigInt(0)
        try {
          const result = await client.refund({
            payment_id: locked.payment_id,
            refund_number: actionId,
            refund_type: whole ? '1' : '2',
            refund_amount: formatMinor(amountMinor, locked.currency),
            refund_description: reason,
          })
          if (result.resolvedBy === 'response') return { status: 'pending', code: result.resultCode, ref: result.refundId }
          return refundVerdict(result.status, result.refundId, result.resultCode, result.details)
        } catch (error) {
          if (error instanceof GatewayRefundOutcomeUnknownError) return { status: 'unknown', why: 'refund outcome unknown' }
          return verdictOfError(error)
        }
      },
    }
  })
}

export function captureAction(deps: MoneyActionDeps, request: FastifyRequest<{ Body: CaptureRequest }>, paymentId: string): Promise<ActionAnswer> {
  return runMoneyAction(deps, request, paymentId, 'capture', (payment) => {
    const amountMinor = amountOf(request.body.amount, payment.currency)
    return {
      kind: 'capture',
      amountMinor,
      detail: {},
      async check(_tx, locked) {
        if (!isPendingAuthorization(locked)) return 'not-pending-authorization'
        if (amountMinor > BigInt(locked.amount_minor)) return 'amount-exceeds-authorized'
        return null
      },
      async call(client, locked) {
        const full = amountMinor === BigInt(locked.amount_minor)
        try {
          // The full amount is sent as no order_amount: Oceanpayment then captures what was authorized.
          const result = await client.preAuthorization({
            payment_authType: '1',
            payment_id: locked.payment_id,
            ...(full ? {} : { order_amount: formatMinor(amountMinor, locked.currency) }),
          })
          return { status: 'succeeded', code: result.resultCode, ref: null }
        } catch (error) {
          return verdictOfError(error)
        }
      },
    }
  })
}

export function voidAction(deps: MoneyActionDeps, request: FastifyRequest, paymentId: string): Promise<ActionAnswer> {
  return runMoneyAction(deps, request, paymentId, 'void', () => ({
    kind: 'void',
    amountMinor: null,
    detail: {},
    async check(_tx, locked) {
      return isPendingAuthorization(locked) ? null : 'not-pending-authorization'
    },
    async call(client, locked) {
      try {
        const result = await client.preAuthorization({ payment_authType: '2', payment_id: locked.payment_id })
        return { status: 'succeeded', code: result.resultCode, ref: null }
      } catch (error) {
        return verdictOfError(error)
      }
    },
  }))
}

export function isPendingAuthorization(payment: Pick<ActionPaymentRow, 'status' | 'txn_type' | 'auth_status'>): boolean {
  return payment.status === 'success' && payment.txn_type === 'authorization' && payment.auth_status === 'pending'
}

/** `GET /api/actions/:id`: the merchant's action (404 for another merchant's or an unknown id). */
export async function getAction(db: Db, merchant: string, id: string): Promise<ActionRecord> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new AppError(404, 'NOT_FOUND', 'no such action')
  const row = await actionsRepository(db).get(merchant, id)
  if (row === undefined) throw new AppError(404, 'NOT_FOUND', 'no such action')
  return toActionRecord(row)
}
