import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MessageDetail } from '@contract/messages'
import { ApiClientError, fetchMessage, fetchMessages } from '@/api'
import { useUnreadStore } from '@/features/messages/unread-badge'
import MessageDetailPage from '@/pages/message-detail'
import { usePreferences } from '@/stores/preferences'
import { useSession } from '@/stores/session'

const router = vi.hoisted(() => ({ params: { id: '198' } as Record<string, string | undefined> }))
vi.mock('@tarojs/taro', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tarojs/taro')>()),
  useRouter: () => ({ params: router.params, path: '/pages/message-detail/index' }),
}))
vi.mock('@/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api')>()),
  fetchMessage: vi.fn(),
  fetchMessages: vi.fn(),
}))

const detail = vi.mocked(fetchMessage)
const list = vi.mocked(fetchMessages)

const FRAUD: MessageDetail = {
  id: '198',
  kind: 'fraud',
  title: null,
  paymentId: '2610011401050016538',
  orderNumber: 'OD20261001032535538',
  amount: { currency: 'SEK', amount: '1111.22' },
  reasonCode: '10.4',
  reason: 'Other Fraud - Card Absent Environment',
  deadlineAt: '2026-11-28T22:25:35+08:00',
  createdAt: '2026-11-18T22:25:35+08:00',
  refundOutcome: null,
  reminder: null,
  summary: null,
  read: true,
  body: null,
}
const AFTER = { total: 41, byKind: { announcement: 1, chargeback: 20, fraud: 10, retrieval: 10, refund: 0, reminder: 0, summary: 0 } }

beforeEach(() => {
  router.params = { id: '198' }
  detail.mockReset().mockResolvedValue(FRAUD)
  list.mockReset().mockResolvedValue({ items: [], nextCursor: null, unread: AFTER })
  useSession.setState({ token: 'token', signingKey: 'a'.repeat(64) })
  useUnreadStore.getState().reset()
})

describe('message detail page', () => {
  it('shows kind, time, title, body and the related payment and order', async () => {
    render(<MessageDetailPage />)
    await screen.findByTestId('message-detail')
    expect(detail).toHaveBeenCalledWith('198')
    const text = screen.getByTestId('message-detail').textContent ?? ''
    for (const part of ['伪冒通知', '2026-11-18 22:25:35', '10.4 Other Fraud - Card Absent Environment', '请核实订单', '2610011401050016538', 'OD20261001032535538']) {
      expect(text).toContain(part)
    }
    expect(screen.getByTestId('message-detail-title').textContent).toBe('订单 OD20261001032535538 被报告为伪冒交易')
    expect(screen.getByTestId('message-amount').textContent).toContain('SEK 1,111.22')
    expect(screen.getByTestId('message-deadline').textContent).toContain('2026-11-28 22:25:35')
  })

  it('shows an announcement in the reader\'s language', async () => {
    detail.mockResolvedValue({
      ...FRAUD,
      kind: 'announcement',
      paymentId: null,
      orderNumber: null,
      amount: null,
      reasonCode: null,
      reason: null,
      deadlineAt: null,
      title: { 'zh-CN': '系统维护公告', 'en-US': 'System maintenance' },
      body: { 'zh-CN': '本周六维护。', 'en-US': 'Maintenance this Saturday.' },
    })
    usePreferences.setState({ locale: 'en-US' })
    try {
      render(<MessageDetailPage />)
      await screen.findByText('System maintenance')
      expect(screen.getByText('Maintenance this Saturday.')).toBeTruthy()
      expect(screen.queryByText('系统维护公告')).toBeNull()
    } finally {
      usePreferences.setState({ locale: 'zh-CN' })
    }
  })

  it('opening it marks it read: the list shows it read and the counts (badge) are fetched again', async () => {
    render(<MessageDetailPage />)
    await screen.findByTestId('message-detail')
    expect(useUnreadStore.getState().openedIds).toEqual({ '198': true })
    await waitFor(() => expect(useUnreadStore.getState().counts).toEqual(AFTER))
    expect(list).toHaveBeenCalledWith({ limit: 1 })
  })

  it('opens the transaction detail from the payment ID', async () => {
    render(<MessageDetailPage />)
    fireEvent.click(await screen.findByTestId('message-payment-id'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/finance/transaction-detail/index?paymentId=2610011401050016538' })
  })

  it('has no related section for an announcement', async () => {
    detail.mockResolvedValue({
      ...FRAUD,
      kind: 'announcement',
      paymentId: null,
      orderNumber: null,
      title: { 'zh-CN': '系统维护公告', 'en-US': 'System maintenance' },
      body: { 'zh-CN': '维护', 'en-US': 'Maintenance' },
    })
    render(<MessageDetailPage />)
    await screen.findByText('系统维护公告')
    expect(screen.queryByText('关联交易')).toBeNull()
    expect(screen.queryByTestId('message-payment-id')).toBeNull()
  })

  it('says clearly when the message does not exist (or the link has no id), without marking anything', async () => {
    detail.mockRejectedValue(new ApiClientError({ kind: 'validation', code: 'NOT_FOUND', status: 404, message: 'no such message' }))
    render(<MessageDetailPage />)
    await screen.findByTestId('message-not-found')
    expect(screen.getByText('消息不存在或已被删除')).toBeTruthy()
    expect(useUnreadStore.getState().openedIds).toEqual({})
  })

  it('a missing id never reaches the server', async () => {
    router.params = {}
    render(<MessageDetailPage />)
    await screen.findByTestId('message-not-found')
    expect(detail).not.toHaveBeenCalled()
  })

  it('offers a retry after a network error', async () => {
    detail.mockRejectedValueOnce(new ApiClientError({ kind: 'network', code: 'NETWORK', status: 0, message: 'offline' }))
    render(<MessageDetailPage />)
    fireEvent.click(await screen.findByTestId('state-retry'))
    await screen.findByTestId('message-detail')
  })
})
