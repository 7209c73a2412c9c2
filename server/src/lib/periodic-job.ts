/**
 * Background work on a timer for the life of a Fastify app — the idle sweep, the scheduler, the action reconciler:
 * started when the app is ready, each run followed by the next after `intervalMs` (so runs never overlap), the
 * timer unref'd so it never keeps a process alive, and closing the app waiting for a run in progress only a bounded
 * time, so a store that stopped answering cannot hold the shutdown (what that run did not finish, the next process
 * picks up: every job here is idempotent).
 */
import type { FastifyInstance } from 'fastify'

/** How long closing the app waits for a run in progress. */
export const CLOSE_WAIT_MS = 2_000

export interface PeriodicJobOptions {
  /** Time from the end of one run to the start of the next; 0 or less: no timer (`first` still runs). */
  intervalMs: number
  /** One run. It logs its own outcome; a rejection is dropped here (the next run catches up). */
  run: () => Promise<unknown>
  /** A run when the app is ready, instead of waiting one interval for the first. */
  first?: () => Promise<unknown>
  /** What closing waits for (bounded by CLOSE_WAIT_MS): the run in progress, or a stop of the job's own. */
  drain: () => Promise<unknown> | undefined
}

export function runPeriodically(app: FastifyInstance, options: PeriodicJobOptions): void {
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const schedule = (): void => {
    if (stopped || options.intervalMs <= 0) return
    timer = setTimeout(() => runThenSchedule(options.run), options.intervalMs)
    timer.unref()
  }
  const runThenSchedule = (once: () => Promise<unknown>): void => {
    timer = undefined
    if (stopped) return
    void once()
      .catch(() => undefined)
      .finally(schedule)
  }
  app.addHook('onReady', async () => {
    if (options.first !== undefined) runThenSchedule(options.first)
    else schedule()
  })
  app.addHook('onClose', async () => {
    stopped = true
    if (timer !== undefined) clearTimeout(timer)
    let bound: NodeJS.Timeout | undefined
    const waited = new Promise<void>((resolve) => {
      bound = setTimeout(resolve, CLOSE_WAIT_MS)
    })
    await Promise.race([options.drain()?.catch(() => undefined), waited]).finally(() => clearTimeout(bound))
  })
}
