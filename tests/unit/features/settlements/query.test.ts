/** The settlements filter: default range, the API query, the sheet mapping and the batch period label. */
import { describe, expect, it } from 'vitest'
import {
  activeFilterCount,
  defaultSearch,
  filterFromSheet,
  periodLabel,
  searchKey,
  settlementsQuery,
  sheetValues,
} from '@/features/settlements/query'

describe('settlements query', () => {
  it('defaults to the last 7 Beijing days, whole days, nothing else', () => {
    const search = defaultSearch('2025-05-15')
    expect(search.range).toEqual({ start: '2025-05-09', end: '2025-05-15' })
    expect(settlementsQuery(search)).toEqual({ from: '2025-05-09T00:00:00+08:00', to: '2025-05-15T23:59:59+08:00' })
  })

  it('sends only the filters that are set, the batch number trimmed, and the cursor when given', () => {
    const search = {
      range: { start: '2025-01-01', end: '2025-01-31' },
      filter: { batchNo: '  T14010520250106USD ', timeType: 'settled', currency: 'USD', batchType: 'transaction' },
    } as const
    expect(settlementsQuery(search, 'abc')).toEqual({
      from: '2025-01-01T00:00:00+08:00',
      to: '2025-01-31T23:59:59+08:00',
      batchNo: 'T14010520250106USD',
      timeType: 'settled',
      currency: 'USD',
      batchType: 'transaction',
      cursor: 'abc',
    })
    expect(settlementsQuery({ ...search, filter: { batchNo: '   ' } })).not.toHaveProperty('batchNo')
  })

  it('keys a search by what it asks the server, so a blank batch number is no change', () => {
    const base = defaultSearch('2025-05-15')
    expect(searchKey({ ...base, filter: { batchNo: ' ' } })).toBe(searchKey(base))
    expect(searchKey({ ...base, filter: { currency: 'EUR' } })).not.toBe(searchKey(base))
  })

  it('maps the sheet values back, dropping values outside each vocabulary', () => {
    expect(filterFromSheet({ batchNo: ' D1 ', timeType: 'created', currency: 'JPY', batchType: 'deposit' })).toEqual({
      batchNo: 'D1',
      timeType: 'created',
      currency: 'JPY',
      batchType: 'deposit',
    })
    expect(filterFromSheet({ timeType: 'payment', currency: 'XXX', batchType: 'refund', batchNo: '' })).toEqual({})
    // 划款时间 is the seed's default and what the server uses anyway: the sheet shows it chosen, and choosing it
    // is no filter.
    expect(sheetValues({}).timeType).toBe('settled')
    expect(filterFromSheet({ timeType: 'settled' })).toEqual({})
    const filter = { currency: 'USD', batchType: 'deposit' } as const
    expect(filterFromSheet(sheetValues(filter))).toEqual(filter)
  })

  it('counts the active filters for the 高级筛选 button', () => {
    expect(activeFilterCount({})).toBe(0)
    expect(activeFilterCount({ batchNo: 'T1', currency: 'USD' })).toBe(2)
    expect(activeFilterCount({ batchNo: 'T1', timeType: 'created', currency: 'USD', batchType: 'transaction' })).toBe(4)
  })
})

describe('periodLabel', () => {
  it('shows the last day of a week whose end is the next Monday 00:00 (exclusive)', () => {
    expect(periodLabel({ periodStart: '2026-11-02T00:00:00+08:00', periodEnd: '2026-11-09T00:00:00+08:00' })).toBe(
      '2026-11-02 ~ 2026-11-08',
    )
  })

  it('keeps an end that is not midnight, and a one-day period', () => {
    expect(periodLabel({ periodStart: '2026-11-02T00:00:00+08:00', periodEnd: '2026-11-08T23:59:59+08:00' })).toBe(
      '2026-11-02 ~ 2026-11-08',
    )
    expect(periodLabel({ periodStart: '2026-12-31T00:00:00+08:00', periodEnd: '2027-01-01T00:00:00+08:00' })).toBe(
      '2026-12-31 ~ 2026-12-31',
    )
  })
})
