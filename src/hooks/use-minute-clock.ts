import { useEffect, useRef, useState } from 'react'

/** Once a minute is enough for what it drives: the finest unit a countdown shows is the minute. */
export const MINUTE_CLOCK_MS = 60_000

/**
 * "Now" in ms, renewed once a minute while `on` (and at once when it turns on: a tab page stays mounted, so its
 * clock may have slept for hours). One per screen, not one per row: a list of 1,000 case rows shares the screen's
 * clock instead of starting 1,000 intervals (docs/reminders-and-summary.md). `clock` is for tests.
 */
export function useMinuteClock(on = true, clock: () => number = Date.now): number {
  const [nowMs, setNowMs] = useState(clock)
  // Read through a ref: a caller passing a new function each render must not restart the timer.
  const clockRef = useRef(clock)
  clockRef.current = clock
  useEffect(() => {
    if (!on) return undefined
    setNowMs(clockRef.current())
    const timer = setInterval(() => setNowMs(clockRef.current()), MINUTE_CLOCK_MS)
    return () => clearInterval(timer)
  }, [on])
  return nowMs
}
