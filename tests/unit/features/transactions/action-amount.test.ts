import { describe, expect, it } from 'vitest'
import { checkAmount, compareMinor, fromMinorDigits, toMinorDigits } from '@/features/transactions/actions/amount'
import { trackingBatch, trackingProblems } from '@/features/transactions/actions/tracking'

const usd = (amount: string) => ({ currency: 'USD', amount })

describe('amount parsing (integer minor units as digit strings, never floating point)', () => {
  it('turns major units into minor digits with the currency decimals', () => {
    expect(toMinorDigits('12.5', 2)).toBe('1250')
    expect(toMinorDigits('12.', 2)).toBe('1200')
    expect(toMinorDigits('0012.05', 2)).toBe('1205')
    expect(toMinorDigits('0.00', 2)).toBe('0')
    expect(toMinorDigits('2761', 0)).toBe('2761')
    expect(toMinorDigits('1.5', 0)).toBeNull()
    expect(toMinorDigits('1.505', 2)).toBeNull()
    expect(toMinorDigits('-1', 2)).toBeNull()
    expect(toMinorDigits('1e3', 2)).toBeNull()
    // Far beyond a double's exact range: still exact.
    expect(toMinorDigits('90071992547409931.07', 2)).toBe('9007199254740993107')
  })

  it('compares and writes back without rounding', () => {
    expect(compareMinor('1250', '1251')).toBe(-1)
    expect(compareMinor('10000', '9999')).toBe(1)
    expect(compareMinor('9007199254740993107', '9007199254740993107')).toBe(0)
    expect(fromMinorDigits('5', 2)).toBe('0.05')
    expect(fromMinorDigits('1250', 2)).toBe('12.50')
    expect(fromMinorDigits('2761', 0)).toBe('2761')
    expect(fromMinorDigits('1', 3)).toBe('0.001')
  })

  it('checks > 0, ≤ max, ≤ decimals and answers the wire string', () => {
    expect(checkAmount('12.5', usd('12.50'))).toEqual({ ok: true, amount: '12.50' })
    expect(checkAmount(' 0.1 ', usd('12.50'))).toEqual({ ok: true, amount: '0.10' })
    expect(checkAmount('12.51', usd('12.50'))).toEqual({ ok: false, problem: 'over-max' })
    expect(checkAmount('0', usd('12.50'))).toEqual({ ok: false, problem: 'zero' })
    expect(checkAmount('1.001', usd('12.50'))).toEqual({ ok: false, problem: 'decimals' })
    expect(checkAmount('abc', usd('12.50'))).toEqual({ ok: false, problem: 'format' })
    expect(checkAmount('1,000', usd('2000.00'))).toEqual({ ok: false, problem: 'format' })
    expect(checkAmount('', usd('12.50'))).toEqual({ ok: false, problem: 'empty' })
    expect(checkAmount('100', { currency: 'JPY', amount: '2761' })).toEqual({ ok: true, amount: '100' })
    expect(checkAmount('0.1', { currency: 'KWD', amount: '1.000' })).toEqual({ ok: true, amount: '0.100' })
  })
})

describe('tracking input, as the server checks it', () => {
  it('names each field out of bounds', () => {
    expect(trackingProblems({ trackingNumber: 'SF1', trackingSite: 'www.sf-express.com', handler: '王芳' })).toEqual([])
    expect(trackingProblems({ trackingNumber: ' ', trackingSite: 'x'.repeat(101), handler: 'h'.repeat(16) })).toEqual(['number', 'site', 'handler'])
    expect(trackingProblems({ trackingNumber: 'n'.repeat(200), trackingSite: 'https://www.17track.net/en', handler: 'h'.repeat(15) })).toEqual([])
    expect(trackingProblems({ trackingNumber: 'SF1', trackingSite: 'sf express', handler: 'h' })).toEqual(['site'])
  })

  it('sends only the rows with a number, in list order, with the batch site and handler', () => {
    const batch = trackingBatch({ b: ' SF2 ', a: 'SF1', c: '' }, ['a', 'b', 'c'], { trackingSite: ' www.sf-express.com ', handler: '王芳' })
    expect(batch).toEqual([
      { paymentId: 'a', trackingNumber: 'SF1', trackingSite: 'www.sf-express.com', handler: '王芳' },
      { paymentId: 'b', trackingNumber: 'SF2', trackingSite: 'www.sf-express.com', handler: '王芳' },
    ])
  })
})
