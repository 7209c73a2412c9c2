import { describe, expect, it } from 'vitest'
import { cleanValues, countActive } from '@/components/filter-sheet/fields'
import {
  activeSheetCount,
  applySheet,
  beijingDateOf,
  clearPresets,
  initialListState,
  sheetValues,
  terminalChoices,
  toQuery,
  withSearch,
} from '@/features/transactions/list-filter'
import { filterFromParams, transactionsQueryString } from '@/utils/transactions-filter-url'

const TODAY = '2025-05-15'

describe('the list state a page opens with', () => {
  it('is the last 7 Beijing days and no filter when opened plainly', () => {
    expect(initialListState({}, TODAY)).toEqual({ range: { start: '2025-05-09', end: '2025-05-15' }, filter: {}, clamped: false })
  })

  it('covers the whole year for a to-do preset without a range, so the list matches the to-do count', () => {
    const state = initialListState({ status: 'pending', txnType: 'authorization', authStatus: 'pending' }, TODAY)
    expect(state.range).toEqual({ start: '2024-05-15', end: '2025-05-15' })
    expect(state.filter).toEqual({ status: 'pending', txnType: 'authorization', authStatus: 'pending' })
    expect(initialListState({ case: 'chargeback' }, TODAY).range.start).toBe('2024-05-15')
    expect(initialListState({ batchNo: 'STL-140105-20250511' }, TODAY).filter).toEqual({ batchNo: 'STL-140105-20250511' })
  })

  it('keeps a range from the URL (encoded, any offset) as Beijing days', () => {
    const params = {
      from: encodeURIComponent('2025-05-15T00:00:00+08:00'),
      to: encodeURIComponent('2025-05-15T23:59:59+08:00'),
      status: 'success',
    }
    expect(initialListState(params, TODAY)).toEqual({
      range: { start: '2025-05-15', end: '2025-05-15' },
      filter: { status: 'success' },
      clamped: false,
    })
    // 2025-05-14 17:00 UTC is already the 15th in Beijing.
    expect(beijingDateOf('2025-05-14T17:00:00Z')).toBe('2025-05-15')
    expect(beijingDateOf('2025-05-14T17:00:00')).toBe('2025-05-14')
    expect(beijingDateOf('not a date')).toBeUndefined()
  })

  it('clamps a URL range older than a year and flags it for the page to explain', () => {
    const state = initialListState({ from: '2023-01-01T00:00:00+08:00', to: '2025-05-15T23:59:59+08:00' }, TODAY)
    expect(state.range).toEqual({ start: '2024-05-15', end: '2025-05-15' })
    expect(state.clamped).toBe(true)
  })

  it('drops values outside each filter vocabulary', () => {
    expect(initialListState({ currency: 'XXX', status: 'lost', cardBrand: 'Visa' }, TODAY).filter).toEqual({ cardBrand: 'Visa' })
  })
})

describe('the API query of a list state', () => {
  it('sends whole Beijing days and only the set filters', () => {
    expect(
      toQuery({ range: { start: '2025-05-09', end: '2025-05-15' }, filter: { currency: 'USD', q: '  test20250515165256 ' } }),
    ).toEqual({
      from: '2025-05-09T00:00:00+08:00',
      to: '2025-05-15T23:59:59+08:00',
      currency: 'USD',
      q: 'test20250515165256',
    })
  })

  it('round-trips through a URL (how home and settlements open the list)', () => {
    const filter = { status: 'pending', authStatus: 'pending', txnType: 'authorization' } as const
    const url = transactionsQueryString(filter)
    const params = Object.fromEntries(new URLSearchParams(url.slice(1)))
    expect(filterFromParams(params)).toEqual(filter)
    expect(transactionsQueryString({ batchNo: 'A B/1' })).toBe('?batchNo=A%20B%2F1')
  })
})

describe('the filter sheet of the list', () => {
  it('shows the current advanced filters, with the default time type', () => {
    const values = sheetValues({ currency: 'EUR', status: 'success' })
    expect(values.currency).toBe('EUR')
    expect(values.timeType).toBe('payment')
    // 交易状态 is in the sheet since issue 11: a to-do's status shows chosen there.
    expect(values.status).toBe('success')
  })

  it('replaces the advanced filters on apply and keeps search and preset', () => {
    const before = { currency: 'EUR', q: 'ORDER-1', case: 'chargeback', cardBrand: 'Visa' } as const
    const after = applySheet(before, { timeType: 'settlement', cardBrand: 'JCB', terminal: '14010588' })
    expect(after).toEqual({ q: 'ORDER-1', case: 'chargeback', timeType: 'settlement', cardBrand: 'JCB', terminal: '14010588' })
  })

  it('treats the default time type as no filter', () => {
    expect(applySheet({}, { timeType: 'payment' })).toEqual({})
    expect(activeSheetCount({ timeType: 'payment', currency: 'USD', case: 'fraud' })).toBe(1)
    expect(activeSheetCount({ timeType: 'settlement', batchNo: 'B1', terminal: '14010588' })).toBe(3)
  })

  it('hands over only set, trimmed values of its own fields', () => {
    const fields = [
      { kind: 'text', key: 'batchNo', label: 'b' },
      { kind: 'options', key: 'currency', label: 'c', options: [] },
      { kind: 'date-range', startKey: 'start', endKey: 'end', bounds: { min: '2024-05-15', max: TODAY } },
    ] as const
    expect(cleanValues(fields, { batchNo: '  B-1 ', currency: '', start: '2025-05-01', end: TODAY, other: 'x' })).toEqual({
      batchNo: 'B-1',
      start: '2025-05-01',
      end: TODAY,
    })
    expect(countActive(fields, { batchNo: ' ', currency: 'USD', start: '2025-05-01' })).toBe(2)
  })

  it('offers the merchant terminals, else those of the loaded rows, always with the current choice', () => {
    expect(terminalChoices(['14010589', '14010588'], [{ terminal: '99999999' }], undefined)).toEqual(['14010588', '14010589'])
    expect(terminalChoices(undefined, [{ terminal: '14010589' }, { terminal: '14010588' }, { terminal: '14010589' }], undefined)).toEqual([
      '14010588',
      '14010589',
    ])
    expect(terminalChoices([], [], '14010588')).toEqual(['14010588'])
  })
})

describe('search and presets', () => {
  it('sets and clears the exact search', () => {
    expect(withSearch({ currency: 'USD' }, '  test20250515165256 ')).toEqual({ currency: 'USD', q: 'test20250515165256' })
    expect(withSearch({ q: 'old', currency: 'USD' }, '   ')).toEqual({ currency: 'USD' })
  })

  it('clears a preset but keeps the rest (the status is a sheet filter since issue 11)', () => {
    expect(clearPresets({ status: 'pending', authStatus: 'pending', txnType: 'authorization', batchNo: 'B', q: 'x' })).toEqual({
      status: 'pending',
      txnType: 'authorization',
      q: 'x',
    })
  })
})
