/**
 * The sweep of idle sessions, expired nonces and finished rate-limit windows, on a timer outside the request path
 * (it used to run inside whichever request found it due, adding a ~24,000-row delete to that request at load).
 * Every process sweeps; the deletes are idempotent, so two processes sweeping at once only do a little work twice.
 * On lib/periodic-job.ts's timer, as the scheduler and the reconciler: started when the app is ready, unref'd,
 * stopped on close.
 */
import type { FastifyInstance } from 'fastify'
import type { Db } from '../db'
import { runPeriodically } from '../lib/periodic-job'
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
  runPeriodically(app, {
    intervalMs: options.intervalMs,
    run: () =>
      sweep()
        .then((report) => app.log.debug(report, 'idle sweep'))
        // Housekeeping failing is logged, never fatal: the next sweep catches up.
        .catch((error: unknown) => app.log.warn({ err: error }, 'sweeping idle sessions and nonces failed')),
    drain: () => running,
  })
}

/** skip-override (what fastify-plugin sets): `app.sweepIdle` is visible on the whole app. */
export const idleSweep = Object.assign(idleSweepBody, { [Symbol.for('skip-override')]: true })
