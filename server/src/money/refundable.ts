/**
 * 可退款金额, the one rule: what a payment may still refund is its amount less what was refunded, what refunds
 * still pending will take and what chargebacks took, never below zero — and nothing for a payment that moved no
 * money (failed, pending, an authorization not captured). Minor units of the transaction currency, bigint only.
 *
 * The transaction detail shows it; the refund action (issue 13) checks a request against it. docs/reconciliation.md
 * says where each input comes from.
 */

export interface RefundableInput {
  status: 'success' | 'failure' | 'pending'
  txnType: 'sale' | 'authorization'
  authStatus: 'pending' | 'captured' | 'voided' | null
  amountMinor: bigint
  /** Refunds that succeeded (transactions.refunded_minor). */
  refundedMinor: bigint
  /** Refunds requested and not yet decided: they will take money if they succeed. */
  pendingRefundsMinor: bigint
  /** Chargebacks on the payment (order_cases of kind chargeback, in the transaction currency). */
  chargebackedMinor: bigint
}

const ZERO = BigInt(0)

/** Whether the payment moved money: a successful sale, or a successful authorization that was captured. */
export function movedMoney(input: Pick<RefundableInput, 'status' | 'txnType' | 'authStatus'>): boolean {
  return input.status === 'success' && (input.txnType === 'sale' || input.authStatus === 'captured')
}

export function refundableMinor(input: RefundableInput): bigint {
  if (!movedMoney(input)) return ZERO
  const left = input.amountMinor - input.refundedMinor - input.pendingRefundsMinor - input.chargebackedMinor
  return left > ZERO ? left : ZERO
}
