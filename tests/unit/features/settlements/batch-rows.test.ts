import { describe, expect, it } from 'vitest'
import { batchTransactionsFilter, negate, rowFigures } from '@/features/settlements/batch-rows'
import type { SettlementRow } from '@contract/settlements'

const usd = (amount: string) => ({ currency: 'USD', amount })
const base: SettlementRow = {
  kind: 'transaction',
  paymentId: 'P1',
  orderNumber: 'O1',
  time: '2026-11-03T09:15:00+08:00',
  transactionAmount: { currency: 'JPY', amount: '15000' },
  gross: usd('100.00'),
  fee: usd('3.30'),
  refund: usd('10.00'),
  chargeback: usd('0.00'),
  deposit: usd('0.00'),
  net: usd('86.70'),
}

describe('rowFigures', () => {
  it('leads a sale with its booked amount, keeps the paid amount in another currency, lists non-zero deductions', () => {
    expect(rowFigures(base)).toEqual({
      amount: usd('100.00'),
      transactionAmount: { currency: 'JPY', amount: '15000' },
      deductions: [
        { label: 'st.row.fee', money: usd('3.30') },
        { label: 'st.row.refund', money: usd('10.00') },
      ],
      net: usd('86.70'),
    })
  })

  it('shows no secondary amount when paid in the batch currency', () => {
    expect(rowFigures({ ...base, transactionAmount: usd('100.00') }).transactionAmount).toBeNull()
  })

  it('counts a chargeback as a debit and a released reserve as a credit, without deductions', () => {
    const chargeback = rowFigures({ ...base, kind: 'chargeback', gross: usd('0.00'), fee: usd('0.00'), refund: usd('0.00'), chargeback: usd('40.00'), net: usd('-40.00') })
    expect(chargeback.amount).toEqual(usd('-40.00'))
    expect(chargeback.deductions).toEqual([])
    const deposit = rowFigures({ ...base, kind: 'deposit', gross: usd('0.00'), fee: usd('0.00'), refund: usd('0.00'), deposit: usd('5.00'), net: usd('5.00') })
    expect(deposit.amount).toEqual(usd('5.00'))
  })

  it('negates without ever showing -0', () => {
    expect(negate(usd('0.00'))).toEqual(usd('0.00'))
    expect(negate(usd('-1.50'))).toEqual(usd('1.50'))
  })
})

describe('batchTransactionsFilter', () => {
  it('filters by the batch and its currency as booking currency', () => {
    expect(batchTransactionsFilter({ batchNo: 'T1', currency: 'USD' })).toEqual({ batchNo: 'T1', bookingCurrency: 'USD' })
    expect(batchTransactionsFilter({ batchNo: 'T1', currency: 'XYZ' })).toEqual({ batchNo: 'T1' })
  })
})
