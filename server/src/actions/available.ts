/**
 * What the transaction detail may offer (contract/actions.ts AvailableActions): exactly the buttons this account's
 * permissions and this payment's state allow, with the refundable amount from the one function and the
 * pre-authorization's days left from the validity table.
 */
import type { AvailableActions } from '@contract/actions'
import type { AuthContext } from '../auth/request-context'
import type { Db } from '../db'
import { AppError } from '../errors'
import { money } from '../money'
import { movedMoney, refundableMinor } from '../money/refundable'
import { actionsRepository } from '../repositories/actions'
import { transactionsRepository } from '../repositories/transactions'
import { authorizationExpiry } from '@contract/authorization-validity'
import { isPendingAuthorization } from './money-actions'

export async function availableActions(db: Db, auth: AuthContext, paymentId: string, now: Date): Promise<AvailableActions> {
  const actions = actionsRepository(db)
  const payment = await actions.payment(auth.merchantNo, paymentId)
  if (payment === undefined) throw new AppError(404, 'NOT_FOUND', 'no such transaction')
  const may = (permission: string): boolean => auth.permissions.includes(permission)
  const total = BigInt(payment.amount_minor)
  let refund: AvailableActions['refund'] = null
  const facts = { status: payment.status, txnType: payment.txn_type, authStatus: payment.auth_status }
  if (may('refund') && movedMoney(facts)) {
    const [deductions, open] = await Promise.all([
      transactionsRepository(db).refundDeductions(auth.merchantNo, paymentId),
      actions.openRefundsMinor(auth.merchantNo, paymentId),
    ])
    const max = refundableMinor({
      ...facts,
      amountMinor: total,
      refundedMinor: BigInt(payment.refunded_minor),
      pendingRefundsMinor: deductions.waiting_refunds > 0 ? total : open,
      chargebackedMinor: BigInt(deductions.chargebacked_minor),
    })
    if (max > BigInt(0)) refund = { max: money(payment.currency, max) }
  }
  const pending = isPendingAuthorization(payment)
  const expiry = pending ? authorizationExpiry(payment.card_brand, payment.payment_time, now) : null
  // Past its window Oceanpayment may still take a capture (the issuer may then dispute it): shown, with days < 0.
  const window = expiry === null ? { expiresAt: null, daysLeft: null } : expiry
  return {
    refund,
    capture: pending && may('capture') ? { max: money(payment.currency, total), ...window } : null,
    void: pending && may('void') ? window : null,
    tracking: may('tracking') && payment.status === 'success',
  }
}
