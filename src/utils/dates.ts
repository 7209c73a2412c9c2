/**
 * Beijing time as ODPM shows it (SPEC §5): `YYYY-MM-DD HH:mm:ss`. The server sends ISO 8601 with +08:00, so
 * display is a cut of the string, independent of the phone's own time zone. dayjs does the calendar arithmetic
 * for ranges, always on the Beijing wall clock.
 */
import dayjs from 'dayjs'

const BEIJING_OFFSET_MINUTES = 8 * 60

/** `2025-05-15T16:52:56+08:00` → `2025-05-15 16:52:56`; null → ''. */
export function formatBeijing(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return ''
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso)
  return match === null ? iso : `${match[1]} ${match[2]}`
}

/** `2025-05-15T16:52:56+08:00` → `2025-05-15` */
export function formatBeijingDate(iso: string | null | undefined): string {
  return formatBeijing(iso).slice(0, 10)
}

/** Today's Beijing calendar date, `YYYY-MM-DD`, whatever the phone's time zone. */
export function beijingToday(nowMs: number = Date.now()): string {
  return dayjs(nowMs + BEIJING_OFFSET_MINUTES * 60_000 + new Date(nowMs).getTimezoneOffset() * 60_000).format('YYYY-MM-DD')
}

/** `2025-05-15` → `2025-05-15T00:00:00+08:00` (start of that Beijing day). */
export function beijingDayStart(date: string): string {
  return `${date}T00:00:00+08:00`
}

/** `2025-05-15` → `2025-05-15T23:59:59+08:00` (last second of that Beijing day, as ODPM's end time). */
export function beijingDayEnd(date: string): string {
  return `${date}T23:59:59+08:00`
}

/** Calendar arithmetic on `YYYY-MM-DD` strings. */
export function addDays(date: string, days: number): string {
  return dayjs(date).add(days, 'day').format('YYYY-MM-DD')
}
