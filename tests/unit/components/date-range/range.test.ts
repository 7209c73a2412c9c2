import { afterEach, describe, expect, it } from 'vitest'
import { clampDateRange, lastDays, oneYearBefore, oneYearBounds } from '@/components/date-range/range'
import { beijingToday } from '@/utils/dates'

describe('the one-year limit', () => {
  it('starts on the same calendar day a year back', () => {
    expect(oneYearBefore('2025-05-15')).toBe('2024-05-15')
    expect(oneYearBounds('2025-05-15')).toEqual({ min: '2024-05-15', max: '2025-05-15' })
  })

  it('rolls 29 February over to 1 March, as the server counts it (never earlier than the server allows)', () => {
    expect(oneYearBefore('2024-02-29')).toBe('2023-03-01')
    expect(oneYearBefore('2025-03-01')).toBe('2024-03-01')
  })

  it('clamps a range reaching further back and says so', () => {
    const bounds = oneYearBounds('2025-05-15')
    expect(clampDateRange({ start: '2023-01-01', end: '2025-05-15' }, bounds)).toEqual({
      start: '2024-05-15',
      end: '2025-05-15',
      clamped: true,
    })
    expect(clampDateRange({ start: '2025-05-01', end: '2025-06-30' }, bounds)).toEqual({
      start: '2025-05-01',
      end: '2025-05-15',
      clamped: true,
    })
  })

  it('leaves a range inside the year alone', () => {
    const bounds = oneYearBounds('2025-05-15')
    expect(clampDateRange({ start: '2024-05-15', end: '2025-05-15' }, bounds)).toEqual({
      start: '2024-05-15',
      end: '2025-05-15',
      clamped: false,
    })
  })

  it('pulls the end up to a later start without calling it a clamp', () => {
    const bounds = oneYearBounds('2025-05-15')
    expect(clampDateRange({ start: '2025-05-12', end: '2025-05-10' }, bounds)).toEqual({
      start: '2025-05-12',
      end: '2025-05-12',
      clamped: false,
    })
  })

  it('replaces a malformed day by the bound', () => {
    const bounds = oneYearBounds('2025-05-15')
    expect(clampDateRange({ start: 'yesterday', end: '2025-05-10' }, bounds)).toMatchObject({ start: '2024-05-15', clamped: true })
  })
})

describe('the default range', () => {
  const originalTz = process.env.TZ
  afterEach(() => {
    process.env.TZ = originalTz
  })

  it('is the last 7 days, today included', () => {
    expect(lastDays('2025-05-15', 7)).toEqual({ start: '2025-05-09', end: '2025-05-15' })
    expect(lastDays('2025-03-02', 7)).toEqual({ start: '2025-02-24', end: '2025-03-02' })
  })

  // 2025-05-15 16:30 UTC is 2025-05-16 00:30 in Beijing: a phone anywhere must already say the 16th.
  const instant = Date.parse('2025-05-15T16:30:00Z')
  it.each(['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Europe/Berlin'])(
    'counts Beijing days whatever the machine time zone (%s)',
    (zone) => {
      process.env.TZ = zone
      expect(beijingToday(instant)).toBe('2025-05-16')
      expect(lastDays(beijingToday(instant), 7)).toEqual({ start: '2025-05-10', end: '2025-05-16' })
    },
  )
})
