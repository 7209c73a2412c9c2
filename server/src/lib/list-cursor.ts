/**
 * Opaque keyset cursors for the read APIs' lists. A cursor carries the last row's sort key and a fingerprint
 * of the merchant and the filter it was made under, so one from another filter (or merchant) is refused with 400
 * instead of silently positioning a different list. It is not a secret: forging one only moves within the
 * caller's own rows, because every query is scoped by the session's merchant. Since a client can forge one, every
 * part is validated fully (a real date, a printable id) before it reaches a query.
 */
import { createHash } from 'node:crypto'
import { AppError } from '../errors'

export interface CursorKey {
  /** Sort time, UTC with microseconds, as the repositories produce it. */
  time: string
  id: string
}

const KEY_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/
/** Keys are payment ids, batch numbers, row keys and message ids: printable ASCII, never long. */
const KEY_ID = /^[\x21-\x7e]{1,64}$/

/**
 * A sort time the repositories could have produced: the format, and a date and time that exist (a forged
 * 2025-02-30 or 24:00 would otherwise reach the database, which refuses it with a 500) from 1970 on.
 */
function isKeyTime(text: string): boolean {
  const match = KEY_TIME.exec(text)
  if (match === null) return false
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number)
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  return (
    year >= 1970 &&
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second
  )
}

/** Stable over key order and over parameters that do not select rows (limit, cursor). */
export function filterFingerprint(scope: string, filter: Readonly<Record<string, unknown>>): string {
  const entries = Object.entries(filter)
    .filter(([key, value]) => value !== undefined && key !== 'cursor' && key !== 'limit')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return createHash('sha256').update(JSON.stringify([scope, entries])).digest('base64url').slice(0, 22)
}

export function encodeCursor(key: CursorKey, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ t: key.time, i: key.id, f: fingerprint }), 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string, fingerprint: string): CursorKey {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new AppError(400, 'VALIDATION_FAILED', 'cursor: not a cursor of this list')
  }
  const { t, i, f } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>
  if (typeof t !== 'string' || !isKeyTime(t) || typeof i !== 'string' || !KEY_ID.test(i) || typeof f !== 'string') {
    throw new AppError(400, 'VALIDATION_FAILED', 'cursor: not a cursor of this list')
  }
  if (f !== fingerprint) {
    throw new AppError(400, 'VALIDATION_FAILED', 'cursor: made for another filter; start again without a cursor')
  }
  return { time: t, id: i }
}
