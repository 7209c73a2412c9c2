/**
 * Follows a pending/unknown action until it is final (`GET /api/actions/:id`), so the sheet shows the final state
 * without a manual refresh. Waits grow (1 s, 2 s, 4 s, 8 s, then every 15 s) so a refund Oceanpayment settles in
 * minutes costs a few calls; polling stops when the action is final, the sheet closes or the page hides, and
 * resumes when the page shows again. A failed poll (offline) just waits for the next turn.
 */
import { useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import type { ActionRecord } from '@contract/actions'
import { isFinal } from './outcome'

export const POLL_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000]

export function pollDelayMs(turn: number): number {
  return POLL_DELAYS_MS[Math.min(turn, POLL_DELAYS_MS.length - 1)]
}

export function useActionPolling(
  initial: ActionRecord | null,
  fetchAction: (id: string) => Promise<ActionRecord>,
): ActionRecord | null {
  const [record, setRecord] = useState<ActionRecord | null>(initial)
  const [visible, setVisible] = useState(true)
  const turn = useRef(0)
  useDidHide(() => setVisible(false))
  useDidShow(() => setVisible(true))

  useEffect(() => {
    setRecord(initial)
    turn.current = 0
  }, [initial])

  useEffect(() => {
    if (record === null || isFinal(record.status) || !visible) return undefined
    let cancelled = false
    const timer = setTimeout(() => {
      turn.current += 1
      fetchAction(record.id).then(
        (next) => {
          if (!cancelled) setRecord(next)
        },
        () => {
          // Offline or a 5xx: try again on the next, longer turn (a new object re-arms the effect).
          if (!cancelled) setRecord((current) => (current === null ? current : { ...current }))
        },
      )
    }, pollDelayMs(turn.current))
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [record, visible, fetchAction])

  return record
}
