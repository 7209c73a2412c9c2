/** The two rules of the list the server applies and the screen announces: ID searches, and what 金额统计 adds. */
import { describe, expect, it } from 'vitest'
import { rangeOverriddenBy, totalsBasisOf } from '@contract/transactions'

describe('rangeOverriddenBy', () => {
  it('names the ID key that replaces the date range, ignoring blanks', () => {
    expect(rangeOverriddenBy({})).toBeUndefined()
    expect(rangeOverriddenBy({ q: '   ' })).toBeUndefined()
    expect(rangeOverriddenBy({ q: ' 2611081401050017981 ' })).toBe('q')
    expect(rangeOverriddenBy({ batchNo: 't14010520261102sek' })).toBe('batchNo')
    expect(rangeOverriddenBy({ q: 'MK1', batchNo: 'T1' })).toBe('q')
  })
})

describe('totalsBasisOf', () => {
  it('adds successful payments in the transaction currency by default', () => {
    expect(totalsBasisOf({})).toEqual({ status: 'success', amount: 'transaction' })
  })

  it('follows the status filter', () => {
    expect(totalsBasisOf({ status: 'failure' })).toEqual({ status: 'failure', amount: 'transaction' })
  })

  it('adds booked amounts in the booking currency with a batch number or a booking currency', () => {
    expect(totalsBasisOf({ batchNo: 'T14010520261116USD' })).toEqual({ status: 'success', amount: 'booking' })
    expect(totalsBasisOf({ bookingCurrency: 'USD' })).toEqual({ status: 'success', amount: 'booking' })
    expect(totalsBasisOf({ batchNo: '  ' })).toEqual({ status: 'success', amount: 'transaction' })
  })
})
