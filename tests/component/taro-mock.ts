/**
 * A small stand-in for `@tarojs/taro` in jsdom component tests: every API the pages call is a vitest spy
 * with a sensible default, storage is an in-memory map, and lifecycle hooks run as React effects.
 */
import { useEffect, useRef } from 'react'
import { vi } from 'vitest'

const storage = new Map<string, unknown>()

const resolved = () => Promise.resolve({ errMsg: 'ok' })

const Taro = {
  navigateTo: vi.fn(resolved),
  redirectTo: vi.fn(resolved),
  reLaunch: vi.fn(resolved),
  switchTab: vi.fn(resolved),
  navigateBack: vi.fn(resolved),
  setTabBarItem: vi.fn(resolved),
  setNavigationBarTitle: vi.fn(resolved),
  hideHomeButton: vi.fn(resolved),
  setTabBarBadge: vi.fn(resolved),
  removeTabBarBadge: vi.fn(resolved),
  makePhoneCall: vi.fn(resolved),
  setClipboardData: vi.fn(resolved),
  showToast: vi.fn(resolved),
  showModal: vi.fn(() => Promise.resolve({ confirm: true, cancel: false })),
  stopPullDownRefresh: vi.fn(),
  getStorageSync: vi.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: vi.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: vi.fn((key: string) => void storage.delete(key)),
  // The virtual list and the transactions page (a phone of 375 × 667, rpx written as px).
  getWindowInfo: vi.fn(() => ({ windowWidth: 375, windowHeight: 667 })),
  pxTransform: vi.fn((size: number) => `${size}px`),
  pageScrollTo: vi.fn(resolved),
  // Subscribe messages (features/subscriptions): the user closes the sheet unless a test says otherwise.
  requestSubscribeMessage: vi.fn((): Promise<Record<string, string>> => Promise.reject(new Error('requestSubscribeMessage:fail cancel'))),
  getSetting: vi.fn(() => Promise.resolve({ errMsg: 'getSetting:ok', subscriptionsSetting: { mainSwitch: true, itemSettings: {} } })),
}

/** Forgets stored values and recorded calls; the setup file calls it before each test. */
export function resetTaroMock(): void {
  storage.clear()
  Object.values(Taro).forEach((fn) => fn.mockClear())
}

const onMount = (callback: () => void) => useEffect(() => callback(), [])

export const useLaunch = onMount
export const useLoad = onMount
const didShowCallbacks = new Set<{ current: () => void }>()

/** Runs on mount (the first show) and again on every `showPages()`, like a page coming back to the front. */
export function useDidShow(callback: () => void): void {
  const ref = useRef(callback)
  ref.current = callback
  useEffect(() => {
    didShowCallbacks.add(ref)
    ref.current()
    return () => void didShowCallbacks.delete(ref)
  }, [])
}

/** Fires the show hook of every mounted page, as when the user comes back to it. */
export function showPages(): void {
  for (const ref of [...didShowCallbacks]) ref.current()
}
export const useReady = onMount
export const useDidHide = (_callback: () => void) => undefined
export const usePullDownRefresh = (_callback: () => void) => undefined
export const useReachBottom = (_callback: () => void) => undefined
export const usePageScroll = (_callback: (event: { scrollTop: number }) => void) => undefined
export const useRouter = () => ({ params: {}, path: '' })

export default Taro
