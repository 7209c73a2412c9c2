/**
 * The reconciler as a plugin with a timer, started with the app (modelled on notifications/gap-fill-job.ts): one
 * run right at start, so a process killed mid-action is reconciled as soon as one comes back up, then every
 * interval. Never two runs at once in one process; several processes may run it at once (each action is settled
 * under its row lock, once).
 */
import type { FastifyInstance } from 'fastify'
import type { Db } from '../db'
import { runPeriodically } from '../lib/periodic-job'
import type { ClientFor } from './gateway'
import { reconcileActions, type ReconcileReport } from './reconcile'

export interface ReconcilePluginOptions {
  db: Db
  clientFor: ClientFor
  now: () => Date
  /** 0 turns the timer off (the start run still happens unless `runAtStart` is false). */
  intervalMs: number
  recheckMs: number
  inFlightMs: number
  runAtStart?: boolean
}


declare module 'fastify' {
  interface FastifyInstance {
    /** Runs the action reconciler now (tests, and the timer). */
    reconcileActions?: (options?: { all?: boolean }) => Promise<ReconcileReport>
  }
}

async function reconcilePluginBody(app: FastifyInstance, options: ReconcilePluginOptions): Promise<void> {
  let running: Promise<ReconcileReport> | undefined
  const run = (extra: { all?: boolean } = {}): Promise<ReconcileReport> => {
    running ??= reconcileActions({ ...options, ...extra, logger: app.log }).finally(() => {
      running = undefined
    })
    return running
  }
  app.decorate('reconcileActions', run)
  // Let a run in progress finish its action on close (bounded): what it did not settle, the next start reconciles.
  runPeriodically(app, {
    intervalMs: options.intervalMs,
    run: () => run().catch((error: unknown) => app.log.error({ err: error }, 'action reconciliation failed')),
    // Not awaited by start-up: it does not wait for Oceanpayment; every open action, due or not.
    first:
      options.runAtStart === false
        ? undefined
        : () => run({ all: true }).catch((error: unknown) => app.log.error({ err: error }, 'action reconciliation at start failed')),
    drain: () => running,
  })
}

/** skip-override (what fastify-plugin sets): `app.reconcileActions` is visible on the whole app. */
export const reconcilePlugin = Object.assign(reconcilePluginBody, { [Symbol.for('skip-override')]: true })
