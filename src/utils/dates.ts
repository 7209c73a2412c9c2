/**
 * Beijing time as ODPM shows it (SPEC §5): `YYYY-MM-DD HH:mm:ss`. The server sends ISO 8601 with +08:00, so
 * display is a cut of the string, independent of the phone's own time zone. The calendar arithmetic for ranges is
 * the contract's (contract/beijing-time.ts), always on the Beijing wall clock.
 */
import { beijingDate } from '@contract/beijing-time'

export { addDays, addYears, beijingDate, beijingDayEnd, beijingDayStart } from '@contract/beijing-time'

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
  return beijingDate(nowMs)
}
