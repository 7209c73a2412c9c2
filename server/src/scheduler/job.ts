/**
 * The scheduler as a plugin with a timer (modelled on actions/reconcile-job.ts): a pass when the app is ready, so a
 * reminder due while the server was down goes out as soon as it is back, then every interval. 0 turns it off.
 */
import type { FastifyInstance } from 'fastify'
import type { Queryable } from '../db'
import { runPeriodically } from '../lib/periodic-job'
import { createScheduler, type SchedulerReport } from './scheduler'

export interface SchedulerPluginOptions {
  db: Queryable
  now: () => Date
  intervalMs: number
}

/** A lease outlives a few missed ticks, never less than a minute. */
const LEASE_TICKS = 3
const MIN_LEASE_MS = 60_000

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs one scheduler pass now (tests, and the timer). */
    runScheduler?: () => Promise<SchedulerReport>
  }
}

async function schedulerPluginBody(app: FastifyInstance, options: SchedulerPluginOptions): Promise<void> {
  if (options.intervalMs <= 0) return
  const scheduler = createScheduler({
    db: options.db,
    now: options.now,
    leaseMs: Math.max(MIN_LEASE_MS, LEASE_TICKS * options.intervalMs),
  })
  const pass = (): Promise<unknown> =>
    scheduler
      .tick()
      .then((report) => {
        if (report.reminders + report.summaries > 0) app.log.info(report, 'scheduler: reminders and summaries made')
      })
      .catch((error: unknown) => app.log.error({ err: error }, 'scheduler pass failed'))
  app.decorate('runScheduler', () => scheduler.tick())
  // A store that stopped answering must not hold the shutdown: the lease then simply runs out.
  runPeriodically(app, { intervalMs: options.intervalMs, run: pass, first: pass, drain: () => scheduler.stop() })
}

/** skip-override (what fastify-plugin sets): `app.runScheduler` is visible on the whole app. */
export const schedulerPlugin = Object.assign(schedulerPluginBody, { [Symbol.for('skip-override')]: true })
