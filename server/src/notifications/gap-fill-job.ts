/**
 * Runs the gap fill every N seconds while the app is up. Never two runs at once in one process (a tick that comes
 * while a run is still going is skipped); several processes may run it at once, which the unique keys make safe.
 */

export interface GapFillJob {
  /** Stops the timer and waits for a run in progress to finish. Idempotent. */
  stop(): Promise<void>
}

export interface GapFillJobOptions {
  intervalSeconds: number
  run: () => Promise<unknown>
  onError: (error: unknown) => void
}

export function startGapFillJob(options: GapFillJobOptions): GapFillJob {
  const intervalMs = options.intervalSeconds * 1000
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = false

  const tick = (): void => {
    timer = undefined
    if (stopped || running !== undefined) return
    running = options
      .run()
      .then(
        () => undefined,
        (error: unknown) => options.onError(error),
      )
      .finally(() => {
        running = undefined
        schedule()
      })
  }

  function schedule(): void {
    if (stopped) return
    // The first run waits one interval too: a server starting up has other work, and Oceanpayment's own retries
    // cover the first minutes.
    timer = setTimeout(tick, intervalMs)
    // The job must never be what keeps a process alive.
    timer.unref()
  }

  if (intervalMs > 0) schedule()

  return {
    async stop() {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      await running
    },
  }
}
