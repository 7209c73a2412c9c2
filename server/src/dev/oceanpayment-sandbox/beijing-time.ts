/**
 * The order-management API speaks Beijing time (Asia/Shanghai, UTC+8 all year, no daylight saving) as
 * `yyyy-mm-dd HH:mm:ss`; the store keeps real instants. These two functions are the only conversion.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000
const FORMAT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

export function formatBeijing(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ')
}

/** Undefined unless the text is a real calendar date and time in the API's format (2025-02-30 is rejected). */
export function parseBeijing(text: string): Date | undefined {
  const match = FORMAT.exec(text)
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
  return sameFields ? new Date(utc - OFFSET_MS) : undefined
}
