/**
 * The morning summary (issue 15): from MORNING_SUMMARY_HOUR (09:00) Beijing time, one message of kind 'summary' per
 * merchant and Beijing day — yesterday's successful payments (count, and amount per currency), yesterday's new
 * cases, and as of now the pre-authorizations expiring within 3 days and the open cases due within 72 h. Its
 * source_key `summary:<account>:<day>` makes it once per merchant and day, whichever process or restart runs it.
 *
 * A server down at 09:00 makes the day's summary when it is back, the same day; a day it was down throughout gets
 * none (yesterday's news the next morning would sit beside that morning's own summary).
 */
import { DAY_MS, HOUR_MS, beijingDate, beijingHour, startOfBeijingDay } from '@contract/beijing-time'
import { MORNING_SUMMARY_HOUR } from '@contract/subscriptions'
import type { Queryable } from '../db'
import { notificationsRepository, type StoredSummary } from '../repositories/notifications'
import { schedulerRepository } from '../repositories/scheduler'

const SOURCE_KEY_PREFIX = 'summary:'
/** "Pre-authorizations expiring within 3 days" (issue 15). */
const EXPIRING_WITHIN_MS = 3 * DAY_MS
/** "Deadlines within 72 h". */
const DUE_WITHIN_MS = 72 * HOUR_MS

export function summarySourceKey(account: string, day: string): string {
  return `${SOURCE_KEY_PREFIX}${account}:${day}`
}

/** The Beijing day whose summary is due at `now`, or undefined before 09:00 Beijing time. */
export function summaryDay(now: Date): string | undefined {
  return beijingHour(now) >= MORNING_SUMMARY_HOUR ? beijingDate(now) : undefined
}

async function summarize(db: Queryable, account: string, day: string, now: Date): Promise<boolean> {
  const today = startOfBeijingDay(now)
  const figures = await schedulerRepository(db).summaryFigures(
    account,
    { from: new Date(today - DAY_MS), to: new Date(today) },
    now,
    EXPIRING_WITHIN_MS,
    DUE_WITHIN_MS,
  )
  const summary: StoredSummary = {
    day,
    successCount: figures.success.reduce((sum, row) => sum + row.count, 0),
    successAmounts: figures.success.map((row) => ({ currency: row.currency, minor: row.minor })),
    newCases: figures.newCases,
    expiringAuthorizations: figures.expiringAuthorizations,
    deadlinesWithin72h: figures.deadlinesWithin,
  }
  return notificationsRepository(db).addMessage({
    account,
    kind: 'summary',
    facts: undefined,
    createdAt: now,
    sourceKey: summarySourceKey(account, day),
    summary,
  })
}

/** @returns how many summaries this run made. */
export async function sendMorningSummaries(db: Queryable, now: Date): Promise<number> {
  const day = summaryDay(now)
  if (day === undefined) return 0
  let made = 0
  for (const account of await schedulerRepository(db).merchantsWithoutSummary(SOURCE_KEY_PREFIX, day)) {
    if (await summarize(db, account, day, now)) made += 1
  }
  return made
}
