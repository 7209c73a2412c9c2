/**
 * The detail's actions card: exactly the buttons the available-actions answer allows (none for an account
 * without the permissions), 操作记录, and what closing a sheet reloads (nothing after a refusal).
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { actionsApi } from '@/features/transactions/actions/api'
import { TransactionActions } from '@/features/transactions/actions/transaction-actions'
import { usePreferences } from '@/stores/preferences'
import type { AvailableActions } from '@contract/actions'
import type { TransactionDetail } from '@contract/transactions'

vi.mock('@/features/transactions/actions/api', () => ({
  actionsApi: {
    fetchAvailableActions: vi.fn(),
    fetchPaymentActions: vi.fn(),
    fetchAction: vi.fn(),
    fetchPinState: vi.fn(),
    setPin: vi.fn(),
    refund: vi.fn(),
    capture: vi.fn(),
    voidAuthorization: vi.fn(),
    uploadTracking: vi.fn(),
  },
}))

const api = vi.mocked(actionsApi)
const usd = (amount: string) => ({ currency: 'USD', amount })
const NONE: AvailableActions = { refund: null, capture: null, void: null, tracking: false }

const DETAIL = {
  paymentId: '2611081401050017981',
  orderNumber: 'MK20261108101010001',
  amount: usd('100.00'),
  trackingNumber: null,
  trackingSite: null,
} as TransactionDetail

beforeEach(() => {
  usePreferences.setState({ locale: 'zh-CN' })
  for (const fn of Object.values(api)) fn.mockReset()
  api.fetchPaymentActions.mockResolvedValue({ items: [] })
})

describe('the actions card', () => {
  it('after an action went through, shows no button until the server said again what is allowed', async () => {
    let answer: (value: AvailableActions) => void = () => undefined
    api.fetchAvailableActions
      .mockResolvedValueOnce({ ...NONE, void: { expiresAt: null, daysLeft: 3 }, capture: { max: usd('100.00'), expiresAt: null, daysLeft: 3 } })
      .mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
    api.fetchPinState.mockResolvedValue({ set: true, locked: false, triesLeft: 5 })
    api.voidAuthorization.mockResolvedValue({
      id: 'v1', kind: 'void', paymentId: DETAIL.paymentId, orderNumber: DETAIL.orderNumber, amount: null, status: 'succeeded',
      failure: null, gatewayCode: null, actor: { username: '张敏', maskedPhone: '138****8000' },
      createdAt: '2026-12-03T10:00:00+08:00', updatedAt: '2026-12-03T10:00:00+08:00',
    })
    const onChanged = vi.fn()
    render(<TransactionActions detail={DETAIL} onChanged={onChanged} />)
    fireEvent.click(await screen.findByTestId('txd-action-void'))
    fireEvent.click(screen.getByTestId('action-next'))
    fireEvent.click(screen.getByTestId('action-confirm-ok'))
    await screen.findByTestId('pin-key-1')
    for (const digit of '246810') fireEvent.click(screen.getByTestId(`pin-key-${digit}`))
    fireEvent.click(await screen.findByTestId('action-done'))
    expect(onChanged).toHaveBeenCalledTimes(1)
    expect(screen.queryByTestId('txd-action-capture')).toBeNull()
    answer({ ...NONE })
    await waitFor(() => expect(api.fetchAvailableActions).toHaveBeenCalledTimes(2))
    expect(screen.queryByTestId('txd-action-void')).toBeNull()
  })

  it('shows exactly the allowed actions: a sale that can be refunded and tracked', async () => {
    api.fetchAvailableActions.mockResolvedValue({ ...NONE, refund: { max: usd('60.00') }, tracking: true })
    render(<TransactionActions detail={DETAIL} onChanged={vi.fn()} />)
    await screen.findByTestId('txd-actions')
    expect(screen.getByTestId('txd-action-refund')).toBeTruthy()
    expect(screen.getByTestId('txd-action-tracking')).toBeTruthy()
    expect(screen.queryByTestId('txd-action-capture')).toBeNull()
    expect(screen.queryByTestId('txd-action-void')).toBeNull()
  })

  it('a pending pre-authorization: capture and void, with the days left', async () => {
    api.fetchAvailableActions.mockResolvedValue({
      ...NONE,
      capture: { max: usd('100.00'), expiresAt: '2026-12-08T10:00:00+08:00', daysLeft: 5 },
      void: { expiresAt: '2026-12-08T10:00:00+08:00', daysLeft: 5 },
    })
    render(<TransactionActions detail={DETAIL} onChanged={vi.fn()} />)
    await screen.findByTestId('txd-action-capture')
    expect(screen.getByTestId('txd-action-void')).toBeTruthy()
    expect(screen.queryByTestId('txd-action-refund')).toBeNull()
    expect(screen.getByTestId('txd-action-days-left').textContent).toBe('预授权还有 5 天到期')
  })

  it('hides every button when the account may do nothing here', async () => {
    api.fetchAvailableActions.mockResolvedValue(NONE)
    api.fetchPaymentActions.mockResolvedValue({ items: [] })
    render(<TransactionActions detail={DETAIL} onChanged={vi.fn()} />)
    await screen.findByTestId('txd-action-history')
    expect(screen.queryByTestId('txd-actions')).toBeNull()
    expect(screen.queryByTestId(/^txd-action-(refund|capture|void|tracking)$/)).toBeNull()
  })

  it('lists 操作记录: who, what, amount, result, time', async () => {
    api.fetchAvailableActions.mockResolvedValue(NONE)
    api.fetchPaymentActions.mockResolvedValue({
      items: [
        {
          id: 'a1',
          kind: 'refund',
          paymentId: DETAIL.paymentId,
          orderNumber: DETAIL.orderNumber,
          amount: usd('40.00'),
          status: 'succeeded',
          failure: null,
          gatewayCode: null,
          actor: { username: '张敏', maskedPhone: '138****8000' },
          createdAt: '2026-12-03T10:00:00+08:00',
          updatedAt: '2026-12-03T10:01:00+08:00',
        },
      ],
    })
    render(<TransactionActions detail={DETAIL} onChanged={vi.fn()} />)
    const row = await screen.findByTestId('txd-action-log-a1')
    expect(row.textContent).toBe('退款成功USD 40.00张敏（138****8000）2026-12-03 10:00:00')
  })

  it('closing a sheet without acting reloads only the log, never the page', async () => {
    api.fetchAvailableActions.mockResolvedValue({ ...NONE, refund: { max: usd('60.00') } })
    api.fetchPinState.mockResolvedValue({ set: true, locked: false, triesLeft: 5 })
    const onChanged = vi.fn()
    render(<TransactionActions detail={DETAIL} onChanged={onChanged} />)
    fireEvent.click(await screen.findByTestId('txd-action-refund'))
    fireEvent.click(screen.getByTestId('action-sheet-close'))
    expect(onChanged).not.toHaveBeenCalled()
    await waitFor(() => expect(api.fetchPaymentActions).toHaveBeenCalledTimes(2))
    expect(api.fetchAvailableActions).toHaveBeenCalledTimes(1)
  })
})
