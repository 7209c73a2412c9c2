/**
 * Delivers the sandbox's business-order notifications: POSTs each stored XML document to its URL through the
 * injected transport until the receiver answers exactly `receive-ok`, at most `maxAttempts` times in total, waiting
 * longer after each failure. Every attempt is recorded in sandbox_notifications, so a restart picks up where the
 * last process stopped (resume() on start).
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db'
import type { Transport } from '../../outbound/transport'
import { claimDue, nextDue, recordAttempt } from './store/notifications'

export interface NotifierOptions {
  db: Db
  transport: Transport
  now: () => Date
  logger: FastifyBaseLogger
  /** Total attempts per notification, the first included (Oceanpayment: up to 5). */
  maxAttempts?: number
  /** Wait before retry n (n = 1 after the first failure); the last entry repeats. */
  retryDelaysMs?: readonly number[]
  /** Per-attempt timeout. */
  timeoutMs?: number
}

export interface Notifier {
  /** Delivers everything due now; resolves when this pass is done. Concurrent calls share one pass. */
  deliverDue(): Promise<void>
  /** Schedules a pass soon (after a notification was enqueued). */
  kick(): void
  /** Starts timers for notifications left pending by an earlier process. */
  resume(): void
  stop(): void
}

export const DEFAULT_RETRY_DELAYS_MS = [10_000, 30_000, 120_000, 600_000] as const

const BATCH = 20
/** How long a claimed notification is hidden from other passes while its HTTP call runs. */
const LEASE_MS = 60_000

export function createNotifier(options: NotifierOptions): Notifier {
  const { db, transport, now, logger } = options
  const maxAttempts = options.maxAttempts ?? 5
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS
  const timeoutMs = options.timeoutMs ?? 10_000
  let running: Promise<void> | undefined
  let again = false
  let timer: NodeJS.Timeout | undefined
  let stopped = false

  const delayAfter = (attempts: number): number => delays[Math.min(attempts - 1, delays.length - 1)] ?? 60_000

  async function attempt(url: string, body: string): Promise<{ ok: boolean; status: number | null; error: string | null }> {
    try {
      const response = await transport({
        method: 'POST',
        url,
        headers: { 'content-type': 'text/xml; charset=utf-8' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      })
      const ok = response.status >= 200 && response.status < 300 && response.body === 'receive-ok'
      // The receiver's body is not echoed into the store or the log beyond a short excerpt.
      return { ok, status: response.status, error: ok ? null : `answer was not receive-ok: ${response.body.slice(0, 60)}` }
    } catch (error) {
      return { ok: false, status: null, error: error instanceof Error ? error.name + ': ' + error.message.slice(0, 120) : 'failed' }
    }
  }

  async function pass(): Promise<void> {
    for (;;) {
      const at = now()
      const due = await claimDue(db, at, new Date(at.getTime() + LEASE_MS), BATCH)
      for (const notice of due) {
        const result = await attempt(notice.url, notice.body)
        const attempts = notice.attempts + 1
        const finished = result.ok || attempts >= maxAttempts
        const state = result.ok ? 'delivered' : finished ? 'failed' : 'pending'
        const nextAttemptAt = finished ? null : new Date(now().getTime() + delayAfter(attempts))
        await recordAttempt(db, notice.notificationId, { ...result, state, nextAttemptAt, at: now() })
        logger.info(
          {
            notificationId: notice.notificationId,
            paymentId: notice.paymentId,
            noticeType: notice.noticeType,
            attempt: attempts,
            status: result.status,
            state,
          },
          result.ok ? 'sandbox notification delivered' : 'sandbox notification attempt failed',
        )
      }
      if (due.length < BATCH) break
    }
    await schedule()
  }

  async function schedule(): Promise<void> {
    if (stopped) return
    const due = await nextDue(db)
    if (due === undefined) return
    const wait = Math.max(0, due.getTime() - now().getTime())
    if (timer !== undefined) clearTimeout(timer)
    // Capped, so a clock moved forward (tests, or a host clock jump) is noticed within a second.
    timer = setTimeout(() => void deliverDue(), Math.min(wait, 1_000))
    timer.unref()
  }

  function deliverDue(): Promise<void> {
    if (stopped) return Promise.resolve()
    if (running !== undefined) {
      again = true
      return running
    }
    running = (async () => {
      try {
        do {
          again = false
          await pass()
        } while (again && !stopped)
      } catch (error) {
        logger.warn({ err: error }, 'sandbox notification pass failed')
      } finally {
        running = undefined
      }
    })()
    return running
  }

  return {
    deliverDue,
    kick: () => {
      if (!stopped) setImmediate(() => void deliverDue())
    },
    resume: () => void deliverDue(),
    stop: () => {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
    },
  }
}
