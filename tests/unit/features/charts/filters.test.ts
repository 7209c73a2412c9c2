/** Filters → API query: presets as Beijing days, the custom range within one year, terminal and card brand. */
import { describe, expect, it } from 'vitest'
import { orderChartTypes } from '@/features/charts/catalog'
import { earliestDay, initialFilters, presetRange, queryKey, toChartsQuery, withCustomDay, withPreset } from '@/features/charts/filters'

const TODAY = '2025-05-14'

describe('presets', () => {
  it('近七日 is today and the six days before; 近30日 today and the 29 before (as the server counts)', () => {
    expect(presetRange('7d', TODAY)).toEqual({ from: '2025-05-08', to: TODAY })
    expect(presetRange('30d', TODAY)).toEqual({ from: '2025-04-15', to: TODAY })
  })

  it('start on 近七日 with every terminal and card brand', () => {
    expect(initialFilters(TODAY)).toEqual({ preset: '7d', from: '2025-05-08', to: TODAY, terminal: null, cardBrand: null })
    expect(toChartsQuery(initialFilters(TODAY))).toEqual({ range: '7d' })
  })

  it('send the range name, which the server resolves against its own clock', () => {
    const filters = withPreset(initialFilters(TODAY), '30d', TODAY)
    expect(filters).toMatchObject({ preset: '30d', from: '2025-04-15', to: TODAY })
    expect(toChartsQuery(filters)).toEqual({ range: '30d' })
  })
})

describe('custom range', () => {
  it('is sent as whole Beijing days', () => {
    const filters = withCustomDay(withCustomDay(initialFilters(TODAY), 'from', '2025-05-01', TODAY), 'to', '2025-05-03', TODAY)
    expect(toChartsQuery(filters)).toEqual({ from: '2025-05-01T00:00:00+08:00', to: '2025-05-03T23:59:59+08:00' })
  })

  it('stays within the last year and not after today', () => {
    expect(earliestDay(TODAY)).toBe('2024-05-14')
    expect(withCustomDay(initialFilters(TODAY), 'from', '2023-01-01', TODAY).from).toBe('2024-05-14')
    expect(withCustomDay(initialFilters(TODAY), 'to', '2026-01-01', TODAY).to).toBe(TODAY)
  })

  it('moves the other end when one end crosses it, so from never passes to', () => {
    const start = initialFilters(TODAY)
    expect(withCustomDay(start, 'to', '2025-05-01', TODAY)).toMatchObject({ from: '2025-05-01', to: '2025-05-01' })
    const narrowed = withCustomDay(start, 'to', '2025-05-10', TODAY)
    expect(withCustomDay(narrowed, 'from', '2025-05-12', TODAY)).toMatchObject({ from: '2025-05-12', to: '2025-05-12' })
  })
})

describe('terminal and card brand', () => {
  it('narrow the query only when chosen', () => {
    const filters = { ...initialFilters(TODAY), terminal: '14010588', cardBrand: 'Visa' as const }
    expect(toChartsQuery(filters)).toEqual({ range: '7d', terminal: '14010588', cardBrand: 'Visa' })
  })

  it('change the query key, so the cards reload', () => {
    const base = toChartsQuery(initialFilters(TODAY))
    expect(queryKey({ ...base, terminal: '14010588' })).not.toBe(queryKey(base))
    expect(queryKey({ ...base, cardBrand: 'Visa' })).not.toBe(queryKey(base))
    expect(queryKey({ range: '7d' })).toBe(queryKey(base))
  })
})

describe('chart type selection', () => {
  it('keeps the catalogue order whatever order the boxes were ticked in', () => {
    expect(orderChartTypes(['logistics', 'overview', 'country'])).toEqual(['overview', 'country', 'logistics'])
  })
})
