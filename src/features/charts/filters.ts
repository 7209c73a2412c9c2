/**
 * The charts page's filters (终端号, 卡种, 近七日/近30日/自定义) and how they become the API query. Dates are
 * Beijing calendar days (`YYYY-MM-DD`); the server counts 近七日 as today and the six days before.
 */
import type { ChartsQuery } from '@contract/charts'
import type { CardBrand } from '@contract/transactions'
import { addDays, addYears, beijingDayEnd, beijingDayStart, beijingToday } from '@/utils/dates'

export type RangePreset = '7d' | '30d' | 'custom'
export const RANGE_PRESETS: readonly RangePreset[] = ['7d', '30d', 'custom']

export interface ChartFilters {
  preset: RangePreset
  /** First and last Beijing day shown; for a preset they follow from today. */
  from: string
  to: string
  terminal: string | null
  cardBrand: CardBrand | null
}

const PRESET_DAYS: Readonly<Record<Exclude<RangePreset, 'custom'>, number>> = { '7d': 7, '30d': 30 }

export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: string): { from: string; to: string } {
  return { from: addDays(today, -(PRESET_DAYS[preset] - 1)), to: today }
}

/** The earliest day a query may start on: the same day one year ago (the server's one-year rule, 29 Feb → 1 Mar). */
export function earliestDay(today: string): string {
  return addYears(today, -1)
}

export function initialFilters(today: string = beijingToday()): ChartFilters {
  return { preset: '7d', ...presetRange('7d', today), terminal: null, cardBrand: null }
}

export function withPreset(filters: ChartFilters, preset: Exclude<RangePreset, 'custom'>, today: string = beijingToday()): ChartFilters {
  return { ...filters, preset, ...presetRange(preset, today) }
}

/**
 * A custom range edited at one end. The picked day is kept within the last year and not after today; when it
 * crosses the other end, the other end follows so the range stays valid.
 */
export function withCustomDay(filters: ChartFilters, end: 'from' | 'to', day: string, today: string = beijingToday()): ChartFilters {
  const earliest = earliestDay(today)
  const clamped = day < earliest ? earliest : day > today ? today : day
  let { from, to } = filters
  if (end === 'from') {
    from = clamped
    if (to < from) to = from
  } else {
    to = clamped
    if (from > to) from = to
  }
  return { ...filters, preset: 'custom', from, to }
}

export function toChartsQuery(filters: ChartFilters): ChartsQuery {
  const query: ChartsQuery =
    filters.preset === 'custom' ? { from: beijingDayStart(filters.from), to: beijingDayEnd(filters.to) } : { range: filters.preset }
  if (filters.terminal !== null) query.terminal = filters.terminal
  if (filters.cardBrand !== null) query.cardBrand = filters.cardBrand
  return query
}

/** A stable identity of the query, for effect dependencies. */
export function queryKey(query: ChartsQuery): string {
  return JSON.stringify([query.range ?? null, query.from ?? null, query.to ?? null, query.terminal ?? null, query.cardBrand ?? null])
}
