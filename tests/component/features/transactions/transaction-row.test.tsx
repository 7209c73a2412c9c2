import { render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
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
    expect(screen.getByTestId(`tx-row-${id}-deadline`).textContent).toBe('2026-11-30 前处理')
    const row = screen.getByTestId(`tx-row-${id}`).textContent ?? ''
    expect(row).toContain('SEK 1,000.00')
    expect(row).toContain('MK20261108101010001')
    expect(row).not.toContain('成功')
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
