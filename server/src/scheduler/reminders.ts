/**
 * Deadline reminders (issue 15): an open chargeback or retrieval gets a message of kind 'reminder' at 72 h, 24 h
 * and 4 h before its answer deadline (DEADLINE_REMINDER_HOURS), once each: the message's source_key
 * `reminder:<case id>:<hours>` is unique, so a repeat run, a restart or a second process changes nothing.
 *
 * A run makes only the LATEST reminder due for a case: one missed while the server was down (say the 72 h one, the
 * server back 30 h before the deadline) is not sent late when a nearer one is already due, and nothing is sent once
 * the deadline has passed — a reminder for a deadline gone by is noise.
 */
import { HOUR_MS } from '@contract/beijing-time'
import { DEADLINE_REMINDER_HOURS, type DeadlineReminderHours } from '@contract/subscriptions'
import type { Queryable } from '../db'
import { notificationsRepository } from '../repositories/notifications'
import { schedulerRepository, type ReminderCandidate } from '../repositories/scheduler'

const EARLIEST_HOURS = Math.max(...DEADLINE_REMINDER_HOURS)

export function reminderSourceKey(caseId: string, hours: DeadlineReminderHours): string {
  return `reminder:${caseId}:${hours}`
}

/** The reminder due now for a deadline `leftMs` away: the one with the fewest hours whose time has come. */
export function dueReminder(leftMs: number): DeadlineReminderHours | undefined {
  if (leftMs <= 0) return undefined
  const due = DEADLINE_REMINDER_HOURS.filter((hours) => leftMs <= hours * HOUR_MS)
  return due.length === 0 ? undefined : (Math.min(...due) as DeadlineReminderHours)
}

async function remind(db: Queryable, item: ReminderCandidate, hours: DeadlineReminderHours, now: Date): Promise<boolean> {
  return notificationsRepository(db).addMessage({
    account: item.account,
    kind: 'reminder',
    facts: {
      paymentId: item.paymentId,
      orderNumber: item.orderNumber ?? undefined,
      amount: { currency: item.currency, minor: BigInt(item.amountMinor) },
      reasonCode: item.reasonCode ?? undefined,
      reason: item.reason ?? undefined,
      deadlineAt: item.deadlineAt,
    },
    createdAt: now,
    sourceKey: reminderSourceKey(item.caseId, hours),
    reminder: { hours, caseKind: item.kind },
  })
}

/** @returns how many reminder messages this run made. */
export async function sendDueReminders(db: Queryable, now: Date): Promise<number> {
  const candidates = await schedulerRepository(db).reminderCandidates(now, EARLIEST_HOURS * HOUR_MS)
  let made = 0
  for (const item of candidates) {
    const hours = dueReminder(item.deadlineAt.getTime() - now.getTime())
    if (hours !== undefined && (await remind(db, item, hours, now))) made += 1
  }
  return made
}
