/** The answer-deadline countdown (issue 15): days and hours, the last 24 h in red with minutes, then "overdue". */
import { render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { DeadlineCountdown } from '@/components/deadline-countdown'
import { usePreferences } from '@/stores/preferences'

const DEADLINE = '2026-12-10T10:00:00+08:00'
const at = (iso: string) => () => Date.parse(iso)

function shown(now: () => number) {
  render(<DeadlineCountdown deadlineAt={DEADLINE} testId='left' now={now} />)
  const node = screen.getByTestId('left')
  return { text: node.textContent, className: node.getAttribute('class') ?? '' }
}

afterEach(() => usePreferences.setState({ locale: 'zh-CN' }))

describe('DeadlineCountdown', () => {
  it('shows days and hours while more than a day is left, not red', () => {
    const left = shown(at('2026-12-07T08:30:00+08:00'))
    expect(left.text).toBe('剩 3 天 1 小时')
    expect(left.className).not.toContain('deadline-countdown--urgent')
  })

  it('is red with hours and minutes in the last 24 h', () => {
    const left = shown(at('2026-12-09T14:48:00+08:00'))
    expect(left.text).toBe('剩 19 小时 12 分')
    expect(left.className).toContain('deadline-countdown--urgent')
  })

  it('says overdue once the deadline has passed', () => {
    const left = shown(at('2026-12-10T10:00:00+08:00'))
    expect(left.text).toBe('已逾期')
    expect(left.className).toContain('deadline-countdown--overdue')
  })

  it('speaks English', () => {
    usePreferences.setState({ locale: 'en-US' })
    expect(shown(at('2026-12-07T08:30:00+08:00')).text).toBe('3 d 1 h left')
  })
})
