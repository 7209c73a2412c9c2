/**
 * The settlements filter (交易划款: day range, 划款批次号, 时间类型, 币种, 划款类型) and its mapping to the API query
 * and to the filter sheet's plain values. Pure, so the page and its tests share it.
 */
import { lastDays, type DateRangeValue } from '@/components/date-range/range'
import { addDays, beijingDayEnd, beijingDayStart, formatBeijing } from '@/utils/dates'
import { CURRENCY_CODES, type CurrencyCode } from '../../../types/money'
import { BATCH_TIME_TYPES, BATCH_TYPES, type BatchTimeType, type BatchType, type SettlementBatch, type SettlementsQuery } from '../../../types/settlements'

export const CURRENCIES: readonly CurrencyCode[] = CURRENCY_CODES
export const TIME_TYPES: readonly BatchTimeType[] = BATCH_TIME_TYPES
export { BATCH_TYPES }

/** The four filters of the sheet; unset = 全部 (time type: the server's default, 生成时间). */
export interface SettlementFilter {
  batchNo?: string
  timeType?: BatchTimeType
  currency?: CurrencyCode
  batchType?: BatchType
}

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
  const query: SettlementsQuery = { from: beijingDayStart(search.range.start), to: beijingDayEnd(search.range.end) }
  const { batchNo, timeType, currency, batchType } = search.filter
  const trimmed = batchNo?.trim()
  if (trimmed) query.batchNo = trimmed
  if (timeType !== undefined) query.timeType = timeType
  if (currency !== undefined) query.currency = currency
  if (batchType !== undefined) query.batchType = batchType
  if (cursor !== undefined) query.cursor = cursor
  return query
}

/** A stable key of what the list shows (the page reloads when it changes). */
export function searchKey(search: SettlementSearch): string {
  return JSON.stringify(settlementsQuery(search))
}

const oneOf = <T extends string>(allowed: readonly T[], value: string | undefined): T | undefined =>
  value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined

/** The server's time type when none is sent (生成时间): the sheet shows it chosen, and it is no active filter. */
export const DEFAULT_TIME_TYPE: BatchTimeType = 'created'

/** What 重置 restores in the sheet. */
export const SHEET_RESET: Readonly<Record<string, string | undefined>> = { timeType: DEFAULT_TIME_TYPE }

/** Filter → the sheet's values (the time type shows its default when unset). */
export function sheetValues(filter: SettlementFilter): Record<string, string | undefined> {
  return {
    batchNo: filter.batchNo,
    timeType: filter.timeType ?? DEFAULT_TIME_TYPE,
    currency: filter.currency,
    batchType: filter.batchType,
  }
}

/** The sheet's values (only set keys, trimmed) → filter; values outside each vocabulary, and defaults, are dropped. */
export function filterFromSheet(values: Readonly<Record<string, string | undefined>>): SettlementFilter {
  const filter: SettlementFilter = {}
  const batchNo = values.batchNo?.trim()
  if (batchNo) filter.batchNo = batchNo.slice(0, 64)
  const timeType = oneOf(TIME_TYPES, values.timeType)
  if (timeType !== undefined && timeType !== DEFAULT_TIME_TYPE) filter.timeType = timeType
  const currency = oneOf(CURRENCIES, values.currency)
  if (currency !== undefined) filter.currency = currency
  const batchType = oneOf(BATCH_TYPES, values.batchType)
  if (batchType !== undefined) filter.batchType = batchType
  return filter
}

/** How many of the four filters are set (the 高级筛选 button's count). */
export function activeFilterCount(filter: SettlementFilter): number {
  return [filter.batchNo, filter.timeType, filter.currency, filter.batchType].filter((value) => value !== undefined && value !== '').length
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
