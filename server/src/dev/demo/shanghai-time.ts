/**
 * Calendar arithmetic in Beijing time (Asia/Shanghai), which ODPM shows and settles in. China has kept UTC+8 without
 * daylight saving since 1991, so a fixed offset is exact and needs no time-zone library.
 */

export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS
export const WEEK_MS = 7 * DAY_MS
const OFFSET_MS = 8 * HOUR_MS

/** Start (as an instant) of the Beijing calendar day containing `ms`. */
export function startOfDay(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS
}

/** Start of the Beijing week (Monday 00:00) containing `ms`. */
export function startOfWeek(ms: number): number {
  const day = Math.floor((ms + OFFSET_MS) / DAY_MS)
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday as 0.
  const weekday = (day + 3) % 7
  return (day - weekday) * DAY_MS - OFFSET_MS
}

/** Beijing hour of day, 0–23. */
export function hourOf(ms: number): number {
  return Math.floor(((ms + OFFSET_MS) % DAY_MS) / HOUR_MS)
}

/** Beijing weekday, Monday 0 … Sunday 6. */
export function weekdayOf(ms: number): number {
  return (Math.floor((ms + OFFSET_MS) / DAY_MS) + 3) % 7
}

/** Beijing wall-clock digits: 'YYYYMMDDHHmmss'. */
export function compactStamp(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().replace(/[-:T]/g, '').slice(0, 14)
}

/** Beijing date 'YYYY-MM-DD'. */
export function isoDate(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10)
}
