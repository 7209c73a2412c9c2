import { describe, expect, it } from 'vitest'
import {
  addBeijingYears,
  addDays,
  addYears,
  beijingDate,
  beijingDayEnd,
  beijingDayStart,
  beijingHour,
  beijingWeekday,
  formatBeijingDateTime,
  parseBeijingDateTime,
  startOfBeijingDay,
  startOfBeijingWeek,
  toBeijingIso,
  toBeijingIsoOrNull,
} from '@contract/beijing-time'

// 2025-05-15T16:30:00Z is 00:30 on Friday 16 May in Beijing.
const INSTANT = Date.parse('2025-05-15T16:30:00Z')

describe('Beijing time of an instant', () => {
  it('writes it on the Beijing wall clock, whole seconds', () => {
    expect(toBeijingIso(new Date('2025-05-15T08:52:56.123Z'))).toBe('2025-05-15T16:52:56+08:00')
    expect(toBeijingIso(INSTANT)).toBe('2025-05-16T00:30:00+08:00')
    expect(toBeijingIsoOrNull(null)).toBeNull()
    expect(formatBeijingDateTime(INSTANT)).toBe('2025-05-16 00:30:00')
    expect(beijingDate(INSTANT)).toBe('2025-05-16')
    expect(beijingHour(INSTANT)).toBe(0)
  })

  it('finds the day and the week (Monday first) it falls in', () => {
    expect(new Date(startOfBeijingDay(INSTANT)).toISOString()).toBe('2025-05-15T16:00:00.000Z')
    expect(beijingWeekday(INSTANT)).toBe(4)
    expect(new Date(startOfBeijingWeek(INSTANT)).toISOString()).toBe('2025-05-11T16:00:00.000Z')
    expect(beijingWeekday(Date.parse('2025-05-11T16:00:00Z'))).toBe(0)
    expect(beijingWeekday(Date.parse('2025-05-11T15:59:59Z'))).toBe(6)
  })

  it('adds calendar years on the wall clock, 29 February becoming 1 March', () => {
    expect(toBeijingIso(addBeijingYears(INSTANT, -1))).toBe('2024-05-16T00:30:00+08:00')
    expect(toBeijingIso(addBeijingYears(Date.parse('2024-02-29T01:00:00+08:00'), -1))).toBe('2023-03-01T01:00:00+08:00')
  })
})

describe('the API format yyyy-mm-dd HH:mm:ss', () => {
  it('reads a Beijing date and time back as the instant it was written from', () => {
    expect(parseBeijingDateTime('2025-05-16 00:30:00')?.getTime()).toBe(INSTANT)
    expect(parseBeijingDateTime(formatBeijingDateTime(INSTANT))?.getTime()).toBe(INSTANT)
  })

  it('refuses what is not a real date and time', () => {
    for (const text of ['2025-02-30 00:00:00', '2025-13-01 00:00:00', '2025-05-15 24:00:00', '2025-05-15 12:60:00', '2025-05-15T12:00:00', '']) {
      expect(parseBeijingDateTime(text)).toBeUndefined()
    }
  })
})

describe('calendar days', () => {
  it('bound a day by its first and last second in Beijing time', () => {
    expect(beijingDayStart('2025-05-15')).toBe('2025-05-15T00:00:00+08:00')
    expect(beijingDayEnd('2025-05-15')).toBe('2025-05-15T23:59:59+08:00')
  })

  it('add days and years across months, years and leap days', () => {
    expect(addDays('2025-05-15', -6)).toBe('2025-05-09')
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addYears('2025-05-15', -1)).toBe('2024-05-15')
    expect(addYears('2024-02-29', -1)).toBe('2023-03-01')
  })
})
