/**
 * A first-come-first-served gate: at most `max` holders at once; a caller that cannot enter within `waitMs` is
 * refused with DbUnavailableError instead of waiting without end. Used for PGlite's single connection and for the
 * webhook's share of the PostgreSQL pool.
 */
import { DbUnavailableError, type UnavailableReason } from './unavailable'

export interface GateOptions {
  max: number
  waitMs: number
  /** The reason a refusal carries. */
  reason: UnavailableReason
  /** Names the gate in the refusal's message. */
  what: string
}

export interface Gate {
  run<T>(fn: () => Promise<T>): Promise<T>
  /** Holders now (tests and diagnostics). */
  readonly active: number
  readonly waiting: number
}

interface Waiter {
  enter: () => void
  timer: NodeJS.Timeout
}

export function createGate(options: GateOptions): Gate {
  const { max, waitMs } = options
  let active = 0
  const queue: Waiter[] = []

  const leave = (): void => {
    const next = queue.shift()
    if (next === undefined) {
      active -= 1
      return
    }
    clearTimeout(next.timer)
    next.enter() // the place passes straight to the next waiter: active stays the same
  }

  const enter = (): Promise<void> => {
    if (active < max && queue.length === 0) {
      active += 1
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        enter: resolve,
        timer: setTimeout(() => {
          queue.splice(queue.indexOf(waiter), 1)
          reject(new DbUnavailableError(options.reason, `store unavailable: ${options.what} busy for ${waitMs} ms`))
        }, waitMs),
      }
      queue.push(waiter)
    })
  }

  return {
    async run<T>(fn: () => Promise<T>): Promise<T> {
      await enter()
      try {
        return await fn()
      } finally {
        leave()
      }
    },
    get active() {
      return active
    },
    get waiting() {
      return queue.length
    },
  }
}
