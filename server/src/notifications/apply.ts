/**
 * Storing a notice and applying its effects (case, message, refund) in ONE transaction, for the webhook and the
 * gap-filling query alike. A notice whose merchant or payment this store does not know yet is kept as 'waiting'
 * and applied by `applyWaitingNotices` once they exist (every gap-fill run calls it).
 */
import type { Db, Queryable } from '../db'
import { toMinorUnits } from './amount'
import { effectOf, PUSH_STATUS, type NoticeEffect } from './effects'
import { notificationsRepository, type BusinessNotice, type NoticeSource, type StoredEffect } from '../repositories/notifications'
import { messageFacts, noticeAmount, splitReason } from './message-facts'
import { settleRefund } from '../actions/refund-outcome'

/** Finds what a successful partial refund took back when the notice does not say (the refund query). */
export type RefundLookup = (notice: BusinessNotice) => Promise<{ currency: string; amount: string } | undefined>

export interface ApplyLogger {
  info(details: object, message: string): void
  warn(details: object, message: string): void
}

export interface ApplyOptions {
  now?: () => Date
  refundLookup?: RefundLookup
  logger?: ApplyLogger
}

export type RecordOutcome = 'duplicate' | StoredEffect

/** Log fields that identify a notice; nothing secret is in a notice once its signValue is dropped. */
export function noticeLogFields(notice: BusinessNotice): Record<string, string> {
  return {
    account: notice.account,
    terminal: notice.terminal,
    pushId: notice.pushId,
    noticeType: notice.noticeType,
    pushStatus: notice.pushStatus,
    paymentId: notice.paymentId,
  }
}

/** Messages made from notices: one per notice whatever the source, so a notice and its query record make one. */
export function messageSourceKey(notice: Pick<BusinessNotice, 'account' | 'noticeType' | 'pushId'>): string {
  return `notice:${notice.account}:${notice.noticeType}:${notice.pushId}`
}

interface Applied {
  effect: StoredEffect
  reason?: string
}

/**
 * A refund notice naming one of our refund_numbers (a refund made from the phone) decides that action: it is
 * settled, its refund added through the one ledger (keyed by the refund_id the notice carries as push_id, so the
 * refund effect below adds nothing more) and its user told. Idempotent: an action already final is left alone.
 */
async function settleOwnRefund(tx: Queryable, notice: BusinessNotice, now: Date): Promise<void> {
  if (notice.noticeType !== 'refund' && notice.noticeType !== 'partialRefund') return
  if (notice.refundNumber === undefined || notice.refundNumber === '') return
  if (notice.pushStatus !== PUSH_STATUS.succeeded && notice.pushStatus !== PUSH_STATUS.failed) return
  await settleRefund(tx, {
    actionId: notice.refundNumber,
    merchant: notice.account,
    refundId: notice.pushId,
    outcome: notice.pushStatus === PUSH_STATUS.succeeded ? 'succeeded' : 'failed',
    details: notice.pushDetails,
    source: 'notice',
    at: notice.pushedAt ?? now,
  })
}

/** The effects of one notice, inside the caller's transaction. Idempotent apart from the refund (see callers). */
async function applyEffects(
  tx: Queryable,
  notice: BusinessNotice,
  effect: NoticeEffect,
  source: NoticeSource,
  now: Date,
): Promise<Applied> {
  await settleOwnRefund(tx, notice, now)
  if (effect.type === 'none') return { effect: 'none', reason: effect.reason }
  const repo = notificationsRepository(tx)
  if (!(await repo.merchantExists(notice.account))) return { effect: 'waiting', reason: 'merchant unknown' }
  const at = notice.pushedAt ?? now

  if (effect.type === 'open-case' && effect.messageKind !== undefined) {
    // The message does not need the payment: the merchant hears of a chargeback even before the payment is synced.
    await repo.addMessage({
      account: notice.account,
      kind: effect.messageKind,
      facts: messageFacts(notice),
      createdAt: at,
      sourceKey: messageSourceKey(notice),
    })
  }

  const payment = await repo.lockTransaction(notice.account, notice.paymentId)
  if (payment === undefined) return { effect: 'waiting', reason: 'payment unknown' }

  switch (effect.type) {
    case 'open-case': {
      const amount = noticeAmount(notice) ?? { currency: payment.currency, minor: payment.amountMinor }
      const reason = splitReason(notice.pushDetails)
      await repo.openCase({
        account: notice.account,
        paymentId: notice.paymentId,
        kind: effect.caseKind,
        reasonCode: reason.code,
        reason: reason.text,
        currency: amount.currency,
        amountMinor: amount.minor,
        openedAt: at,
        deadlineAt: notice.cpdTime,
        source,
        externalId: notice.pushId,
      })
      return { effect: 'applied' }
    }
    case 'handle-cases':
      await repo.handleCases(notice.account, notice.paymentId, effect.caseKind, at)
      return { effect: 'applied' }
    case 'refund': {
      if (effect.full) {
        await repo.applyRefund(notice.account, notice.paymentId, notice.pushId, { full: true })
        return { effect: 'applied' }
      }
      if (notice.refundAmount === undefined || notice.refundCurrency === undefined) {
        return { effect: 'waiting', reason: 'refund amount not known yet' }
      }
      const minor = toMinorUnits(notice.refundAmount, notice.refundCurrency)
      if (minor === undefined || notice.refundCurrency !== payment.currency) {
        // Refunds are in the transaction currency; anything else is not something to add up.
        return { effect: 'none', reason: 'refund amount or currency does not fit the payment' }
      }
      await repo.applyRefund(notice.account, notice.paymentId, notice.pushId, { full: false, minor })
      return { effect: 'applied' }
    }
  }
}

function needsRefundLookup(notice: BusinessNotice, effect: NoticeEffect): boolean {
  return effect.type === 'refund' && !effect.full && notice.refundAmount === undefined
}

async function lookUpRefund(notice: BusinessNotice, options: ApplyOptions): Promise<BusinessNotice> {
  if (options.refundLookup === undefined) return notice
  try {
    const refund = await options.refundLookup(notice)
    return refund === undefined ? notice : { ...notice, refundCurrency: refund.currency, refundAmount: refund.amount }
  } catch (error) {
    options.logger?.warn({ ...noticeLogFields(notice), err: error }, 'refund query for a refund notice failed')
    return notice
  }
}

/**
 * Stores `notice` unless this (account, push_id, notice_type) is already stored, and applies its effects in the
 * same transaction. A refund lookup, when needed, runs first (outside the transaction: it is a network call).
 */
export async function recordNotice(
  db: Db,
  notice: BusinessNotice,
  source: NoticeSource,
  options: ApplyOptions = {},
): Promise<RecordOutcome> {
  const now = (options.now ?? (() => new Date()))()
  const effect = effectOf(notice.noticeType, notice.pushStatus)
  let complete = notice
  if (needsRefundLookup(notice, effect) && !(await notificationsRepository(db).exists(notice))) {
    complete = await lookUpRefund(notice, options)
  }
  const result = await db.transaction(async (tx) => {
    const repo = notificationsRepository(tx)
    const id = await repo.insert(complete, source, now)
    if (id === undefined) return { effect: 'duplicate' as const }
    const applied = await applyEffects(tx, complete, effect, source, now)
    await repo.setEffect(id, applied.effect, now)
    return applied
  })
  const level = result.effect === 'waiting' ? 'warn' : 'info'
  options.logger?.[level](
    { ...noticeLogFields(notice), source, effect: result.effect, reason: 'reason' in result ? result.reason : undefined },
    result.effect === 'duplicate' ? 'business-order notice already stored' : 'business-order notice stored',
  )
  return result.effect
}

/**
 * Applies stored notices that were waiting for their merchant, payment or refund amount. Safe to run in several
 * processes at once: each notice is locked and re-checked before it is applied.
 * @returns how many were applied (or found to need nothing) in this run
 */
export async function applyWaitingNotices(db: Db, options: ApplyOptions = {}, limit = 500): Promise<number> {
  const now = (options.now ?? (() => new Date()))()
  let settled = 0
  for (const waiting of await notificationsRepository(db).listWaiting(limit)) {
    const effect = effectOf(waiting.notice.noticeType, waiting.notice.pushStatus)
    const looked = needsRefundLookup(waiting.notice, effect) ? await lookUpRefund(waiting.notice, options) : waiting.notice
    const outcome = await db.transaction(async (tx) => {
      const repo = notificationsRepository(tx)
      const locked = await repo.lockWaiting(waiting.id)
      if (locked === undefined) return undefined
      const notice = locked.notice.refundAmount === undefined ? looked : locked.notice
      if (notice.refundAmount !== undefined && notice.refundCurrency !== undefined && locked.notice.refundAmount === undefined) {
        await repo.setRefund(waiting.id, { currency: notice.refundCurrency, amount: notice.refundAmount })
      }
      const applied = await applyEffects(tx, notice, effect, locked.source, now)
      if (applied.effect !== 'waiting') await repo.setEffect(waiting.id, applied.effect, now)
      return applied.effect
    })
    if (outcome !== undefined && outcome !== 'waiting') {
      settled += 1
      options.logger?.info({ ...noticeLogFields(waiting.notice), effect: outcome }, 'waiting business-order notice applied')
    }
  }
  return settled
}
