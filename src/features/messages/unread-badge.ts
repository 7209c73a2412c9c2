/**
 * Unread messages for the whole app: the counts behind the Messages tab's badge and the filter chips, and the
 * messages read on the detail page since the list was loaded (so the list shows them read without reloading).
 * `useUnreadBadge()` is called by the three tab pages: on each show it fetches the counts and sets the badge.
 * Per-user state: it clears itself whenever the session token changes (log out, expiry, another login).
 */
import { useEffect, useRef } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { create } from 'zustand'
import { fetchMessages } from '@/api'
import { useSession } from '@/stores/session'
import type { UnreadCounts } from '@contract/messages'

/** Position of 消息 in app.config.ts's tabBar list. */
export const MESSAGES_TAB_INDEX = 1

interface UnreadState {
  counts: UnreadCounts | null
  /** Ids opened (hence read on the server) since the lists were loaded. */
  openedIds: Readonly<Record<string, true>>
  setCounts: (counts: UnreadCounts) => void
  markOpened: (id: string) => void
  reset: () => void
}

export const useUnreadStore = create<UnreadState>()((set) => ({
  counts: null,
  openedIds: {},
  setCounts: (counts) => set({ counts }),
  markOpened: (id) => set((state) => (state.openedIds[id] ? state : { openedIds: { ...state.openedIds, [id]: true } })),
  reset: () => set({ counts: null, openedIds: {} }),
}))

/** The badge text for an unread total: none at 0, "99+" above 99 (WeChat shows at most a few characters). */
export function badgeText(total: number): string | null {
  if (!Number.isFinite(total) || total <= 0) return null
  return total > 99 ? '99+' : String(Math.floor(total))
}

/** Shows or removes the badge. Fails harmlessly where there is no tab bar (login, a pushed page in weapp). */
export function applyTabBarBadge(total: number): void {
  const text = badgeText(total)
  const done = text === null ? Taro.removeTabBarBadge({ index: MESSAGES_TAB_INDEX }) : Taro.setTabBarBadge({ index: MESSAGES_TAB_INDEX, text })
  void Promise.resolve(done).catch(() => undefined)
}

/** Asks the server for the counts (the cheapest list page carries them) and stores them. */
export async function refreshUnreadCounts(): Promise<UnreadCounts | null> {
  if (!useSession.getState().isSignedIn()) return null
  const page = await fetchMessages({ limit: 1 })
  useUnreadStore.getState().setCounts(page.unread)
  return page.unread
}

/** Clears the counts and the badge; runs by itself on every session change, exported for the app shell too. */
export function resetUnreadBadge(): void {
  useUnreadStore.getState().reset()
  applyTabBarBadge(0)
}

useSession.subscribe((state, previous) => {
  if (state.token !== previous.token) resetUnreadBadge()
})

/**
 * For the tab pages: refreshes the counts on every show and keeps the badge in step with them while the page is
 * in front (WeChat refuses tab bar calls from a page pushed over the tabs). Returns the counts.
 */
export function useUnreadBadge(): UnreadCounts | null {
  const counts = useUnreadStore((state) => state.counts)
  const total = counts?.total
  const inFront = useRef(false)

  useDidShow(() => {
    inFront.current = true
    const known = useUnreadStore.getState().counts
    if (known !== null) applyTabBarBadge(known.total)
    // The badge is a hint: when the count cannot be fetched the page itself shows the error, not the tab bar.
    refreshUnreadCounts().catch(() => undefined)
  })
  useDidHide(() => {
    inFront.current = false
  })
  useEffect(() => {
    if (total !== undefined && inFront.current) applyTabBarBadge(total)
  }, [total])

  return counts
}
