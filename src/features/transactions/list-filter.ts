/**
 * The transactions list's filter as the page holds it — a day range plus the other filters — and its mapping
 * to the API query, the filter sheet's values and the preset a page was opened with. Pure (no Taro, no React),
 * so every rule here is unit-tested: the default range, the one-year clamp, what the sheet may change.
 */
import { sheetDefaults, sheetKeys } from '@contract/filters'
import { TRANSACTION_FILTER, type TransactionsFilter } from '@contract/transactions'
import { clampDateRange, lastDays, oneYearBounds, type DateRangeValue } from '@/components/date-range/range'
import type { FilterValues } from '@/components/filter-sheet/fields'
import { beijingDate, beijingDayEnd, beijingDayStart } from '@/utils/dates'
import { filterFromParams } from '@/utils/transactions-filter-url'

/** Every filter but the time range, which the page keeps as whole Beijing days. */
export type ListFilter = Omit<TransactionsFilter, 'from' | 'to'>

export interface ListState {
  range: DateRangeValue
  filter: ListFilter
}

/** The seed's default: the last 7 Beijing days, 00:00:00 … 23:59:59. */
export const DEFAULT_DAYS = 7

/** The advanced filters of the sheet (SPEC §3.1 item 3), in the sheet's order: TRANSACTION_FILTER's sheet keys. */
export const SHEET_KEYS: ReadonlyArray<keyof ListFilter> = sheetKeys(TRANSACTION_FILTER)

/**
 * What an unset sheet key means, where it means something (the time type: 交易时间, what the server applies when
 * none is sent): the sheet shows it chosen, and choosing it sets no filter.
 */
const SHEET_DEFAULTS: Readonly<Record<string, string | undefined>> = sheetDefaults(TRANSACTION_FILTER)

/**
 * Filters a page is opened with (a home to-do, a settlement batch) and that show as the active preset. The status
 * is not one: it is in the sheet (交易状态), where a to-do's status shows chosen and counts in the badge.
 */
export const PRESET_KEYS = ['authStatus', 'case', 'batchNo'] as const satisfies ReadonlyArray<keyof ListFilter>

/**
 * The list state for a page's router params. A range in the URL is kept (clamped to one year back, `clamped`
 * says so); a preset without a range covers the whole allowed year, so the list shows exactly the rows the
 * to-do count (computed over the year) announced; a plain open shows the last 7 days.
 */
export function initialListState(
  params: Readonly<Record<string, string | undefined>>,
  today: string,
): ListState & { clamped: boolean } {
  const { from, to, ...filter } = filterFromParams(params)
  const bounds = oneYearBounds(today)
  const start = beijingDateOf(from)
  const end = beijingDateOf(to)
  const fallback = Object.keys(filter).length > 0 ? { start: bounds.min, end: bounds.max } : lastDays(today, DEFAULT_DAYS)
  const { clamped, ...range } = clampDateRange({ start: start ?? fallback.start, end: end ?? fallback.end }, bounds)
  return { range, filter, clamped }
}

/** What GET /api/transactions receives: whole Beijing days, unset filters left out. */
export function toQuery({ range, filter }: ListState): TransactionsFilter {
  const query: TransactionsFilter = { from: beijingDayStart(range.start), to: beijingDayEnd(range.end) }
  for (const [key, value] of Object.entries(filter) as Array<[keyof ListFilter, string | undefined]>) {
    if (value !== undefined && value.trim() !== '') Object.assign(query, { [key]: value.trim() })
  }
  return query
}

/** The sheet's values for a filter; a key with a default (the time type: 交易时间) shows it when unset. */
export function sheetValues(filter: ListFilter): FilterValues {
  const values: Record<string, string | undefined> = {}
  for (const key of SHEET_KEYS) values[key] = filter[key] ?? SHEET_DEFAULTS[key]
  return values
}

/** What 重置 restores in the sheet. */
export const SHEET_RESET: FilterValues = SHEET_DEFAULTS

/** The filter after 确认: the sheet's keys replaced by what it returned, the others (search, preset) kept. */
export function applySheet(filter: ListFilter, values: Readonly<Record<string, string>>): ListFilter {
  const next: Record<string, string | undefined> = { ...filter }
  // A default (the time type's) is not a filter: leaving it out keeps "no advanced filter" recognisable.
  for (const key of SHEET_KEYS) next[key] = values[key] === SHEET_DEFAULTS[key] ? undefined : values[key]
  return prune(next)
}

/** How many advanced filters are set (the 高级筛选 badge). */
export function activeSheetCount(filter: ListFilter): number {
  return SHEET_KEYS.filter((key) => filter[key] !== undefined && filter[key] !== '' && filter[key] !== SHEET_DEFAULTS[key]).length
}

export function withSearch(filter: ListFilter, text: string): ListFilter {
  const q = text.trim()
  return prune({ ...filter, q: q === '' ? undefined : q })
}

export function clearPresets(filter: ListFilter): ListFilter {
  const next: Record<string, string | undefined> = { ...filter }
  for (const key of PRESET_KEYS) next[key] = undefined
  return prune(next)
}

/** The picker's choices: the merchant's list, else the loaded rows' terminals; the current choice always included. */
export function terminalChoices(
  known: readonly string[] | undefined,
  rows: ReadonlyArray<{ terminal: string }>,
  current: string | undefined,
): string[] {
  const set = new Set<string>(known ?? rows.map((row) => row.terminal))
  if (current !== undefined && current !== '') set.add(current)
  return [...set].sort()
}

/** The Beijing calendar day of an ISO time with any offset; undefined when it is not one. */
export function beijingDateOf(iso: string | undefined): string | undefined {
  if (iso === undefined) return undefined
  const match = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(iso)
  if (match === null) return undefined
  // No offset: already a Beijing wall-clock time (what every link of this app carries).
  if (match[5] === undefined) return match[1]
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? undefined : beijingDate(ms)
}

function prune(filter: Record<string, string | undefined>): ListFilter {
  const result: Record<string, string> = {}
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== '') result[key] = value
  return result as ListFilter
}
