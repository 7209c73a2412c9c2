/** The unread badge: its text, the store's transitions, and clearing itself when the session changes. */
import { beforeEach, describe, expect, it, vi } from 'vitest'

const taro = vi.hoisted(() => ({
  setTabBarBadge: vi.fn(() => Promise.resolve()),
  removeTabBarBadge: vi.fn(() => Promise.reject(new Error('not a tab page'))),
  getStorageSync: vi.fn(() => ''),
  setStorageSync: vi.fn(),
  removeStorageSync: vi.fn(),
}))
vi.mock('@tarojs/taro', () => ({ default: taro, useDidShow: vi.fn(), useDidHide: vi.fn() }))
const api = vi.hoisted(() => ({ fetchMessages: vi.fn() }))
vi.mock('@/api', () => api)

const { badgeText, applyTabBarBadge, refreshUnreadCounts, useUnreadStore } = await import('@/features/messages/unread-badge')
const { messagesQuery } = await import('@/features/messages/kinds')
const { useSession } = await import('@/stores/session')

const counts = (total: number) => ({ total, byKind: { announcement: total, chargeback: 0, fraud: 0, retrieval: 0, refund: 0, reminder: 0, summary: 0 } })

beforeEach(() => {
  useUnreadStore.getState().reset()
  useSession.setState({ token: null, signingKey: null })
  vi.clearAllMocks()
})

describe('badgeText', () => {
  it('is nothing at 0 (or a nonsense count), the number up to 99, then 99+', () => {
    expect(badgeText(0)).toBeNull()
    expect(badgeText(-3)).toBeNull()
    expect(badgeText(Number.NaN)).toBeNull()
    expect(badgeText(1)).toBe('1')
    expect(badgeText(99)).toBe('99')
    expect(badgeText(100)).toBe('99+')
    expect(badgeText(4321)).toBe('99+')
  })
})

describe('applyTabBarBadge', () => {
  it('sets the Messages tab (index 1) badge, or removes it at 0 — a refusal is swallowed', async () => {
    applyTabBarBadge(7)
    expect(taro.setTabBarBadge).toHaveBeenCalledWith({ index: 1, text: '7' })
    applyTabBarBadge(0)
    expect(taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 1 })
    await new Promise((resolve) => setTimeout(resolve, 0)) // the rejected removal must not surface
  })
})

describe('the unread store', () => {
  it('keeps the latest counts and the opened ids (each once)', () => {
    const store = useUnreadStore.getState()
    store.setCounts(counts(5))
    store.markOpened('12')
    const afterFirst = useUnreadStore.getState().openedIds
    store.markOpened('12')
    expect(useUnreadStore.getState().openedIds).toBe(afterFirst)
    expect(useUnreadStore.getState()).toMatchObject({ counts: counts(5), openedIds: { '12': true } })
  })

  it('clears itself and the badge when the session ends or another user logs in', () => {
    useSession.setState({ token: 'user-a', signingKey: 'k' })
    useUnreadStore.getState().setCounts(counts(5))
    useUnreadStore.getState().markOpened('3')
    taro.removeTabBarBadge.mockClear()

    useSession.getState().signOut()
    expect(useUnreadStore.getState()).toMatchObject({ counts: null, openedIds: {} })
    expect(taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 1 })

    useUnreadStore.getState().setCounts(counts(2))
    useSession.setState({ token: 'user-b', signingKey: 'k' })
    expect(useUnreadStore.getState().counts).toBeNull()
  })

  it('refreshes from the cheapest list page only when signed in', async () => {
    api.fetchMessages.mockResolvedValue({ items: [], nextCursor: null, unread: counts(42) })
    expect(await refreshUnreadCounts()).toBeNull()
    expect(api.fetchMessages).not.toHaveBeenCalled()

    useSession.setState({ token: 't', signingKey: 'k' })
    expect(await refreshUnreadCounts()).toEqual(counts(42))
    expect(api.fetchMessages).toHaveBeenCalledWith({ limit: 1 })
    expect(useUnreadStore.getState().counts).toEqual(counts(42))
  })
})

describe('messagesQuery', () => {
  it('sends the kind and only-unread only when set, plus the cursor', () => {
    expect(messagesQuery({ kind: undefined, unreadOnly: false })).toEqual({})
    expect(messagesQuery({ kind: 'fraud', unreadOnly: true }, 'c1')).toEqual({ kind: 'fraud', unreadOnly: true, cursor: 'c1' })
  })
})
