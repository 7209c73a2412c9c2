import { useEffect, useState } from 'react'
import { Text } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import { deadlineCountdown } from '@/utils/countdown'
import './index.scss'

/** Once a minute is enough: the finest unit shown is the minute. */
const TICK_MS = 60_000

/**
 * Time left until an answer deadline: "剩 2 天 5 小时", in the last 24 h "剩 5 小时 12 分" in red, then "已逾期".
 * Ticks once a minute while shown. `now` is for tests (a fixed clock); the page passes nothing.
 */
export function DeadlineCountdown({ deadlineAt, testId, now }: { deadlineAt: string; testId?: string; now?: () => number }) {
  const t = useT()
  const clock = now ?? Date.now
  const [nowMs, setNowMs] = useState(clock)
  useEffect(() => {
    const timer = setInterval(() => setNowMs(clock()), TICK_MS)
    return () => clearInterval(timer)
  }, [clock])
  const left = deadlineCountdown(deadlineAt, nowMs)
  if (left === undefined) return null
  const text =
    left.tone === 'overdue'
      ? t('deadline.overdue')
      : left.days > 0
        ? t('deadline.left.days', { days: left.days, hours: left.hours })
        : t('deadline.left.hours', { hours: left.hours, minutes: left.minutes })
  return (
    <Text className={`deadline-countdown deadline-countdown--${left.tone}`} data-testid={testId}>
      {text}
    </Text>
  )
}
