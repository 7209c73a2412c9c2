/**
 * Refund request and refund query. A request only starts a refund: it is recorded as pending (holding the amount
 * back from the refundable balance) and decided after the settle delay (settlement.ts).
 */
import { formatBeijingDateTime } from '@contract/beijing-time'
import { newId, reject, type Answer } from '../context'
import { formatAmount, parseAmount } from '../money'
import { settleDueRefunds } from '../settlement'
import { findOrder, refundableMinor } from '../store/orders'
import { findRefund, insertRefund, type RefundView } from '../store/refunds'
import type { OperationHandler } from './types'

const REFUND_STATUS = { pending: '-1', success: '1', failure: '0' } as const

export const refundRequest: OperationHandler = async (ctx, caller, params) => {
  const paymentId = params.payment_id ?? ''
  const refundNumber = params.refund_number || null
  const echo = { payment_id: paymentId, refund_number: refundNumber ?? '', refund_reference: params.refund_reference ?? '' }
  return ctx.db.transaction(async (tx): Promise<Answer> => {
    const order = await findOrder(tx, caller.terminal, paymentId, { lock: true })
    if (order === undefined) return reject('30', `no payment ${paymentId} on this terminal`, echo)
    if (refundNumber !== null) {
      const existing = await findRefund(tx, caller.terminal, { refundNumber })
      if (existing !== undefined) {
        return reject('50', 'a refund with this refund_number already exists', { ...echo, refund_id: existing.refundId })
      }
    }
    const amount = parseAmount(params.refund_amount ?? '', order.currency)
    if (amount === undefined || amount <= BigInt(0)) {
      return reject('12', `refund_amount must be a positive amount in ${order.currency}`, echo)
    }
    const refundable = refundableMinor(order)
    const alreadyRefunded = order.refundedMinor + order.refundPendingMinor > BigInt(0)
    if (refundable === BigInt(0)) {
      return reject('40', alreadyRefunded ? 'the payment is already fully refunded' : 'the payment cannot be refunded', echo)
    }
    if (amount > refundable) {
      return reject('41', `refund_amount exceeds the refundable ${formatAmount(refundable, order.currency)} ${order.currency}`, echo)
    }
    if (params.refund_type === '1' && (alreadyRefunded || amount !== refundable)) {
      return reject('40', 'a full refund (refund_type 1) must refund the whole amount of an unrefunded payment; use refund_type 2', echo)
    }
    const at = ctx.now()
    const refundId = newId('RF')
    const inserted = await insertRefund(tx, {
      refundId,
      paymentId,
      terminal: caller.terminal,
      refundNumber,
      refundReference: params.refund_reference || null,
      refundType: params.refund_type === '1' ? 1 : 2,
      amountMinor: amount,
      currency: order.currency,
      description: params.refund_description ?? '',
      status: 'pending',
      details: 'Refund is being processed',
      requestedAt: at,
      settleAt: new Date(at.getTime() + ctx.settings.refundSettleDelayMs),
      settledAt: null,
    })
    // A concurrent request with the same refund_number won the race.
    if (!inserted) return reject('50', 'a refund with this refund_number already exists', echo)
    return { code: '00', details: 'Refund accepted and pending', fields: { ...echo, refund_id: refundId } }
  })
}

function refundRecord(refund: RefundView): Record<string, string> {
  return {
    refund_id: refund.refundId,
    refund_number: refund.refundNumber ?? '',
    refund_reference: refund.refundReference ?? '',
    payment_id: refund.paymentId,
    order_number: refund.orderNumber,
    refund_type: String(refund.refundType),
    refund_currency: refund.currency,
    refund_amount: formatAmount(refund.amountMinor, refund.currency),
    refund_status: REFUND_STATUS[refund.status],
    refund_details: refund.details,
    refund_dateTime: formatBeijingDateTime(refund.settledAt ?? refund.requestedAt),
  }
}

export const refundQuery: OperationHandler = async (ctx, caller, params) => {
  // Lazy evaluation: a refund whose time has come is decided before it is reported (waiting for the background
  // tick if it is deciding that refund right now, so the answer never shows a due refund as pending).
  await settleDueRefunds(ctx, { wait: true })
  const key = params.refund_id ? { refundId: params.refund_id } : { refundNumber: params.refund_number ?? '' }
  const refund = await findRefund(ctx.db, caller.terminal, key)
  if (refund === undefined) return reject('31', 'no refund with this refund_id / refund_number on this terminal')
  return { code: '00', records: [refundRecord(refund)] }
}
