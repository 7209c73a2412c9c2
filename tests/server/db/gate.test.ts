import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createGate } from '../../../server/src/db/gate'
import { DbUnavailableError } from '../../../server/src/db'

describe('createGate', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  const gate = () => createGate({ max: 2, waitMs: 1_000, reason: 'share-full', what: 'the test share' })

  it('lets `max` holders in at once and the next in first-come-first-served as places free', async () => {
    const g = gate()
    const order: string[] = []
    const release: Record<string, () => void> = {}
    const hold = (name: string) =>
      g.run(async () => {
        order.push(name)
        await new Promise<void>((resolve) => (release[name] = resolve))
      })
    const runs = ['a', 'b', 'c', 'd'].map(hold)
    await vi.advanceTimersByTimeAsync(0)
    expect(order).toEqual(['a', 'b'])
    expect([g.active, g.waiting]).toEqual([2, 2])
    release.b()
    await vi.advanceTimersByTimeAsync(0)
    expect(order).toEqual(['a', 'b', 'c'])
    release.a()
    release.c()
    await vi.advanceTimersByTimeAsync(0)
    release.d()
    await Promise.all(runs)
    expect([g.active, g.waiting]).toEqual([0, 0])
  })

  it('refuses a caller that waited `waitMs` with DbUnavailableError, and the gate keeps working', async () => {
    const g = gate()
    let release = (): void => undefined
    const held = Promise.all([1, 2].map(() => g.run(() => new Promise<void>((resolve) => (release = resolve)))))
    const late = g.run(async () => 'never').catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(999)
    expect(g.waiting).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    const error = await late
    expect(error).toBeInstanceOf(DbUnavailableError)
    expect(error).toMatchObject({ reason: 'share-full', retryAfterSeconds: 5 })
    expect(g.waiting).toBe(0)
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(await g.run(async () => 'after')).toBe('after')
    void held
  })

  it('frees the place when the holder throws', async () => {
    const g = createGate({ max: 1, waitMs: 10, reason: 'queue-wait', what: 'x' })
    await expect(g.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await g.run(async () => 1)).toBe(1)
    expect(g.active).toBe(0)
  })
})
