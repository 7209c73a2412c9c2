/**
 * The scheduler as a plugin with a timer (modelled on actions/reconcile-job.ts): a pass when the app is ready, so a
 * reminder due while the server was down goes out as soon as it is back, then every interval. 0 turns it off.
 */
import type { FastifyInstance } from 'fastify'
import type { Queryable } from '../db'
import { createScheduler, type SchedulerReport } from './scheduler'

export interface SchedulerPluginOptions {
  db: Queryable
  now: () => Date
  intervalMs: number
}

/** How long closing the app waits for a pass in progress. */
const CLOSE_WAIT_MS = 2_000
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
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const tick = (): void => {
    timer = undefined
    if (stopped) return
    scheduler
      .tick()
      .then((report) => {
        if (report.reminders + report.summaries > 0) app.log.info(report, 'scheduler: reminders and summaries made')
      })
      .catch((error: unknown) => app.log.error({ err: error }, 'scheduler pass failed'))
      .finally(() => {
        if (stopped) return
        timer = setTimeout(tick, options.intervalMs)
        // The scheduler must never be what keeps a process alive.
        timer.unref()
      })
  }
  app.decorate('runScheduler', () => scheduler.tick())
  app.addHook('onReady', async () => {
    tick()
  })
  app.addHook('onClose', async () => {
    stopped = true
    if (timer !== undefined) clearTimeout(timer)
    let bound: NodeJS.Timeout | undefined
    const waited = new Promise<void>((resolve) => {
      bound = setTimeout(resolve, CLOSE_WAIT_MS)
    })
    // A store that stopped answering must not hold the shutdown: the lease then simply runs out.
    await Promise.race([scheduler.stop().catch(() => undefined), waited]).finally(() => clearTimeout(bound))
  })
}

/** skip-override (what fastify-plugin sets): `app.runScheduler` is visible on the whole app. */
export const schedulerPlugin = Object.assign(schedulerPluginBody, { [Symbol.for('skip-override')]: true })
