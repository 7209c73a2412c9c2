import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import MessagesPage from '@/pages/messages'

describe('messages page', () => {
  it('offers the four message types and marks the chosen one', () => {
    render(<MessagesPage />)
    for (const label of ['系统公告', '拒付通知', '伪冒通知', '调单通知']) expect(screen.getByText(label)).toBeTruthy()
    const fraud = screen.getByTestId('message-type-fraud')
    expect(fraud.className).not.toContain('--active')
    fireEvent.click(fraud)
    expect(fraud.className).toContain('messages__type--active')
    expect(screen.getByTestId('message-type-all').className).not.toContain('--active')
  })

  it('toggles the only-unread switch', () => {
    render(<MessagesPage />)
    const toggle = screen.getByRole('switch') as HTMLInputElement
    expect(toggle.checked).toBe(false)
    fireEvent.click(toggle)
    expect(toggle.checked).toBe(true)
  })

  it('shows the empty state while there is nothing to show', () => {
    render(<MessagesPage />)
    expect(screen.getByText('查询结果为空')).toBeTruthy()
  })
})
