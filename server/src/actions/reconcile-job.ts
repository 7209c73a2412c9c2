/**
 * The reconciler as a plugin with a timer, started with the app (modelled on notifications/gap-fill-job.ts): one
 * run right at start, so a process killed mid-action is reconciled as soon as one comes back up, then every
 * interval. Never two runs at once in one process; several processes may run it at once (each action is settled
 * under its row lock, once).
 */
import type { FastifyInstance } from 'fastify'
import type { Db } from '../db'
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

/** How long closing the app waits for a reconciliation run in progress. */
const CLOSE_WAIT_MS = 2_000

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs the action reconciler now (tests, and the timer). */
    reconcileActions?: (options?: { all?: boolean }) => Promise<ReconcileReport>
  }
}

async function reconcilePluginBody(app: FastifyInstance, options: ReconcilePluginOptions): Promise<void> {
  let running: Promise<ReconcileReport> | undefined
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const run = (extra: { all?: boolean } = {}): Promise<ReconcileReport> => {
    running ??= reconcileActions({ ...options, ...extra, logger: app.log }).finally(() => {
      running = undefined
    })
    return running
  }
  const tick = (): void => {
    timer = undefined
    if (stopped) return
    run()
      .catch((error: unknown) => app.log.error({ err: error }, 'action reconciliation failed'))
      .finally(schedule)
  }
  function schedule(): void {
    if (stopped || options.intervalMs <= 0) return
    timer = setTimeout(tick, options.intervalMs)
    timer.unref()
  }
  app.decorate('reconcileActions', run)
  app.addHook('onReady', async () => {
    if (options.runAtStart !== false) {
      // Not awaited: start-up does not wait for Oceanpayment; every open action, due or not.
      void run({ all: true })
        .catch((error: unknown) => app.log.error({ err: error }, 'action reconciliation at start failed'))
        .finally(schedule)
    } else schedule()
  })
  app.addHook('onClose', async () => {
    stopped = true
    if (timer !== undefined) clearTimeout(timer)
    // Let a run in progress finish its action, but never let a store that stopped answering hold the shutdown:
    // what it did not settle, the next start reconciles.
    let bound: NodeJS.Timeout | undefined
    const waited = new Promise<void>((resolve) => {
      bound = setTimeout(resolve, CLOSE_WAIT_MS)
    })
    await Promise.race([running?.catch(() => undefined), waited]).finally(() => clearTimeout(bound))
  })
}

/** skip-override (what fastify-plugin sets): `app.reconcileActions` is visible on the whole app. */
export const reconcilePlugin = Object.assign(reconcilePluginBody, { [Symbol.for('skip-override')]: true })
