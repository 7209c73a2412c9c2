/**
 * Issue 12 item 5: the H5 build keeps the session (and its signing key) in memory and the tab's sessionStorage,
 * never localStorage; the weapp build keeps Taro storage.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { demoLogin } from '../../fixtures/login'

vi.mock('@tarojs/taro', () => ({
  default: { getStorageSync: () => '', setStorageSync: () => undefined, removeStorageSync: () => undefined },
}))

/** A Web Storage over a Map. */
function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  }
}

const SIGNING_KEY = 'cd'.repeat(32)

afterEach(() => {
  vi.unstubAllGlobals()
  vi.unstubAllEnvs()
  vi.resetModules()
})

describe('the session storage', () => {
  it('weapp: Taro storage, as before', async () => {
    const { sessionStorageFor } = await import('@/stores/session-storage')
    const { taroStorage } = await import('@/stores/taro-storage')
    expect(sessionStorageFor('weapp')).toBe(taroStorage)
    expect(sessionStorageFor(undefined)).toBe(taroStorage)
  })

  it('H5: the signed-in session lands in sessionStorage (Taro wrapping), nothing in localStorage', async () => {
    const session = memoryStorage()
    const local = memoryStorage()
    // What an older build left behind: removed on first read.
    local.setItem('op-session', JSON.stringify({ data: '{"state":{"signingKey":"old"}}' }))
    vi.stubGlobal('window', { sessionStorage: session, localStorage: local })
    vi.stubEnv('TARO_ENV', 'h5')
    const { useSession, SESSION_STORAGE_KEY } = await import('@/stores/session')
    useSession.getState().signIn(demoLogin({ signingKey: SIGNING_KEY }))

    const item = session.getItem(SESSION_STORAGE_KEY)
    expect(JSON.parse(JSON.parse(item ?? '{}').data as string).state.signingKey).toBe(SIGNING_KEY)
    expect(local.length).toBe(0)

    // A reload of the tab: a fresh module reads the session back from sessionStorage.
    vi.resetModules()
    const reloaded = await import('@/stores/session')
    expect(reloaded.useSession.getState().signingKey).toBe(SIGNING_KEY)

    reloaded.useSession.getState().signOut()
    expect(session.getItem(SESSION_STORAGE_KEY) ?? '').not.toContain(SIGNING_KEY)
  })

  it('H5: an unreadable item counts as signed out', async () => {
    const { browserSessionStorage } = await import('@/stores/session-storage')
    const session = memoryStorage()
    session.setItem('op-session', 'not json')
    expect(browserSessionStorage(session, undefined).getItem('op-session')).toBeNull()
  })
})
