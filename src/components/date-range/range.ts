/**
 * Calendar-day ranges on the Beijing wall clock (`YYYY-MM-DD` strings), with the "at most one year back" rule of
 * the read APIs (server/src/lib/time-range.ts): the earliest allowed day is the same calendar day one year before
 * today (29 Feb → 1 Mar: the contract's year arithmetic, which the server uses too). Pure, so the list pages and
 * their tests share it.
 */
import { addDays, addYears } from '@/utils/dates'

export interface DateRangeValue {
  /** First day, `YYYY-MM-DD`, shown as `… 00:00:00`. */
  start: string
  /** Last day, `YYYY-MM-DD`, shown as `… 23:59:59`. */
  end: string
}

export interface DateBounds {
  /** Earliest selectable day. */
  min: string
  /** Latest selectable day (normally today). */
  max: string
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isDate(value: string | undefined): value is string {
  return value !== undefined && DATE.test(value)
}

/** Same calendar day a year before `today`; a 29 February rolls over to 1 March like the server's rule. */
export function oneYearBefore(today: string): string {
  if (!isDate(today)) throw new Error(`not a date: ${today}`)
  return addYears(today, -1)
}

/** What a list may query: one year back up to today. */
export function oneYearBounds(today: string): DateBounds {
  return { min: oneYearBefore(today), max: today }
}

/** The last `days` days ending today (today included), like the seed's default 2025-05-09 … 2025-05-15. */
export function lastDays(today: string, days: number): DateRangeValue {
  return { start: addDays(today, -(days - 1)), end: today }
}

/**
 * Brings a range inside the bounds and in order. `clamped` says a day lay outside the bounds and was moved (the
 * page explains the one-year limit); a start after the end just pulls the end up to it (the user picked that start).
 */
export function clampDateRange(range: DateRangeValue, bounds: DateBounds): DateRangeValue & { clamped: boolean } {
  const within = (day: string) => (day < bounds.min ? bounds.min : day > bounds.max ? bounds.max : day)
  const start = within(isDate(range.start) ? range.start : bounds.min)
  const end = within(isDate(range.end) ? range.end : bounds.max)
  return { start, end: end < start ? start : end, clamped: start !== range.start || end !== range.end }
}
