/** The minute clock a list shares among its countdowns: one interval while on, none while off, fresh when it turns on. */
import { act, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MINUTE_CLOCK_MS, useMinuteClock } from '@/hooks/use-minute-clock'

const START = Date.parse('2026-11-28T04:00:00+08:00')

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('useMinuteClock', () => {
  it('ticks once a minute with one interval', () => {
    vi.useFakeTimers({ now: START })
    const intervals = vi.spyOn(globalThis, 'setInterval')
    const { result } = renderHook(() => useMinuteClock(true))
    expect(result.current).toBe(START)
    expect(intervals).toHaveBeenCalledTimes(1)
    act(() => vi.advanceTimersByTime(MINUTE_CLOCK_MS))
    expect(result.current).toBe(START + MINUTE_CLOCK_MS)
    expect(intervals).toHaveBeenCalledTimes(1)
  })

  it('runs no timer while off, and reads the time at once when it turns on', () => {
    vi.useFakeTimers({ now: START })
    const intervals = vi.spyOn(globalThis, 'setInterval')
    const { result, rerender } = renderHook(({ on }) => useMinuteClock(on), { initialProps: { on: false } })
    act(() => vi.advanceTimersByTime(3 * 60 * MINUTE_CLOCK_MS))
    expect(intervals).not.toHaveBeenCalled()
    expect(result.current).toBe(START)
    rerender({ on: true })
    expect(result.current).toBe(START + 3 * 60 * MINUTE_CLOCK_MS)
    expect(intervals).toHaveBeenCalledTimes(1)
  })

  it('does not restart its timer when given a new clock function each render', () => {
    vi.useFakeTimers({ now: START })
    const intervals = vi.spyOn(globalThis, 'setInterval')
    const { rerender } = renderHook(() => useMinuteClock(true, () => Date.now()))
    rerender()
    rerender()
    expect(intervals).toHaveBeenCalledTimes(1)
  })
})
