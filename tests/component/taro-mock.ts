/**
 * A small stand-in for `@tarojs/taro` in jsdom component tests: every API the pages call is a vitest spy
 * with a sensible default, storage is an in-memory map, and lifecycle hooks run as React effects.
 */
import { useEffect } from 'react'
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
}

/** Forgets stored values and recorded calls; the setup file calls it before each test. */
export function resetTaroMock(): void {
  storage.clear()
  Object.values(Taro).forEach((fn) => fn.mockClear())
}

const onMount = (callback: () => void) => useEffect(() => callback(), [])

export const useLaunch = onMount
export const useLoad = onMount
export const useDidShow = onMount
export const useReady = onMount
export const useDidHide = (_callback: () => void) => undefined
export const usePullDownRefresh = (_callback: () => void) => undefined
export const useReachBottom = (_callback: () => void) => undefined
export const useRouter = () => ({ params: {}, path: '' })

export default Taro
