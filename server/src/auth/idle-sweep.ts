/**
 * The sweep of idle sessions, expired nonces and finished rate-limit windows, on a timer outside the request path
 * (it used to run inside whichever request found it due, adding a ~24,000-row delete to that request at load).
 * Every process sweeps; the deletes are idempotent, so two processes sweeping at once only do a little work twice.
 * Follows the scheduler's plugin (scheduler/job.ts): started when the app is ready, unref'd, stopped on close.
 */
import type { FastifyInstance } from 'fastify'
import type { Db } from '../db'
import { sessionService } from './sessions'

export interface IdleSweepOptions {
  db: Db
  /** Unix ms, the same clock the signature check uses. */
  clock: () => number
  sessionIdleSeconds: number
  /** Time between sweeps; 0 turns the timer off (the sweep can still be run by hand). */
  intervalMs: number
}

/** Once a minute: nonces are kept 10 minutes and idle sessions die at 10, so a minute's lag costs nothing. */
export const IDLE_SWEEP_INTERVAL_MS = 60_000
/** How long closing the app waits for a sweep in progress. */
const CLOSE_WAIT_MS = 2_000

export interface IdleSweepReport {
  sessions: number
  nonces: number
  rateLimits: number
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs one sweep now (tests, and the timer). */
    sweepIdle?: () => Promise<IdleSweepReport>
  }
}

async function idleSweepBody(app: FastifyInstance, options: IdleSweepOptions): Promise<void> {
  const sessions = sessionService(options.db, { clock: options.clock, idleSeconds: options.sessionIdleSeconds })
  let running: Promise<IdleSweepReport> | undefined
  // Never two sweeps at once in one process.
  const sweep = (): Promise<IdleSweepReport> => {
    running ??= sessions.prune().finally(() => {
      running = undefined
    })
    return running
  }
  app.decorate('sweepIdle', sweep)
  if (options.intervalMs <= 0) return

  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const schedule = (): void => {
    timer = setTimeout(tick, options.intervalMs)
    // The sweep must never be what keeps a process alive.
    timer.unref()
  }
  const tick = (): void => {
    timer = undefined
    if (stopped) return
    sweep()
      .then((report) => app.log.debug(report, 'idle sweep'))
      // Housekeeping failing is logged, never fatal: the next sweep catches up.
      .catch((error: unknown) => app.log.warn({ err: error }, 'sweeping idle sessions and nonces failed'))
      .finally(() => {
        if (!stopped) schedule()
      })
  }
  app.addHook('onReady', async () => {
    schedule()
  })
  app.addHook('onClose', async () => {
    stopped = true
    if (timer !== undefined) clearTimeout(timer)
    let bound: NodeJS.Timeout | undefined
    const waited = new Promise<void>((resolve) => {
      bound = setTimeout(resolve, CLOSE_WAIT_MS)
    })
    // A store that stopped answering must not hold the shutdown.
    await Promise.race([running?.catch(() => undefined), waited]).finally(() => clearTimeout(bound))
  })
}

/** skip-override (what fastify-plugin sets): `app.sweepIdle` is visible on the whole app. */
export const idleSweep = Object.assign(idleSweepBody, { [Symbol.for('skip-override')]: true })
