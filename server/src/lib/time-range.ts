/**
 * The from/to of a read API's list, checked: date-time parameters with an explicit offset, at most one year back.
 * The Beijing-day arithmetic itself is the contract's (contract/beijing-time.ts).
 */
import { AppError } from '../errors'
import { addBeijingYears, DAY_MS, startOfBeijingDay, toBeijingIso } from '@contract/beijing-time'

/** The earliest instant a "at most one year back" query may start at: 00:00 of the same day a year ago. */
export function oneYearBack(now: Date): Date {
  return new Date(addBeijingYears(startOfBeijingDay(now), -1))
}

// An explicit offset is required: a bare local time would be read in the server's zone, not the merchant's.
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|([+-])(\d{2}):(\d{2}))$/

/**
 * The fields of an ISO 8601 text name a real wall-clock time: Feb 30, Apr 31, 24:00, 23:60 and offsets beyond
 * ±14:00 are refused, where Date would shift them to another day without a word.
 */
function realDateTime(match: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number)
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  const offsetOk = match[8] === 'Z' || (Number(match[10]) * 60 + Number(match[11]) <= 14 * 60 && Number(match[11]) < 60)
  return (
    offsetOk &&
    wall.getUTCFullYear() === year &&
    wall.getUTCMonth() === month - 1 &&
    wall.getUTCDate() === day &&
    wall.getUTCHours() === hour &&
    wall.getUTCMinutes() === minute &&
    wall.getUTCSeconds() === second
  )
}

/** A date-time query parameter; 400 naming the field when it is not a real ISO 8601 date-time with an offset. */
export function parseInstant(field: string, text: string): Date {
  const match = ISO_WITH_OFFSET.exec(text)
  const value = match !== null && realDateTime(match) ? new Date(text) : undefined
  if (value === undefined || Number.isNaN(value.getTime())) {
    throw new AppError(400, 'VALIDATION_FAILED', `${field}: must be a real ISO 8601 date-time with an offset, e.g. 2025-05-09T00:00:00+08:00`)
  }
  return value
}

export interface TimeRange {
  from: Date
  to: Date
}

/**
 * from/to of a list: at most one year back (from 00:00 Beijing time a year before today), `to` not before
 * `from`, and at most one year plus a day apart so "2024-05-15 00:00 … 2025-05-15 23:59:59" is allowed.
 * Missing `to` is now; missing `from` is the earliest allowed, so an unfiltered list shows the whole year.
 */
export function resolveRange(query: { from?: string; to?: string }, now: Date): TimeRange {
  const earliest = oneYearBack(now)
  const from = query.from === undefined ? earliest : parseInstant('from', query.from)
  const givenTo = query.to === undefined ? undefined : parseInstant('to', query.to)
  if (from < earliest) {
    throw new AppError(400, 'VALIDATION_FAILED', `from: at most one year back (earliest ${toBeijingIso(earliest)})`)
  }
  // Nothing is dated later than today; a far-future bound (year 9999) would only make malformed chart days.
  const latest = startOfBeijingDay(now) + 2 * DAY_MS
  if (from.getTime() >= latest) throw new AppError(400, 'VALIDATION_FAILED', 'from: must not be after tomorrow')
  if (givenTo !== undefined && givenTo.getTime() >= latest) {
    throw new AppError(400, 'VALIDATION_FAILED', 'to: must not be after tomorrow')
  }
  const to = givenTo ?? (now < from ? from : now)
  if (to < from) throw new AppError(400, 'VALIDATION_FAILED', 'to: must not be before from')
  if (to.getTime() >= addBeijingYears(from, 1) + DAY_MS) {
    throw new AppError(400, 'VALIDATION_FAILED', 'to: the range may span at most one year')
  }
  return { from, to }
}
