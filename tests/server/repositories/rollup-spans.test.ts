/**
 * How a range's whole days split between 0018's monthly rollups and 0014's day rollups: whole calendar months from
 * the monthly table, the days on either side from the day table, nothing counted twice or left out.
 */
import { describe, expect, it } from 'vitest'
import { rollupSpans, spansSql } from '../../../server/src/repositories/rollup-spans'

describe('rollupSpans', () => {
  it('reads the whole months of a year from the monthly table and the days around them from the day table', () => {
    expect(rollupSpans({ firstDay: '2025-12-05', lastDay: '2026-12-03' })).toEqual([
      { grain: 'day', firstDay: '2025-12-05', lastDay: '2025-12-31' },
      { grain: 'month', firstDay: '2026-01-01', lastDay: '2026-11-30' },
      { grain: 'day', firstDay: '2026-12-01', lastDay: '2026-12-03' },
    ])
  })

  it('takes a month that starts the range or ends it exactly (February of a leap year included)', () => {
    expect(rollupSpans({ firstDay: '2024-02-01', lastDay: '2024-02-29' })).toEqual([
      { grain: 'month', firstDay: '2024-02-01', lastDay: '2024-02-29' },
    ])
    expect(rollupSpans({ firstDay: '2024-02-01', lastDay: '2024-03-30' })).toEqual([
      { grain: 'month', firstDay: '2024-02-01', lastDay: '2024-02-29' },
      { grain: 'day', firstDay: '2024-03-01', lastDay: '2024-03-30' },
    ])
    expect(rollupSpans({ firstDay: '2025-01-02', lastDay: '2025-03-31' })).toEqual([
      { grain: 'day', firstDay: '2025-01-02', lastDay: '2025-01-31' },
      { grain: 'month', firstDay: '2025-02-01', lastDay: '2025-03-31' },
    ])
  })

  it('reads days only when no month is whole, or when the caller needs days (a per-day chart)', () => {
    expect(rollupSpans({ firstDay: '2026-11-04', lastDay: '2026-12-03' })).toEqual([
      { grain: 'day', firstDay: '2026-11-04', lastDay: '2026-12-03' },
    ])
    expect(rollupSpans({ firstDay: '2026-11-01', lastDay: '2026-11-29' })).toEqual([
      { grain: 'day', firstDay: '2026-11-01', lastDay: '2026-11-29' },
    ])
    expect(rollupSpans({ firstDay: '2025-12-05', lastDay: '2026-12-03' }, false)).toEqual([
      { grain: 'day', firstDay: '2025-12-05', lastDay: '2026-12-03' },
    ])
  })

  it('covers every day of the range exactly once, for any range of up to two years', () => {
    const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)
    const next = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    for (let start = 0; start < 400; start += 7) {
      for (const length of [0, 1, 27, 28, 30, 31, 59, 60, 89, 364, 365, 700]) {
        const spans = rollupSpans({ firstDay: day(start), lastDay: day(start + length) })
        const covered: string[] = []
        for (const span of spans) {
          if (span.grain === 'month') {
            expect(span.firstDay.endsWith('-01')).toBe(true)
            expect(next(span.lastDay).endsWith('-01')).toBe(true)
          }
          for (let d = span.firstDay; d <= span.lastDay; d = next(d)) covered.push(d)
        }
        expect(covered).toEqual(Array.from({ length: length + 1 }, (_, i) => day(start + i)))
      }
    }
  })
})

describe('spansSql', () => {
  it('repeats the select per span on the table of its grain, with the dates as parameters', () => {
    const params: unknown[] = ['140105']
    const sql = spansSql(
      rollupSpans({ firstDay: '2025-12-05', lastDay: '2026-12-03' }),
      'transaction_list_facets',
      params,
      (table, days) => `select n from ${table} where account = $1 and ${days}`,
    )
    expect(sql.split('\nunion all ')).toEqual([
      'select n from transaction_list_facets where account = $1 and day between $2::date and $3::date',
      'select n from transaction_list_facets_monthly where account = $1 and day between $4::date and $5::date',
      'select n from transaction_list_facets where account = $1 and day between $6::date and $7::date',
    ])
    expect(params).toEqual(['140105', '2025-12-05', '2025-12-31', '2026-01-01', '2026-11-30', '2026-12-01', '2026-12-03'])
  })
})
