/**
 * The session store with a fake clock: what it persists (only token, signing key, profile, idle limit and
 * hiddenAt), the ten-minute rule at 9:59 and 10:00, the rule across a relaunch, and logging out.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import { demoLogin } from '../../fixtures/login'

const storage = vi.hoisted(() => new Map<string, unknown>())
vi.mock('@tarojs/taro', () => ({
  default: {
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
  },
}))

type SessionModule = typeof import('@/stores/session')

/** A fresh module instance over the current storage: what a relaunch of the mini-program does. */
async function launch(): Promise<SessionModule> {
  vi.resetModules()
  return import('@/stores/session')
}

const LOGIN: LoginResponse = demoLogin({ token: 'tok_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', signingKey: 'ab'.repeat(32), profile: { permissions: ['refund'] } })

const T0 = Date.UTC(2025, 5, 1, 2, 0, 0)
const MINUTE = 60_000

function stored(key: string): { state: Record<string, unknown>; version: number } {
  return JSON.parse(String(storage.get(key))) as { state: Record<string, unknown>; version: number }
}

beforeEach(() => storage.clear())

describe('session store', () => {
  it('persists exactly token, signing key, profile, idle limit and hiddenAt — as persistedSessionValue says', async () => {
    const { useSession, SESSION_STORAGE_KEY, persistedSessionValue } = await launch()
    useSession.getState().signIn(LOGIN)
    expect(Object.keys(stored(SESSION_STORAGE_KEY).state).sort()).toEqual(['hiddenAt', 'idleLimitSeconds', 'profile', 'signingKey', 'token'])
    expect(storage.get(SESSION_STORAGE_KEY)).toBe(persistedSessionValue(LOGIN))
    expect([...storage.keys()]).toEqual([SESSION_STORAGE_KEY])
    expect(useSession.getState().isSignedIn()).toBe(true)
  })

  it('a stored session is there at the first read after launch (synchronous storage)', async () => {
    const first = await launch()
    storage.set(first.SESSION_STORAGE_KEY, first.persistedSessionValue(LOGIN))
    const { useSession } = await launch()
    expect(useSession.getState()).toMatchObject({ token: LOGIN.token, signingKey: LOGIN.signingKey, profile: LOGIN.profile })
  })

  it('hidden 9:59 → active (and hiddenAt forgotten); hidden 10:00 → expired', async () => {
    const { useSession, SESSION_STORAGE_KEY } = await launch()
    useSession.getState().signIn(LOGIN)
    useSession.getState().markHidden(T0)
    expect(stored(SESSION_STORAGE_KEY).state.hiddenAt).toBe(T0)
    expect(useSession.getState().markShown(T0 + 10 * MINUTE - 1_000)).toBe('active')
    expect(useSession.getState().hiddenAt).toBeNull()
    expect(stored(SESSION_STORAGE_KEY).state.hiddenAt).toBeNull()

    useSession.getState().markHidden(T0)
    expect(useSession.getState().markShown(T0 + 10 * MINUTE)).toBe('expired')
    expect(useSession.getState().isSignedIn()).toBe(false)
    expect(stored(SESSION_STORAGE_KEY).state).toMatchObject({ token: null, signingKey: null, profile: null })
  })

  it('the limit follows the server idle limit of the login answer', async () => {
    const { useSession } = await launch()
    useSession.getState().signIn({ ...LOGIN, expiresIn: 4 })
    useSession.getState().markHidden(T0)
    expect(useSession.getState().markShown(T0 + 3_999)).toBe('active')
    useSession.getState().markHidden(T0)
    expect(useSession.getState().markShown(T0 + 4_000)).toBe('expired')
  })

  it('the rule survives a relaunch: hiddenAt is persisted', async () => {
    const before = await launch()
    before.useSession.getState().signIn(LOGIN)
    before.useSession.getState().markHidden(T0)

    const relaunched = await launch()
    expect(relaunched.useSession.getState().hiddenAt).toBe(T0)
    expect(relaunched.useSession.getState().markShown(T0 + 10 * MINUTE)).toBe('expired')

    const again = await launch()
    expect(again.useSession.getState().isSignedIn()).toBe(false)
  })

  it('a relaunch within the limit keeps the session', async () => {
    const before = await launch()
    before.useSession.getState().signIn(LOGIN)
    before.useSession.getState().markHidden(T0)
    const relaunched = await launch()
    expect(relaunched.useSession.getState().markShown(T0 + 9 * MINUTE + 59_000)).toBe('active')
    expect(relaunched.useSession.getState().token).toBe(LOGIN.token)
  })

  it('signing out removes token, key and profile from storage', async () => {
    const { useSession, SESSION_STORAGE_KEY } = await launch()
    useSession.getState().signIn(LOGIN)
    useSession.getState().signOut()
    const raw = String(storage.get(SESSION_STORAGE_KEY) ?? '')
    expect(raw).not.toContain(LOGIN.token)
    expect(raw).not.toContain(LOGIN.signingKey)
    expect(raw).not.toContain('张敏')
    expect(useSession.getState().markShown(T0)).toBe('signed-out')
  })

  it('hiding without a session records nothing', async () => {
    const { useSession } = await launch()
    useSession.getState().markHidden(T0)
    expect(useSession.getState().hiddenAt).toBeNull()
  })

  it('a session persisted by another version is not trusted', async () => {
    const { SESSION_STORAGE_KEY } = await launch()
    storage.set(SESSION_STORAGE_KEY, JSON.stringify({ state: { token: 'old', signingKey: 'cd'.repeat(32), profile: null }, version: 0 }))
    const { useSession } = await launch()
    expect(useSession.getState().isSignedIn()).toBe(false)
  })
})
