/**
 * The app shell's session wiring with a fake clock and a mocked Taro: the ten-minute rule on show (9:59 stays,
 * 10:00 goes to login), across a relaunch, the heartbeat while in the foreground (and not in the background), a
 * dead session found by a heartbeat or any request, and logging out.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import { demoLogin } from '../../../fixtures/login'

interface SentRequest {
  url: string
  method: string
  header: Record<string, string>
  data?: string
}

const taro = vi.hoisted(() => {
  const storage = new Map<string, unknown>()
  const state = { pages: [] as { route: string }[] }
  return {
    storage,
    state,
    request: vi.fn(),
    reLaunch: vi.fn((options: { url: string }) => {
      state.pages = [{ route: options.url.slice(1).split('?')[0] }]
      return Promise.resolve({ errMsg: 'reLaunch:ok' })
    }),
    switchTab: vi.fn((options: { url: string }) => {
      state.pages = [{ route: options.url.slice(1) }]
      return Promise.resolve({ errMsg: 'switchTab:ok' })
    }),
  }
})

vi.mock('@tarojs/taro', () => ({
  default: {
    request: taro.request,
    reLaunch: taro.reLaunch,
    switchTab: taro.switchTab,
    getCurrentPages: () => taro.state.pages,
    getStorageSync: (key: string) => (taro.storage.has(key) ? taro.storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void taro.storage.set(key, value),
    removeStorageSync: (key: string) => void taro.storage.delete(key),
  },
}))

const LOGIN: LoginResponse = demoLogin()

const MINUTE = 60_000
const LOGIN_URL = '/pages/login/index'
const EXPIRED_URL = '/pages/login/index?reason=expired'

type Modules = {
  shell: typeof import('@/features/auth/app-session')
  session: typeof import('@/stores/session')
  api: typeof import('@/api')
}

/** A launch of the mini-program: fresh modules over the current storage, wired as src/app.ts does. */
async function launch(): Promise<Modules> {
  vi.resetModules()
  const shell = await import('@/features/auth/app-session')
  const session = await import('@/stores/session')
  const api = await import('@/api')
  shell.wireSession()
  return { shell, session, api }
}

function answer(statusCode: number, body: unknown) {
  return { statusCode, data: body === undefined ? '' : JSON.stringify(body), header: {} }
}

/** The server, as far as these tests need it: heartbeat, logout, todos; `dead` makes every signed call 401. */
const server = { dead: false, down: false }
function routeRequests(): void {
  taro.request.mockImplementation(async (options: SentRequest) => {
    if (server.down) throw { errMsg: 'request:fail' }
    if (server.dead) return answer(401, { error: { code: 'SESSION_EXPIRED', message: 'idle' } })
    if (options.url === '/api/auth/heartbeat') return answer(200, { expiresIn: 600 })
    if (options.url === '/api/auth/logout') return answer(204, undefined)
    return answer(200, {})
  })
}

const heartbeats = () => taro.request.mock.calls.filter(([options]) => (options as SentRequest).url === '/api/auth/heartbeat')

let now: number

beforeEach(() => {
  vi.useFakeTimers()
  now = Date.UTC(2025, 5, 1, 2, 0, 0)
  vi.setSystemTime(now)
  taro.storage.clear()
  taro.state.pages = [{ route: 'pages/home/index' }]
  taro.request.mockReset()
  taro.reLaunch.mockClear()
  taro.switchTab.mockClear()
  server.dead = false
  server.down = false
  routeRequests()
})

afterEach(() => {
  vi.useRealTimers()
})

async function signedIn(login: LoginResponse = LOGIN): Promise<Modules> {
  const modules = await launch()
  modules.session.useSession.getState().signIn(login)
  modules.shell.handleAppShow(now)
  return modules
}

describe('the ten-minute rule on show', () => {
  it('9:59 in the background: the session stays, no navigation', async () => {
    const { shell, session } = await signedIn()
    shell.handleAppHide(now)
    shell.handleAppShow(now + 10 * MINUTE - 1_000)
    expect(taro.reLaunch).not.toHaveBeenCalled()
    expect(session.useSession.getState().isSignedIn()).toBe(true)
  })

  it('10:00 in the background: the session ends and the app goes to login, saying why', async () => {
    const { shell, session } = await signedIn()
    const cleared = vi.fn()
    shell.onSignOut(cleared)
    shell.handleAppHide(now)
    shell.handleAppShow(now + 10 * MINUTE)
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: EXPIRED_URL })
    expect(session.useSession.getState().isSignedIn()).toBe(false)
    expect(cleared).toHaveBeenCalledTimes(1)
    expect(String(taro.storage.get(session.SESSION_STORAGE_KEY))).not.toContain(LOGIN.token)
  })

  it('survives a relaunch: hidden before the app was killed, launched 10 minutes later → login', async () => {
    const first = await signedIn()
    first.shell.handleAppHide(now)

    const relaunched = await launch()
    relaunched.shell.handleAppShow(now + 10 * MINUTE)
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: EXPIRED_URL })
    expect(relaunched.session.useSession.getState().isSignedIn()).toBe(false)
  })

  it('a relaunch within the limit keeps the user in', async () => {
    const first = await signedIn()
    first.shell.handleAppHide(now)
    const relaunched = await launch()
    relaunched.shell.handleAppShow(now + 5 * MINUTE)
    expect(taro.reLaunch).not.toHaveBeenCalled()
    expect(relaunched.session.useSession.getState().isSignedIn()).toBe(true)
  })

  it('showing without a session goes to login (no reason), unless login is already showing', async () => {
    const { shell } = await launch()
    shell.handleAppShow(now)
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: LOGIN_URL })
    await vi.advanceTimersByTimeAsync(0)
    taro.reLaunch.mockClear()
    taro.state.pages = [{ route: 'pages/login/index' }]
    shell.handleAppShow(now)
    expect(taro.reLaunch).not.toHaveBeenCalled()
  })
})

describe('heartbeat', () => {
  it('beats at half the idle limit (at most every 4 minutes) while in the foreground, signed', async () => {
    expect((await launch()).shell.heartbeatIntervalMs(600)).toBe(240_000)
    await signedIn()
    await vi.advanceTimersByTimeAsync(240_000 - 1)
    expect(heartbeats()).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(heartbeats()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(2 * 240_000)
    expect(heartbeats()).toHaveLength(3)
    const [options] = heartbeats()[0] as [SentRequest]
    expect(options.method).toBe('POST')
    expect(options.header['X-OP-Session']).toBe(LOGIN.token)
    expect(options.header['X-OP-Sign']).toMatch(/^[0-9a-f]{64}$/)
  })

  it('follows a short server idle limit (4 s → every 2 s)', async () => {
    await signedIn({ ...LOGIN, expiresIn: 4 })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(heartbeats()).toHaveLength(5)
  })

  it('stops on hide and starts again on show', async () => {
    const { shell } = await signedIn()
    shell.handleAppHide(Date.now())
    await vi.advanceTimersByTimeAsync(9 * MINUTE)
    expect(heartbeats()).toHaveLength(0)
    shell.handleAppShow(Date.now())
    await vi.advanceTimersByTimeAsync(240_000)
    expect(heartbeats()).toHaveLength(1)
  })

  it('a heartbeat that finds the session dead sends the app to login', async () => {
    const { session } = await signedIn()
    server.dead = true
    await vi.advanceTimersByTimeAsync(240_000)
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: EXPIRED_URL })
    expect(session.useSession.getState().isSignedIn()).toBe(false)
    // And it stops beating.
    await vi.advanceTimersByTimeAsync(10 * 240_000)
    expect(heartbeats()).toHaveLength(1)
  })

  it('a heartbeat lost to the network keeps the session and beats again', async () => {
    const { session } = await signedIn()
    server.down = true
    await vi.advanceTimersByTimeAsync(240_000)
    server.down = false
    await vi.advanceTimersByTimeAsync(240_000)
    expect(heartbeats()).toHaveLength(2)
    expect(taro.reLaunch).not.toHaveBeenCalled()
    expect(session.useSession.getState().isSignedIn()).toBe(true)
  })
})

describe('a dead session found by any request', () => {
  it('goes to login once, however many requests fail together', async () => {
    const { api } = await signedIn()
    server.dead = true
    const results = await Promise.allSettled([api.fetchTodos(), api.fetchFunds(), api.fetchMe()])
    expect(results.every((result) => result.status === 'rejected')).toBe(true)
    expect(taro.reLaunch).toHaveBeenCalledTimes(1)
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: EXPIRED_URL })
  })
})

describe('a page reached without a session', () => {
  it('its first request sends the app to login, without calling the session expired', async () => {
    const { api } = await launch()
    await expect(api.fetchTodos()).rejects.toMatchObject({ kind: 'session-expired' })
    expect(taro.request).not.toHaveBeenCalled()
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: LOGIN_URL })
  })
})

describe('log in and log out', () => {
  it('enterApp opens the home tab and starts the heartbeat', async () => {
    const { shell, session } = await launch()
    session.useSession.getState().signIn(LOGIN)
    shell.enterApp()
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' })
    await vi.advanceTimersByTimeAsync(240_000)
    expect(heartbeats()).toHaveLength(1)
  })

  it('logOutAndLeave ends the session on the server, clears storage, goes to login, stops beating', async () => {
    const { shell, session } = await signedIn()
    await shell.logOutAndLeave()
    const logout = taro.request.mock.calls.map(([options]) => options as SentRequest).find((options) => options.url === '/api/auth/logout')
    expect(logout?.header['X-OP-Session']).toBe(LOGIN.token)
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: LOGIN_URL })
    const raw = String(taro.storage.get(session.SESSION_STORAGE_KEY))
    expect(raw).not.toContain(LOGIN.token)
    expect(raw).not.toContain(LOGIN.signingKey)
    expect(raw).not.toContain(LOGIN.profile.username)
    await vi.advanceTimersByTimeAsync(10 * MINUTE)
    expect(heartbeats()).toHaveLength(0)
  })

  it('logs out locally even when the server cannot be reached', async () => {
    const { shell, session } = await signedIn()
    server.down = true
    await shell.logOutAndLeave()
    expect(session.useSession.getState().isSignedIn()).toBe(false)
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: LOGIN_URL })
  })
})
