/**
 * Where the session (token, request-signing key, profile, hiddenAt) is kept between launches.
 *
 * - weapp: Taro storage (wx.setStorageSync), as before: private to the mini-program, and the only storage WeChat
 *   offers that survives the relaunches the ten-minute rule covers.
 * - H5: the tab's sessionStorage, never localStorage. The key lives in memory (the Zustand store) while the page
 *   runs; sessionStorage only carries it across a reload of the same tab — enough for the ten-minute rule, which
 *   is about coming back to the app, not about a closed tab. localStorage would keep a signing key on the disk of a
 *   shared browser for good and hand it to every tab. docs/signed-requests.md has the reasoning.
 *
 * The H5 values keep Taro's `{ data }` wrapping, so tools that read the stored session see one format.
 */
import type { StateStorage } from 'zustand/middleware'
import { taroStorage } from './taro-storage'

/** `window.sessionStorage` with Taro's value wrapping; a leftover localStorage copy (older builds) is removed. */
export function browserSessionStorage(session: Storage, legacy: Storage | undefined): StateStorage {
  return {
    getItem(name) {
      legacy?.removeItem(name)
      const item = session.getItem(name)
      if (item === null) return null
      try {
        const { data } = JSON.parse(item) as { data?: unknown }
        return typeof data === 'string' && data !== '' ? data : null
      } catch {
        return null
      }
    },
    setItem(name, value) {
      session.setItem(name, JSON.stringify({ data: value }))
    },
    removeItem(name) {
      session.removeItem(name)
      legacy?.removeItem(name)
    },
  }
}

/** The session's storage for this build (`process.env.TARO_ENV` is replaced at build time). */
export function sessionStorageFor(platform: string | undefined): StateStorage {
  if (platform === 'h5' && typeof window !== 'undefined' && window.sessionStorage !== undefined) {
    return browserSessionStorage(window.sessionStorage, window.localStorage)
  }
  return taroStorage
}
