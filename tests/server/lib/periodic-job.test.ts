/**
 * The timer behind the idle sweep, the scheduler and the action reconciler (server/src/lib/periodic-job.ts): runs
 * start when the app is ready, never overlap, stop when it closes, and closing waits for a run only so long.
 */
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { CLOSE_WAIT_MS, runPeriodically } from '../../../server/src/lib/periodic-job'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits (at most 5 s, so a loaded machine only slows the test) until `done` holds. */
async function until(done: () => boolean): Promise<void> {
  const limit = Date.now() + 5_000
  while (!done()) {
    if (Date.now() > limit) throw new Error('the condition never held')
    await sleep(5)
  }
}

describe('runPeriodically', () => {
  it('runs first when the app is ready, then one run after another, never two at once, until it closes', async () => {
    const app = Fastify()
    let active = 0
    let most = 0
    const started: string[] = []
    const run = (label: string) => async () => {
      started.push(label)
      active += 1
      most = Math.max(most, active)
      await sleep(15) // longer than the interval: the next run still waits for this one
      active -= 1
    }
    runPeriodically(app, { intervalMs: 5, run: run('run'), first: run('first'), drain: () => undefined })
    await sleep(30)
    expect(started).toEqual([]) // nothing before the app is ready
    await app.ready()
    await until(() => started.length >= 3)
    await app.close()
    const count = started.length
    expect(started[0]).toBe('first')
    expect(most).toBe(1)
    await sleep(60)
    expect(started).toHaveLength(count) // none after close
  })

  it('waits for the first interval without `first`, and runs nothing on a timer when the interval is 0', async () => {
    const app = Fastify()
    let runs = 0
    runPeriodically(app, { intervalMs: 40, run: async () => void (runs += 1), drain: () => undefined })
    await app.ready()
    expect(runs).toBe(0)
    await until(() => runs >= 1)
    await app.close()

    const idle = Fastify()
    let firstRuns = 0
    runPeriodically(idle, { intervalMs: 0, run: async () => void (runs += 1), first: async () => void (firstRuns += 1), drain: () => undefined })
    await idle.ready()
    await sleep(30)
    await idle.close()
    expect([firstRuns, runs]).toEqual([1, 1])
  })

  it('keeps running after a run fails', async () => {
    const app = Fastify()
    let runs = 0
    runPeriodically(app, {
      intervalMs: 5,
      run: async () => {
        runs += 1
        throw new Error('store unavailable')
      },
      drain: () => undefined,
    })
    await app.ready()
    await until(() => runs >= 3)
    await app.close()
  })

  it('on close waits for the run in progress, but never longer than CLOSE_WAIT_MS', async () => {
    const app = Fastify()
    let finished = false
    let inProgress: Promise<void> | undefined
    runPeriodically(app, {
      intervalMs: 0,
      run: async () => undefined,
      first: () => (inProgress = sleep(50).then(() => void (finished = true))),
      drain: () => inProgress,
    })
    await app.ready()
    await app.close()
    expect(finished).toBe(true)

    const stuck = Fastify()
    runPeriodically(stuck, { intervalMs: 0, run: async () => undefined, first: () => new Promise(() => undefined), drain: () => new Promise(() => undefined) })
    await stuck.ready()
    const before = Date.now()
    await stuck.close()
    const waited = Date.now() - before
    expect(waited).toBeGreaterThanOrEqual(CLOSE_WAIT_MS - 50)
    expect(waited).toBeLessThan(CLOSE_WAIT_MS + 1_000)
  })
})
