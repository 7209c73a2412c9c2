import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MessageItem, MessagesPage as MessagesPageData, MessagesQuery, UnreadCounts } from '@contract/messages'
import { ApiClientError, fetchMessages, markAllMessagesRead } from '@/api'
import { useUnreadStore } from '@/features/messages/unread-badge'
import MessagesPage from '@/pages/messages'
import { usePreferences } from '@/stores/preferences'
import { useSession } from '@/stores/session'

vi.mock('@/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api')>()),
  fetchMessages: vi.fn(),
  markAllMessagesRead: vi.fn(),
}))

const list = vi.mocked(fetchMessages)
const readAll = vi.mocked(markAllMessagesRead)

const UNREAD: UnreadCounts = { total: 120, byKind: { announcement: 3, chargeback: 100, fraud: 17, retrieval: 0, refund: 0, reminder: 0, summary: 0 } }
const NONE: UnreadCounts = { total: 0, byKind: { announcement: 0, chargeback: 0, fraud: 0, retrieval: 0, refund: 0, reminder: 0, summary: 0 } }

function message(id: number, overrides: Partial<MessageItem> = {}): MessageItem {
  return {
    id: String(id),
    kind: 'chargeback',
    title: null,
    paymentId: `26100114010500${id}`,
    orderNumber: `OD${id}`,
    amount: { currency: 'SEK', amount: '1111.22' },
    reasonCode: '4837',
    reason: 'No cardholder authorization',
    deadlineAt: '2026-11-28T22:25:35+08:00',
    createdAt: '2026-11-18T22:25:35+08:00',
    refundOutcome: null,
    reminder: null,
    summary: null,
    read: false,
    ...overrides,
  }
}

/** The server: the badge's `limit: 1` probe, and list pages of two rows each, the second page with a cursor. */
let unread = UNREAD
function answer(query: MessagesQuery): Promise<MessagesPageData> {
  if (query.limit === 1) return Promise.resolve({ items: [], nextCursor: null, unread })
  if (query.cursor === 'page-2') return Promise.resolve({ items: [message(3)], nextCursor: null, unread })
  return Promise.resolve({
    items: [message(1), message(2, {
        kind: 'announcement',
        title: { 'zh-CN': '系统维护公告', 'en-US': 'System maintenance' },
        paymentId: null,
        orderNumber: null,
        amount: null,
        reasonCode: null,
        reason: null,
        deadlineAt: null,
        read: true,
      })],
    nextCursor: 'page-2',
    unread,
  })
}

const listCalls = () => list.mock.calls.map(([query]) => query).filter((query) => query.limit !== 1)

beforeEach(() => {
  unread = UNREAD
  list.mockReset().mockImplementation(answer)
  readAll.mockReset()
  useSession.setState({ token: 'token', signingKey: 'a'.repeat(64) })
  useUnreadStore.getState().reset()
  vi.mocked(Taro.setTabBarBadge).mockClear()
  vi.mocked(Taro.removeTabBarBadge).mockClear()
})

async function renderLoaded() {
  render(<MessagesPage />)
  await screen.findByText('订单 OD1 被拒付')
}

describe('messages page', () => {
  it('lists each message once: kind, time, unread dot; what happened to which order; how much, by when, why', async () => {
    await renderLoaded()
    const row = screen.getByTestId('message-1')
    expect(row.textContent).toContain('拒付通知')
    expect(row.textContent).toContain('2026-11-18 22:25:35')
    expect(screen.getByTestId('message-1-title').textContent).toBe('订单 OD1 被拒付')
    // The amount grouped as all money is (one formatter), the deadline, the reason as the notice gave it.
    expect(screen.getByTestId('message-1-summary').textContent).toBe(
      'SEK 1,111.22  ·  2026-11-28 前处理  ·  4837 No cardholder authorization',
    )
    // Issue 11: the type and the order number were repeated three times.
    expect(row.textContent?.split('拒付').length).toBe(3)
    expect(row.textContent?.split('OD1').length).toBe(2)
    expect(screen.getByTestId('message-1-unread')).toBeTruthy()
    expect(screen.queryByTestId('message-2-unread')).toBeNull()
    expect(screen.getByTestId('message-2').textContent).toContain('系统公告')
    // An announcement's title takes both lines: no empty second line.
    expect(screen.getByTestId('message-2-title').className).toContain('--two-lines')
    expect(screen.queryByTestId('message-2-summary')).toBeNull()
  })

  it('words every message in the reader\'s language (English: no Chinese title or announcement)', async () => {
    usePreferences.setState({ locale: 'en-US' })
    try {
      render(<MessagesPage />)
      await screen.findByText('Chargeback on order OD1')
      expect(screen.getByTestId('message-1-summary').textContent).toBe(
        'SEK 1,111.22  ·  answer by 2026-11-28  ·  4837 No cardholder authorization',
      )
      expect(screen.getByTestId('message-2-title').textContent).toBe('System maintenance')
    } finally {
      usePreferences.setState({ locale: 'zh-CN' })
    }
  })

  it('shows the unread count of each kind on its chip and on the tab badge (99+ above 99)', async () => {
    await renderLoaded()
    expect(screen.getByTestId('message-type-all-count').textContent).toBe('99+')
    expect(screen.getByTestId('message-type-fraud-count').textContent).toBe('17')
    expect(screen.queryByTestId('message-type-retrieval-count')).toBeNull()
    await waitFor(() => expect(Taro.setTabBarBadge).toHaveBeenLastCalledWith({ index: 1, text: '99+' }))
  })

  it('asks the server for the chosen kind, and for unread only when the switch is on', async () => {
    await renderLoaded()
    expect(listCalls()).toEqual([{}])
    fireEvent.click(screen.getByTestId('message-type-fraud'))
    expect(screen.getByTestId('message-type-fraud').className).toContain('--active')
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ kind: 'fraud' }))
    fireEvent.click(screen.getByTestId('only-unread'))
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ kind: 'fraud', unreadOnly: true }))
    fireEvent.click(screen.getByTestId('message-type-all'))
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ unreadOnly: true }))
  })

  it('appends the next page with the cursor, then says there is no more', async () => {
    await renderLoaded()
    fireEvent.click(screen.getByTestId('messages-load-more'))
    await screen.findByText('订单 OD3 被拒付')
    expect(listCalls().at(-1)).toEqual({ cursor: 'page-2' })
    expect(screen.getByTestId('message-1')).toBeTruthy()
    expect(screen.getByText('没有更多了')).toBeTruthy()
  })

  it('opens the detail of a tapped message', async () => {
    await renderLoaded()
    fireEvent.click(screen.getByTestId('message-1'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/message-detail/index?id=1' })
  })

  it('marks all of the chosen kind read after confirmation, reloads, and drops the badge', async () => {
    await renderLoaded()
    fireEvent.click(screen.getByTestId('message-type-chargeback'))
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ kind: 'chargeback' }))
    readAll.mockImplementation(async () => {
      unread = NONE
      return { marked: 100, unread: NONE }
    })
    const before = listCalls().length

    await act(async () => fireEvent.click(screen.getByTestId('read-all')))

    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '将「拒付通知」的 100 条未读消息标为已读？' }))
    expect(readAll).toHaveBeenCalledWith({ kind: 'chargeback' })
    await waitFor(() => expect(listCalls().length).toBe(before + 1))
    await waitFor(() => expect(Taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 1 }))
    expect(screen.queryByTestId('message-type-all-count')).toBeNull()
  })

  it('does nothing when the confirmation is cancelled, and says so when nothing is unread', async () => {
    await renderLoaded()
    vi.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as never)
    await act(async () => fireEvent.click(screen.getByTestId('read-all')))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '将全部 120 条未读消息标为已读？' }))
    expect(readAll).not.toHaveBeenCalled()

    fireEvent.click(screen.getByTestId('message-type-retrieval'))
    vi.mocked(Taro.showModal).mockClear()
    await act(async () => fireEvent.click(screen.getByTestId('read-all')))
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '没有未读消息', icon: 'none' })
  })

  it('shows the rows opened on the detail page as read', async () => {
    await renderLoaded()
    act(() => useUnreadStore.getState().markOpened('1'))
    expect(screen.queryByTestId('message-1-unread')).toBeNull()
  })

  it('under "仅显示未读" drops a message once it is read on the detail page (issue 11)', async () => {
    await renderLoaded()
    fireEvent.click(screen.getByTestId('only-unread'))
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ unreadOnly: true }))
    await screen.findByTestId('message-1')
    act(() => useUnreadStore.getState().markOpened('1'))
    expect(screen.queryByTestId('message-1')).toBeNull()
  })

  it('offers to clear the filters when a filtered list is empty, and only a refresh hint when none is set', async () => {
    list.mockImplementation((query) => Promise.resolve({ items: [], nextCursor: null, unread: query.limit === 1 ? unread : NONE }))
    render(<MessagesPage />)
    await screen.findByText('查询结果为空')
    expect(screen.queryByTestId('state-empty-clear')).toBeNull()
    expect(screen.getByText('下拉可刷新')).toBeTruthy()
    fireEvent.click(screen.getByTestId('message-type-fraud'))
    fireEvent.click(await screen.findByTestId('state-empty-clear'))
    await waitFor(() => expect(listCalls().at(-1)).toEqual({}))
    expect(screen.getByTestId('message-type-all').className).toContain('--active')
  })

  it('shows an error with retry, and the empty state', async () => {
    list.mockImplementation((query) =>
      query.limit === 1 ? answer(query) : Promise.reject(new ApiClientError({ kind: 'network', code: 'NETWORK', status: 0, message: 'offline' })),
    )
    render(<MessagesPage />)
    await screen.findByTestId('state-error')
    expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    list.mockImplementation((query) => Promise.resolve({ items: [], nextCursor: null, unread: query.limit === 1 ? unread : NONE }))
    fireEvent.click(screen.getByTestId('state-retry'))
    await screen.findByText('查询结果为空')
    // The chips stay usable whatever the list shows.
    expect(screen.getByText('伪冒通知')).toBeTruthy()
  })
})
