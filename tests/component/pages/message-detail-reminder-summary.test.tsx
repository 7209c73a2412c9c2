/** The message detail of the two kinds of issue 15: a deadline reminder (which case, time left, a way to it) and the morning summary's figures. */
import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MessageDetail } from '@contract/messages'
import { fetchMessage, fetchMessages } from '@/api'
import { useUnreadStore } from '@/features/messages/unread-badge'
import MessageDetailPage from '@/pages/message-detail'
import { usePreferences } from '@/stores/preferences'
import { useSession } from '@/stores/session'

vi.mock('@tarojs/taro', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tarojs/taro')>()),
  useRouter: () => ({ params: { id: '7' }, path: '/pages/message-detail/index' }),
}))
vi.mock('@/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api')>()),
  fetchMessage: vi.fn(),
  fetchMessages: vi.fn(),
}))

const BASE: MessageDetail = {
  id: '7',
  kind: 'reminder',
  title: null,
  paymentId: '2610011401050016538',
  orderNumber: 'OD20261001032535538',
  amount: { currency: 'USD', amount: '100.00' },
  reasonCode: '4837',
  reason: 'No cardholder authorization',
  // Far ahead: the countdown shows days.
  deadlineAt: '2099-12-10T10:00:00+08:00',
  createdAt: '2026-12-07T10:00:00+08:00',
  refundOutcome: null,
  reminder: { hours: 72, caseKind: 'chargeback' },
  summary: null,
  read: true,
  body: null,
}
const COUNTS = { total: 0, byKind: { announcement: 0, chargeback: 0, fraud: 0, retrieval: 0, refund: 0, reminder: 0, summary: 0 } }

beforeEach(() => {
  vi.mocked(fetchMessages).mockReset().mockResolvedValue({ items: [], nextCursor: null, unread: COUNTS })
  useSession.setState({ token: 'token', signingKey: 'a'.repeat(64) })
  useUnreadStore.getState().reset()
  usePreferences.setState({ locale: 'zh-CN' })
})

describe('reminder and summary messages', () => {
  it('a reminder names the case, says how long is left and opens the case', async () => {
    vi.mocked(fetchMessage).mockResolvedValue(BASE)
    const navigate = vi.spyOn(Taro, 'navigateTo')
    render(<MessageDetailPage />)
    await screen.findByTestId('message-detail')
    expect(screen.getByTestId('message-detail-title').textContent).toBe('订单 OD20261001032535538 的拒付 72 小时后截止')
    expect(screen.getByTestId('message-countdown').textContent).toMatch(/^剩 \d+ 天 \d+ 小时$/)
    expect(screen.getByTestId('message-deadline').textContent).toContain('2099-12-10 10:00:00')
    fireEvent.click(screen.getByTestId('message-open-case'))
    expect(navigate).toHaveBeenCalledWith({ url: expect.stringContaining('paymentId=2610011401050016538') as string })
  })

  it('a summary shows its figures, in English too', async () => {
    vi.mocked(fetchMessage).mockResolvedValue({
      ...BASE,
      kind: 'summary',
      paymentId: null,
      orderNumber: null,
      amount: null,
      reasonCode: null,
      reason: null,
      deadlineAt: null,
      reminder: null,
      summary: {
        day: '2026-12-08',
        successCount: 12,
        successAmounts: [
          { currency: 'USD', amount: '1234.50' },
          { currency: 'JPY', amount: '2761' },
        ],
        newCases: 2,
        expiringAuthorizations: 3,
        deadlinesWithin72h: 1,
      },
    })
    usePreferences.setState({ locale: 'en-US' })
    render(<MessageDetailPage />)
    await screen.findByTestId('message-summary')
    expect(screen.getByTestId('message-detail-title').textContent).toBe('Morning summary, 2026-12-08')
    expect(screen.getByTestId('summary-success-count').textContent).toContain('12')
    expect(screen.getByTestId('summary-amounts').textContent).toContain('USD 1,234.50')
    expect(screen.getByTestId('summary-amounts').textContent).toContain('JPY 2,761')
    expect(screen.getByTestId('summary-new-cases').textContent).toContain('2')
    expect(screen.getByTestId('summary-expiring').textContent).toContain('3')
    expect(screen.getByTestId('summary-deadlines').textContent).toContain('1')
    expect(screen.queryByTestId('message-open-case')).toBeNull()
  })
})
