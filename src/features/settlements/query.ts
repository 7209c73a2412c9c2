/**
 * The settlements filter (交易划款: day range, 划款批次号, 时间类型, 币种, 划款类型) and its mapping to the API query
 * and to the filter sheet's plain values. Pure, so the page and its tests share it.
 */
import { lastDays, type DateRangeValue } from '@/components/date-range/range'
import { addDays, beijingDayEnd, beijingDayStart, formatBeijing } from '@/utils/dates'
import { setFilterValues, sheetDefaults, sheetKeys, type FilterSchema } from '@contract/filters'
import { SETTLEMENT_FILTER, type SettlementBatch, type SettlementsFilter, type SettlementsQuery } from '@contract/settlements'

/** The filters of the sheet (SETTLEMENT_FILTER's sheet keys); unset = 全部 (time type: the server's default, 划款时间 as the seed). */
export type SettlementFilter = Omit<SettlementsFilter, 'from' | 'to'>

const SHEET_KEYS = sheetKeys(SETTLEMENT_FILTER)

/**
 * What an unset sheet key means, where it means something (the time type: 划款时间, what the server applies
 * when none is sent): the sheet shows it chosen, and choosing it sets no filter.
 */
const SHEET_DEFAULTS: Readonly<Record<string, string | undefined>> = sheetDefaults(SETTLEMENT_FILTER)

export interface SettlementSearch {
  range: DateRangeValue
  filter: SettlementFilter
}

/** The seed's default: the last 7 Beijing days, nothing else set. */
export function defaultSearch(today: string): SettlementSearch {
  return { range: lastDays(today, 7), filter: {} }
}

/** The API query: whole Beijing days (00:00:00 … 23:59:59) and only the set filters. */
export function settlementsQuery(search: SettlementSearch, cursor?: string): SettlementsQuery {
  const query: SettlementsQuery = {
    from: beijingDayStart(search.range.start),
    to: beijingDayEnd(search.range.end),
    ...setFilterValues(SETTLEMENT_FILTER, search.filter),
  }
  if (cursor !== undefined) query.cursor = cursor
  return query
}

/** A stable key of what the list shows (the page reloads when it changes). */
export function searchKey(search: SettlementSearch): string {
  return JSON.stringify(settlementsQuery(search))
}

/** What 重置 restores in the sheet. */
export const SHEET_RESET: Readonly<Record<string, string | undefined>> = SHEET_DEFAULTS

/** Filter → the sheet's values (a key with a default shows it when unset). */
export function sheetValues(filter: SettlementFilter): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {}
  for (const key of SHEET_KEYS) values[key] = filter[key] ?? SHEET_DEFAULTS[key]
  return values
}

/** The sheet's values (only set keys, trimmed) → filter; values outside each vocabulary, and defaults, are dropped. */
export function filterFromSheet(values: Readonly<Record<string, string | undefined>>): SettlementFilter {
  const filter: Record<string, string> = {}
  for (const key of SHEET_KEYS) {
    const schema: FilterSchema = SETTLEMENT_FILTER[key].schema
    const value = values[key]
    if (schema.enum === undefined) {
      const text = value?.trim()
      if (text) filter[key] = text.slice(0, schema.maxLength)
    } else if (value !== undefined && schema.enum.includes(value) && value !== SHEET_DEFAULTS[key]) {
      filter[key] = value
    }
  }
  return filter as SettlementFilter
}

/** How many of the sheet's filters are set (the 高级筛选 button's count). */
export function activeFilterCount(filter: SettlementFilter): number {
  return SHEET_KEYS.filter((key) => filter[key] !== undefined && filter[key] !== '').length
}

/**
 * A batch's settlement period as days: the server's period end is exclusive (the next Monday 00:00), so a
 * week reads "2026-11-02 ~ 2026-11-08" as ODPM shows it.
 */
export function periodLabel(batch: Pick<SettlementBatch, 'periodStart' | 'periodEnd'>): string {
  const start = formatBeijing(batch.periodStart).slice(0, 10)
  const endFull = formatBeijing(batch.periodEnd)
  const endDay = endFull.slice(0, 10)
  const lastDay = endFull.slice(11) === '00:00:00' && endDay > start ? addDays(endDay, -1) : endDay
  return `${start} ~ ${lastDay}`
}
