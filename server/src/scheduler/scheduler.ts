/**
 * The one scheduler (issue 15): deadline reminders and the morning summary. Every server process runs a scheduler
 * instance, but only the holder of the database lease 'scheduler' does the work: the lease is a row
 * (scheduler_leases, 0016) taken in one statement when free or expired, renewed by its holder at each tick and given
 * up on close, so the same SQL elects one on PGlite and on PostgreSQL, and a holder killed mid-run is replaced once
 * its lease runs out. The lease spares the work; the messages' unique source_keys are what make a reminder or
 * summary exist once even if two instances ever did run at the same moment.
 */
import { randomUUID } from 'node:crypto'
import type { Queryable } from '../db'
import { schedulerRepository } from '../repositories/scheduler'
import { sendDueReminders } from './reminders'
import { sendMorningSummaries } from './summary'

export const SCHEDULER_LEASE = 'scheduler'

export interface SchedulerReport {
  /** False when another instance holds the lease: this one did nothing. */
  leader: boolean
  reminders: number
  summaries: number
}

export interface SchedulerOptions {
  db: Queryable
  now: () => Date
  /** How long a lease lasts without renewal: a few ticks, so a dead holder is replaced soon. */
  leaseMs: number
  /** Defaults to a random id per instance. */
  holder?: string
}

export interface Scheduler {
  readonly holder: string
  /** One pass: take or renew the lease, then make what is due. Never two passes at once in one instance. */
  tick(): Promise<SchedulerReport>
  /** Waits for a pass in progress and gives the lease up. */
  stop(): Promise<void>
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const holder = options.holder ?? randomUUID()
  const leases = schedulerRepository(options.db)
  let running: Promise<SchedulerReport> | undefined

  const pass = async (): Promise<SchedulerReport> => {
    const now = options.now()
    const leader = await leases.acquireLease(SCHEDULER_LEASE, holder, now, new Date(now.getTime() + options.leaseMs))
    if (!leader) return { leader, reminders: 0, summaries: 0 }
    const reminders = await sendDueReminders(options.db, now)
    const summaries = await sendMorningSummaries(options.db, now)
    return { leader, reminders, summaries }
  }

  return {
    holder,
    tick() {
      running ??= pass().finally(() => {
        running = undefined
      })
      return running
    },
    async stop() {
      await running?.catch(() => undefined)
      await leases.releaseLease(SCHEDULER_LEASE, holder)
    },
  }
}
