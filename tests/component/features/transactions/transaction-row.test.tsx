import { render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MINUTE_CLOCK_MS } from '@/hooks/use-minute-clock'
import type { TransactionListItem } from '@contract/transactions'
import { TransactionRow } from '@/features/transactions/transaction-row'
import { usePreferences } from '@/stores/preferences'

const SALE: TransactionListItem = {
  paymentId: '2611081401050017981',
  orderNumber: 'MK20261108101010001',
  terminal: '14010501',
  paymentMethod: 'Credit Card',
  cardBrand: 'Visa',
  txnType: 'sale',
  status: 'success',
  authStatus: null,
  amount: { currency: 'SEK', amount: '1111.22' },
  refundStatus: 'none',
  paymentTime: '2026-11-08T10:10:10+08:00',
  settlementTime: null,
}

const CASE_ROW: TransactionListItem = {
  ...SALE,
  case: {
    id: '7',
    kind: 'chargeback',
    status: 'open',
    reasonCode: '10.4',
    reason: 'Other Fraud - Card Absent Environment',
    amount: { currency: 'SEK', amount: '1000.00' },
    openedAt: '2026-11-20T09:00:00+08:00',
    handledAt: null,
    deadlineAt: '2026-11-30T09:00:00+08:00',
  },
}

afterEach(() => usePreferences.setState({ locale: 'zh-CN' }))

describe('TransactionRow', () => {
  it('shows a plain payment with its status', () => {
    render(<TransactionRow item={SALE} onOpen={vi.fn()} />)
    const row = screen.getByTestId(`tx-row-${SALE.paymentId}`).textContent
    expect(row).toContain('成功')
    expect(row).toContain('SEK 1,111.22')
    expect(row).toContain('2026-11-08 10:10:10')
  })

  it('on a case list shows the case, not a green "成功": kind and state, reason, case amount, deadline (issue 11)', () => {
    render(<TransactionRow item={CASE_ROW} onOpen={vi.fn()} />)
    const id = CASE_ROW.paymentId
    expect(screen.getByTestId(`tx-row-${id}-case`).textContent).toBe('拒付 · 待处理')
    expect(screen.getByTestId(`tx-row-${id}-case`).className).toContain('tx-chip--case')
    expect(screen.getByTestId(`tx-row-${id}-reason`).textContent).toBe('原因  10.4 Other Fraud - Card Absent Environment')
    const row = screen.getByTestId(`tx-row-${id}`).textContent ?? ''
    expect(row).toContain('SEK 1,000.00')
    expect(row).toContain('MK20261108101010001')
    expect(row).not.toContain('成功')
  })

  it("counts down an open case's deadline from the list's clock: days and hours, red with minutes in the last 24 h, overdue", () => {
    const id = CASE_ROW.paymentId
    const deadline = () => screen.getByTestId(`tx-row-${id}-deadline`)
    const { rerender } = render(<TransactionRow item={CASE_ROW} onOpen={vi.fn()} nowMs={Date.parse('2026-11-28T04:00:00+08:00')} />)
    expect(deadline().textContent).toBe('剩 2 天 5 小时')
    expect(deadline().className).toContain('deadline-countdown--normal')
    rerender(<TransactionRow item={CASE_ROW} onOpen={vi.fn()} nowMs={Date.parse('2026-11-29T13:48:00+08:00')} />)
    expect(deadline().textContent).toBe('剩 19 小时 12 分')
    expect(deadline().className).toContain('deadline-countdown--urgent')
    rerender(<TransactionRow item={CASE_ROW} onOpen={vi.fn()} nowMs={Date.parse('2026-11-30T09:00:00+08:00')} />)
    expect(deadline().textContent).toBe('已逾期')
    expect(deadline().className).toContain('deadline-countdown--overdue')
  })

  it('speaks the countdown in English', () => {
    usePreferences.setState({ locale: 'en-US' })
    render(<TransactionRow item={CASE_ROW} onOpen={vi.fn()} nowMs={Date.parse('2026-11-28T04:00:00+08:00')} />)
    expect(screen.getByTestId(`tx-row-${CASE_ROW.paymentId}-deadline`).textContent).toBe('2 d 5 h left')
  })

  it('starts no timer of its own: without the list clock it counts at render, and 1,000 rows start no interval', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-28T04:00:00+08:00') })
    try {
      const intervals = vi.spyOn(globalThis, 'setInterval')
      const rows = Array.from({ length: 1000 }, (_, index) => ({ ...CASE_ROW, paymentId: `26110814010500${String(index).padStart(5, '0')}` }))
      render(
        <>
          {rows.map((item) => (
            <TransactionRow key={item.paymentId} item={item} onOpen={vi.fn()} />
          ))}
        </>,
      )
      expect(intervals).not.toHaveBeenCalled()
      expect(screen.getByTestId(`tx-row-${rows[999].paymentId}-deadline`).textContent).toBe('剩 2 天 5 小时')
      // No timer: a minute later the row says the same until the list's clock (or a re-render) moves it.
      vi.advanceTimersByTime(MINUTE_CLOCK_MS * 61)
      expect(screen.getByTestId(`tx-row-${rows[0].paymentId}-deadline`).textContent).toBe('剩 2 天 5 小时')
      intervals.mockRestore()
    } finally {
      vi.useRealTimers()
    }
  })

  it('shows a handled case its deadline date, not a countdown', () => {
    const item = { ...CASE_ROW, case: { ...CASE_ROW.case!, status: 'handled' as const } }
    render(<TransactionRow item={item} onOpen={vi.fn()} nowMs={Date.parse('2026-11-28T04:00:00+08:00')} />)
    expect(screen.getByTestId(`tx-row-${item.paymentId}-deadline`).textContent).toBe('2026-11-30 前处理')
  })

  it('says so when a case has no deadline or reason, in English too', () => {
    usePreferences.setState({ locale: 'en-US' })
    const item = { ...CASE_ROW, case: { ...CASE_ROW.case!, status: 'handled' as const, reasonCode: null, reason: null, deadlineAt: null } }
    render(<TransactionRow item={item} onOpen={vi.fn()} />)
    const id = item.paymentId
    expect(screen.getByTestId(`tx-row-${id}-case`).textContent).toBe('Chargeback · Handled')
    expect(screen.getByTestId(`tx-row-${id}-reason`).textContent).toBe('No reason given')
    expect(screen.getByTestId(`tx-row-${id}-deadline`).textContent).toBe('No deadline given')
  })
})
