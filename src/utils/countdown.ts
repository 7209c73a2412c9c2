/**
 * How long is left until an answer deadline (a chargeback's or retrieval's, issue 15): whole days and hours while
 * more than a day is left, hours and minutes in the last 24 h (shown red), "overdue" after. Pure, so it is tested
 * without rendering or waiting.
 */

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS

export type CountdownTone = 'normal' | 'urgent' | 'overdue'

export interface Countdown {
  tone: CountdownTone
  days: number
  hours: number
  minutes: number
}

/** `deadlineAt` is the wire's ISO 8601 with offset; undefined when it cannot be read. */
export function deadlineCountdown(deadlineAt: string, nowMs: number): Countdown | undefined {
  const deadline = Date.parse(deadlineAt)
  if (Number.isNaN(deadline)) return undefined
  const left = deadline - nowMs
  if (left <= 0) return { tone: 'overdue', days: 0, hours: 0, minutes: 0 }
  // Rounded down: the phone never promises more time than there is.
  return {
    tone: left <= DAY_MS ? 'urgent' : 'normal',
    days: Math.floor(left / DAY_MS),
    hours: Math.floor((left % DAY_MS) / HOUR_MS),
    minutes: Math.floor((left % HOUR_MS) / MINUTE_MS),
  }
}
