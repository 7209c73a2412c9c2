import { describe, expect, it } from 'vitest'
import { formatMinor, money } from '../../../server/src/money'
import { resolveRange } from '../../../server/src/lib/time-range'
import { addBeijingYears, startOfBeijingDay, toBeijingIso } from '@contract/beijing-time'
import { maskPhone } from '../../../server/src/services/accounts'

describe('money on the wire', () => {
  it('formats minor units as decimal strings with the currency exponent', () => {
    expect(formatMinor('-71477083', 'USD')).toBe('-714770.83')
    expect(formatMinor(5, 'USD')).toBe('0.05')
    expect(formatMinor(-5, 'EUR')).toBe('-0.05')
    expect(formatMinor('2761', 'JPY')).toBe('2761')
    expect(formatMinor('1234', 'KWD')).toBe('1.234')
    expect(money('USD', '900719925474099312')).toEqual({ currency: 'USD', amount: '9007199254740993.12' })
  })
  it('refuses non-integers instead of rounding', () => {
    expect(() => formatMinor('1.5', 'USD')).toThrow(RangeError)
    expect(() => formatMinor(0.1, 'USD')).toThrow(RangeError)
  })
})

describe('Beijing time', () => {
  it('shows instants with +08:00 and finds Beijing day starts', () => {
    const instant = new Date('2025-05-15T16:30:00Z') // 00:30 on the 16th in Beijing
    expect(toBeijingIso(instant)).toBe('2025-05-16T00:30:00+08:00')
    expect(new Date(startOfBeijingDay(instant)).toISOString()).toBe('2025-05-15T16:00:00.000Z')
    expect(toBeijingIso(addBeijingYears(instant, -1))).toBe('2024-05-16T00:30:00+08:00')
  })
  it('checks ranges naming the field', () => {
    const now = new Date('2025-05-15T08:00:00Z')
    expect(() => resolveRange({ from: '2024-05-14T23:59:59+08:00' }, now)).toThrow(/^from:/)
    expect(resolveRange({ from: '2024-05-15T00:00:00+08:00' }, now).from.toISOString()).toBe('2024-05-14T16:00:00.000Z')
    expect(() => resolveRange({ from: '2025-05-10T00:00:00+08:00', to: '2025-05-09T00:00:00+08:00' }, now)).toThrow(/^to:/)
    expect(() => resolveRange({ from: '2025-05-10 00:00:00' }, now)).toThrow(/^from:/)
    expect(() => resolveRange({ from: '2024-06-01T00:00:00+08:00', to: '2025-06-03T00:00:00+08:00' }, now)).toThrow(/^to:/)
  })
  it('masks phones', () => {
    expect(maskPhone('13800138000')).toBe('138****8000')
    expect(maskPhone('+85291234567')).toBe('+852****4567')
  })
})
