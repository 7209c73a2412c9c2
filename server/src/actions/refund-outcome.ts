/**
 * How a refund made from the phone ends, whoever learns it first: a refund notice (webhook or gap fill) naming our
 * refund_number, the action's own answer read back by Refund Query, or the reconciler. The action row is settled
 * once (settleOpen), the refund is added to the payment through the one ledger keyed by refund_id, and the user
 * gets one message of kind 'refund' in the messages' vocabulary (facts only; the client words it).
 */
import type { Queryable } from '../db'
import { actionsRepository, type ActionRow } from '../repositories/actions'
import { notificationsRepository } from '../repositories/notifications'
import { addRefund, type RefundSource } from '../repositories/transaction-refunds'
import { failureOfRefundDetails } from './gateway-failures'

export interface RefundOutcome {
  /** Our refund_number: the action id. */
  actionId: string
  /** Only settle the merchant's own action (a notice names its account). */
  merchant?: string
  refundId: string
  outcome: 'succeeded' | 'failed'
  /** refund_details / push_details. */
  details: string
  source: RefundSource
  at: Date
}

/** "code:text" as notices and Refund Query give reasons; a text without a code is all reason. */
function reasonOf(details: string): { code: string | null; text: string | null } {
  const match = /^([A-Za-z0-9.-]{1,20}):([\s\S]*)$/.exec(details)
  if (match === null) return { code: null, text: details === '' ? null : details }
  return { code: match[1], text: match[2].trim() === '' ? null : match[2].trim() }
}

/** Settles the refund action inside the caller's transaction. @returns the settled row, or undefined if not ours / already final. */
export async function settleRefund(tx: Queryable, outcome: RefundOutcome): Promise<ActionRow | undefined> {
  const actions = actionsRepository(tx)
  const action = await actions.lock(outcome.actionId)
  if (action === undefined || action.kind !== 'refund' || (outcome.merchant !== undefined && action.merchant !== outcome.merchant)) {
    return undefined
  }
  const settled = await actions.settleOpen(action.id, {
    status: outcome.outcome,
    failure: outcome.outcome === 'failed' ? failureOfRefundDetails(outcome.details) : null,
    gatewayCode: null,
    gatewayRef: outcome.refundId === '' ? null : outcome.refundId,
    nextCheckAt: null,
  })
  if (settled === undefined) return undefined
  if (outcome.outcome === 'succeeded' && settled.payment_id !== null && settled.amount_minor !== null) {
    await addRefund(tx, {
      account: settled.merchant,
      paymentId: settled.payment_id,
      refundId: outcome.refundId || settled.gateway_ref || `action:${settled.id}`,
      amount: { full: false, minor: BigInt(settled.amount_minor) },
      source: outcome.source === 'notice' ? 'notice' : 'query',
    })
  }
  const reason = outcome.outcome === 'failed' ? reasonOf(outcome.details) : { code: null, text: null }
  await notificationsRepository(tx).addMessage({
    account: settled.merchant,
    kind: 'refund',
    facts: {
      paymentId: settled.payment_id ?? '',
      orderNumber: settled.order_number ?? undefined,
      amount: settled.currency === null || settled.amount_minor === null ? undefined : { currency: settled.currency, minor: BigInt(settled.amount_minor) },
      reasonCode: reason.code ?? undefined,
      reason: reason.text ?? undefined,
      deadlineAt: undefined,
    },
    createdAt: outcome.at,
    sourceKey: `refund-action:${settled.id}`,
    refundOutcome: outcome.outcome,
  })
  return settled
}
