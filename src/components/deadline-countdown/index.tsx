import { Text } from '@tarojs/components'
import { useMinuteClock } from '@/hooks/use-minute-clock'
import { useT } from '@/hooks/use-t'
import { deadlineCountdown } from '@/utils/countdown'
import './index.scss'

interface CountdownAtProps {
  deadlineAt: string
  /** The moment the time left is counted from (the screen's shared minute clock, or the render time). */
  nowMs: number
  testId?: string
  /** Extra classes of the place it is shown in (a list row's time slot). */
  className?: string
}

/**
 * Time left until an answer deadline at `nowMs`: "剩 2 天 5 小时", in the last 24 h "剩 5 小时 12 分" in red, then
 * "已逾期". Holds no timer: a list renders many of these from one clock.
 */
export function DeadlineCountdownAt({ deadlineAt, nowMs, testId, className }: CountdownAtProps) {
  const t = useT()
  const left = deadlineCountdown(deadlineAt, nowMs)
  if (left === undefined) return null
  const text =
    left.tone === 'overdue'
      ? t('deadline.overdue')
      : left.days > 0
        ? t('deadline.left.days', { days: left.days, hours: left.hours })
        : t('deadline.left.hours', { hours: left.hours, minutes: left.minutes })
  return (
    <Text className={`deadline-countdown deadline-countdown--${left.tone}${className === undefined ? '' : ` ${className}`}`} data-testid={testId}>
      {text}
    </Text>
  )
}

/**
 * The countdown of one case shown alone (the transaction's and the reminder's detail): ticks once a minute while
 * shown. `now` is for tests (a fixed clock); the page passes nothing.
 */
export function DeadlineCountdown({ deadlineAt, testId, now }: { deadlineAt: string; testId?: string; now?: () => number }) {
  const nowMs = useMinuteClock(true, now)
  return <DeadlineCountdownAt deadlineAt={deadlineAt} nowMs={nowMs} testId={testId} />
}
