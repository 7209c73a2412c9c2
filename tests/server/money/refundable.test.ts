/** 可退款金额: amount − refunded − refunds pending − chargebacked, never below zero, only for money that moved. */
import { describe, expect, it } from 'vitest'
import { refundableMinor, type RefundableInput } from '../../../server/src/money/refundable'

const sale: RefundableInput = {
  status: 'success',
  txnType: 'sale',
  authStatus: null,
  amountMinor: BigInt(6699),
  refundedMinor: BigInt(0),
  pendingRefundsMinor: BigInt(0),
  chargebackedMinor: BigInt(0),
}

describe('refundableMinor', () => {
  it('is the whole amount of an untouched successful sale', () => {
    expect(refundableMinor(sale)).toBe(BigInt(6699))
  })

  it('deducts refunds, pending refunds and chargebacks', () => {
    expect(refundableMinor({ ...sale, refundedMinor: BigInt(1000) })).toBe(BigInt(5699))
    expect(refundableMinor({ ...sale, refundedMinor: BigInt(1000), pendingRefundsMinor: BigInt(699) })).toBe(BigInt(5000))
    expect(refundableMinor({ ...sale, refundedMinor: BigInt(1000), pendingRefundsMinor: BigInt(699), chargebackedMinor: BigInt(2000) })).toBe(
      BigInt(3000),
    )
  })

  it('is zero for a fully chargebacked payment, and never negative', () => {
    expect(refundableMinor({ ...sale, chargebackedMinor: BigInt(6699) })).toBe(BigInt(0))
    expect(refundableMinor({ ...sale, refundedMinor: BigInt(3000), chargebackedMinor: BigInt(6699) })).toBe(BigInt(0))
  })

  it('is zero where no money moved: failed, pending, an authorization not captured', () => {
    expect(refundableMinor({ ...sale, status: 'failure' })).toBe(BigInt(0))
    expect(refundableMinor({ ...sale, status: 'pending' })).toBe(BigInt(0))
    expect(refundableMinor({ ...sale, txnType: 'authorization', authStatus: 'pending' })).toBe(BigInt(0))
    expect(refundableMinor({ ...sale, txnType: 'authorization', authStatus: 'voided' })).toBe(BigInt(0))
    expect(refundableMinor({ ...sale, txnType: 'authorization', authStatus: 'captured' })).toBe(BigInt(6699))
  })
})
