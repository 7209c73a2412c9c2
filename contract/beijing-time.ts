/**
 * Beijing time (Asia/Shanghai), the zone ODPM shows, filters and settles in: the one definition of its day
 * arithmetic for the mini-program, the server and the stand-ins. China has kept UTC+8 without daylight saving
 * since 1991, so a fixed offset is exact and needs no time-zone library. An instant is epoch milliseconds (a Date
 * is accepted wherever one is read); a calendar day is a `YYYY-MM-DD` string. The migrations' SQL function of the
 * Beijing day draws the same day boundaries.
 */
import type { BeijingTime } from './money'

export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS
export const WEEK_MS = 7 * DAY_MS

/** UTC+8, in milliseconds and as ISO 8601 writes it. */
export const BEIJING_OFFSET_MS = 8 * HOUR_MS
export const BEIJING_OFFSET = '+08:00'

/** Epoch milliseconds, or a Date. */
export type Instant = number | Date

const epochMs = (instant: Instant): number => (typeof instant === 'number' ? instant : instant.getTime())

/** The Beijing wall clock of an instant, read through the UTC fields of the Date returned. */
function wallClock(instant: Instant): Date {
  return new Date(epochMs(instant) + BEIJING_OFFSET_MS)
}

/** Whole Beijing days since 1970-01-01 (a Thursday). */
const dayNumber = (instant: Instant): number => Math.floor((epochMs(instant) + BEIJING_OFFSET_MS) / DAY_MS)

/** 2025-05-15T08:52:56.123Z → `2025-05-15T16:52:56+08:00` (whole seconds: what ODPM shows). */
export function toBeijingIso(instant: Instant): BeijingTime {
  return `${wallClock(instant).toISOString().slice(0, 19)}${BEIJING_OFFSET}`
}

export function toBeijingIsoOrNull(instant: Instant | null): BeijingTime | null {
  return instant === null ? null : toBeijingIso(instant)
}

/** → `2025-05-15 16:52:56`: the order-management API's `yyyy-mm-dd HH:mm:ss`. */
export function formatBeijingDateTime(instant: Instant): string {
  return wallClock(instant).toISOString().slice(0, 19).replace('T', ' ')
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

/** `yyyy-mm-dd HH:mm:ss` in Beijing time → the instant; undefined unless a real date and time (2025-02-30 is not). */
export function parseBeijingDateTime(text: string): Date | undefined {
  const match = DATE_TIME.exec(text)
  if (match === null) return undefined
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number)
  const utc = Date.UTC(year, month - 1, day, hour, minute, second)
  const check = new Date(utc)
  const sameFields =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second
  return sameFields ? new Date(utc - BEIJING_OFFSET_MS) : undefined
}

/** `2025-05-15`: the Beijing calendar day of an instant. */
export function beijingDate(instant: Instant): string {
  return wallClock(instant).toISOString().slice(0, 10)
}

/** Beijing hour of day, 0–23. */
export function beijingHour(instant: Instant): number {
  return wallClock(instant).getUTCHours()
}

/** Beijing weekday, Monday 0 … Sunday 6. */
export function beijingWeekday(instant: Instant): number {
  return (((dayNumber(instant) + 3) % 7) + 7) % 7
}

/** 00:00 Beijing time of the day an instant falls on. */
export function startOfBeijingDay(instant: Instant): number {
  return dayNumber(instant) * DAY_MS - BEIJING_OFFSET_MS
}

/** Monday 00:00 Beijing time of the week an instant falls in. */
export function startOfBeijingWeek(instant: Instant): number {
  return startOfBeijingDay(instant) - beijingWeekday(instant) * DAY_MS
}

/** The same Beijing wall-clock time `years` calendar years later (29 Feb → 1 Mar in a common year). */
export function addBeijingYears(instant: Instant, years: number): number {
  const clock = wallClock(instant)
  clock.setUTCFullYear(clock.getUTCFullYear() + years)
  return clock.getTime() - BEIJING_OFFSET_MS
}

/** `2025-05-15` → `2025-05-15T00:00:00+08:00`, the first second of that Beijing day. */
export function beijingDayStart(date: string): BeijingTime {
  return `${date}T00:00:00${BEIJING_OFFSET}`
}

/** `2025-05-15` → `2025-05-15T23:59:59+08:00`, its last second (ODPM's end time). */
export function beijingDayEnd(date: string): BeijingTime {
  return `${date}T23:59:59${BEIJING_OFFSET}`
}

/** `2025-05-15`, 3 → `2025-05-18`: calendar arithmetic on Beijing days. */
export function addDays(date: string, days: number): string {
  return beijingDate(Date.parse(beijingDayStart(date)) + days * DAY_MS)
}

/** The same calendar day `years` years later (29 Feb → 1 Mar in a common year). */
export function addYears(date: string, years: number): string {
  return beijingDate(addBeijingYears(Date.parse(beijingDayStart(date)), years))
}
