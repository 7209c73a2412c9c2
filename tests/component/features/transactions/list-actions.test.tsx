/**
 * The to-do lists lead straight to the action: Capture/Void on a pending pre-authorization row, Refund on a fraud
 * row — only with the permission; and the quick tracking entry of the "tracking missing" list.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MeResponse } from '@contract/me'
import type { TransactionListItem, TransactionsPage } from '@contract/transactions'
import { fetchMe, fetchTransactions } from '@/api'
import { actionsApi } from '@/features/transactions/actions/api'
import { TransactionsScreen } from '@/features/transactions/transactions-screen'
import { usePreferences } from '@/stores/preferences'

vi.mock('@/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api')>()),
  fetchTransactions: vi.fn(),
  fetchMe: vi.fn(),
}))
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

const list = vi.mocked(fetchTransactions)
const me = vi.mocked(fetchMe)
const api = vi.mocked(actionsApi)
const usd = (amount: string) => ({ currency: 'USD', amount })

function row(n: number, overrides: Partial<TransactionListItem> = {}): TransactionListItem {
  return {
    paymentId: `P${n}`,
    orderNumber: `OD${n}`,
    terminal: '14010588',
    paymentMethod: 'Credit Card',
    cardBrand: 'Visa',
    txnType: 'authorization',
    status: 'success',
    authStatus: 'pending',
    amount: usd(`${n}0.00`),
    refundStatus: 'none',
    paymentTime: '2026-12-01T10:00:00+08:00',
    settlementTime: null,
    ...overrides,
  }
}
const page = (items: TransactionListItem[]): TransactionsPage => ({
  items,
  nextCursor: null,
  total: { count: items.length, amounts: [], basis: { status: 'success', amount: 'transaction' } },
})
const ALL = ['capture', 'void', 'refund', 'tracking', 'order-query', 'card-bin', 'health-check']
const meWith = (permissions: string[]) => ({ terminals: ['14010588'], permissions }) as unknown as MeResponse

beforeEach(() => {
  usePreferences.setState({ locale: 'zh-CN' })
  list.mockReset()
  me.mockReset()
  for (const fn of Object.values(api)) fn.mockReset()
})

describe('to-do rows', () => {
  it('a pending pre-authorization row offers Capture and Void; the sheet shows the days left', async () => {
    me.mockResolvedValue(meWith(ALL))
    list.mockResolvedValue(page([row(1), row(2)]))
    api.fetchAvailableActions.mockResolvedValue({
      refund: null,
      capture: { max: usd('10.00'), expiresAt: '2026-12-05T10:00:00+08:00', daysLeft: 2 },
      void: { expiresAt: '2026-12-05T10:00:00+08:00', daysLeft: 2 },
      tracking: false,
    })
    render(<TransactionsScreen params={{ authStatus: 'pending' }} />)
    fireEvent.click(await screen.findByTestId('tx-row-P1-capture'))
    expect(screen.getByTestId('tx-row-P1-void')).toBeTruthy()
    expect(await screen.findByTestId('action-sheet-capture')).toBeTruthy()
    expect(api.fetchAvailableActions).toHaveBeenCalledWith('P1')
    expect(screen.getByTestId('action-days-left').textContent).toBe('预授权还有 2 天到期')
    expect((screen.getByTestId('action-amount') as HTMLInputElement).value).toBe('10.00')
  })

  it('a pending pre-authorization row says when it expires, in a few words, in both languages', async () => {
    me.mockResolvedValue(meWith(ALL))
    const expiring = (n: number, daysLeft: number) => row(n, { authorizationExpiry: { expiresAt: '2026-12-05T10:00:00+08:00', daysLeft } })
    list.mockResolvedValue(page([expiring(1, -2), expiring(2, 0), expiring(3, 5)]))
    const { unmount } = render(<TransactionsScreen params={{ authStatus: 'pending' }} />)
    expect((await screen.findByTestId('tx-row-P1-expiry')).textContent).toBe('已过期 2 天')
    expect(screen.getByTestId('tx-row-P2-expiry').textContent).toBe('今天到期')
    expect(screen.getByTestId('tx-row-P3-expiry').textContent).toBe('5 天后到期')
    expect(screen.getByTestId('tx-row-P2-expiry').className).toContain('tx-row__expiry--urgent')
    expect(screen.getByTestId('tx-row-P3-expiry').className).not.toContain('--urgent')
    unmount()

    usePreferences.setState({ locale: 'en-US' })
    render(<TransactionsScreen params={{ authStatus: 'pending' }} />)
    expect((await screen.findByTestId('tx-row-P3-expiry')).textContent).toBe('Expires in 5 days')
  })

  it('a fraud row offers Refund', async () => {
    me.mockResolvedValue(meWith(ALL))
    list.mockResolvedValue(page([row(3, { txnType: 'sale', authStatus: null })]))
    render(<TransactionsScreen params={{ case: 'fraud' }} />)
    expect(await screen.findByTestId('tx-row-P3-refund')).toBeTruthy()
    expect(screen.queryByTestId('tx-row-P3-capture')).toBeNull()
  })

  it('shows no money buttons without the permissions (customer service)', async () => {
    me.mockResolvedValue(meWith(['order-query']))
    list.mockResolvedValue(page([row(1)]))
    render(<TransactionsScreen params={{ authStatus: 'pending' }} />)
    await screen.findByTestId('tx-row-P1')
    await waitFor(() => expect(me).toHaveBeenCalled())
    expect(screen.queryByTestId('tx-row-P1-capture')).toBeNull()
    expect(screen.queryByTestId('tx-row-P1-void')).toBeNull()
  })
})

describe('quick tracking entry', () => {
  it('enters a number per row, keeps site and handler for the batch, uploads all and reloads the list', async () => {
    me.mockResolvedValue(meWith(ALL))
    const missing = [row(1, { txnType: 'sale', authStatus: null }), row(2, { txnType: 'sale', authStatus: null }), row(3, { txnType: 'sale', authStatus: null })]
    list.mockResolvedValueOnce(page(missing)).mockResolvedValueOnce(page(missing.slice(2)))
    api.uploadTracking.mockImplementation(({ items }) =>
      Promise.resolve({ results: items.map((item, index) => ({ id: `t${index}`, status: 'succeeded', paymentId: item.paymentId }) as never) }),
    )
    render(<TransactionsScreen params={{ tracking: 'missing' }} />)
    fireEvent.click(await screen.findByTestId('tx-tracking-entry-open'))
    // H5 (the test's platform) has no camera scan.
    expect(screen.queryByTestId('tx-row-P1-scan')).toBeNull()
    fireEvent.change(screen.getByTestId('tx-row-P1-tracking'), { target: { value: 'SF001' } })
    fireEvent.change(screen.getByTestId('tx-row-P2-tracking'), { target: { value: ' SF002 ' } })
    fireEvent.click(screen.getByTestId('tx-tracking-submit'))
    expect(screen.getByTestId('tx-tracking-message').textContent).toBe('请填写物流网站的网址或域名（1–100 个字符）')
    expect(api.uploadTracking).not.toHaveBeenCalled()
    fireEvent.change(screen.getByTestId('tx-tracking-site'), { target: { value: 'www.sf-express.com' } })
    fireEvent.change(screen.getByTestId('tx-tracking-handler'), { target: { value: '王芳' } })
    expect(screen.getByTestId('tx-tracking-submit').textContent).toBe('上传 2 单')
    fireEvent.click(screen.getByTestId('tx-tracking-submit'))
    await waitFor(() => expect(screen.getByTestId('tx-tracking-message').textContent).toBe('已上传 2 单'))
    expect(api.uploadTracking).toHaveBeenCalledWith({
      items: [
        { paymentId: 'P1', trackingNumber: 'SF001', trackingSite: 'www.sf-express.com', handler: '王芳' },
        { paymentId: 'P2', trackingNumber: 'SF002', trackingSite: 'www.sf-express.com', handler: '王芳' },
      ],
    })
    await waitFor(() => expect(screen.queryByTestId('tx-row-P1')).toBeNull())
    expect(screen.getByTestId('tx-count').textContent).toContain('1')
  })

  it('is not offered without the tracking permission', async () => {
    me.mockResolvedValue(meWith(['refund']))
    list.mockResolvedValue(page([row(1, { txnType: 'sale', authStatus: null })]))
    render(<TransactionsScreen params={{ tracking: 'missing' }} />)
    await screen.findByTestId('tx-row-P1')
    await waitFor(() => expect(me).toHaveBeenCalled())
    expect(screen.queryByTestId('tx-tracking-entry-open')).toBeNull()
  })
})
