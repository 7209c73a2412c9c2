/**
 * The login page of the real weapp build in miniprogram-simulate, against the real server in-process
 * (support/live-server.ts): WeChat's getphonenumber event → wx.login → POST /api/auth/login → switchTab to home;
 * the refusals on screen; and the ten-minute rule of the built app at launch, on hide and on show.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import { persistedSessionValue, SESSION_STORAGE_KEY } from '../../src/stores/session-persistence'
import { bootApp, type WeappApp, type WxRequestOptions } from './harness'
import { findTaroNode } from './harness/taro-dom'
import { startLiveServer, type LiveServer } from './support/live-server'

/** miniprogram-simulate's wx.login always answers this code. */
const SIMULATE_LOGIN_CODE = '123456789'
const LOGIN_PAGE = 'pages/login/index'

let server: LiveServer
let app: WeappApp | undefined

beforeAll(async () => {
  server = await startLiveServer()
}, 120_000)

afterAll(async () => {
  await server?.close()
})

afterEach(() => {
  app?.dispose()
  app = undefined
})

async function mint(url: string, payload: object): Promise<string> {
  const response = await server.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown> })
  expect(response.statusCode).toBe(200)
  return (response.json() as { code: string }).code
}

/** What WeChat's phone dialog gives the button when the user allows: a single-use code for that phone. */
const phoneCodeFor = (phone: string) => mint('/sandbox/wechat/dev/phone-code', { phone })

/**
 * The live server, with one change: simulate's fixed wx.login code is swapped for a code the WeChat emulator
 * minted, so the login the app sends is redeemed for real. Records what the app sent to /api/auth/login.
 */
function serveWithRealLoginCodes(target: WeappApp): Array<Record<string, string>> {
  const logins: Array<Record<string, string>> = []
  target.wx.onRequest(async (options: WxRequestOptions) => {
    if (!options.url.endsWith('/api/auth/login')) return server.handler(options)
    const body = JSON.parse(String(options.data)) as Record<string, string>
    logins.push(body)
    const loginCode = body.loginCode === SIMULATE_LOGIN_CODE ? await mint('/sandbox/wechat/dev/login', {}) : body.loginCode
    return server.handler({ ...options, data: JSON.stringify({ ...body, loginCode }) })
  })
  return logins
}

function storedSession(target: WeappApp): { token: string | null; hiddenAt: number | null } {
  const raw = target.wx.storage.get(SESSION_STORAGE_KEY)
  return (JSON.parse(String(raw)) as { state: { token: string | null; hiddenAt: number | null } }).state
}

describe('login page (weapp build)', () => {
  it('a launch without a session goes to login, which shows the one-tap phone button and the hints', async () => {
    const booted = await bootApp()
    app = booted
    await expect.poll(() => booted.wx.navigations().length).toBe(1)
    expect(app.wx.navigations()).toEqual([expect.objectContaining({ api: 'reLaunch', path: '/pages/login/index' })])
    const page = await app.openPage(LOGIN_PAGE)
    expect(page.text()).toContain('Oceanpayment 商户助手')
    expect(page.textOf({ testId: 'login-one-tap' })).toBe('手机号一键登录')
    expect(page.text()).toContain('「管理号码」')
    expect(page.text()).toContain('10 分钟')
    // The native open-type button (WeChat shows its phone dialog on tap). Simulate does not render a native
    // button's attributes, so this reads the button's props in Taro's DOM, which the template binds.
    const button = findTaroNode(page.taroRoot(), (node) => node.dataset?.testid === 'login-one-tap') as { props?: Record<string, unknown> }
    expect(button.props?.openType ?? button.props?.['open-type']).toBe('getPhoneNumber')
  })

  it('getphonenumber with a code: wx.login, POST /api/auth/login with both codes, then the home tab, logged in', async () => {
    app = await bootApp()
    const logins = serveWithRealLoginCodes(app)
    const page = await app.openPage(LOGIN_PAGE)
    app.wx.clearCalls()
    const phoneCode = await phoneCodeFor('13800138000')

    await page.trigger({ testId: 'login-one-tap' }, 'getphonenumber', { code: phoneCode, errMsg: 'getPhoneNumber:ok' })
    await page.waitFor(() => app!.wx.navigations().length > 0, { message: 'no navigation after the login' })

    expect(app.wx.callsOf('login')).toHaveLength(1)
    expect(logins).toEqual([{ loginCode: SIMULATE_LOGIN_CODE, phoneCode }])
    expect(app.wx.optionsOf<{ url: string; method: string }>('request').map(({ url, method }) => [method, url.replace(/^https?:\/\/[^/]+/, '')])).toContainEqual(['POST', '/api/auth/login'])
    expect(app.wx.navigations()).toEqual([expect.objectContaining({ api: 'switchTab', path: '/pages/home/index' })])
    expect(storedSession(app).token).toMatch(/^[A-Za-z0-9_-]{43}$/)

    // The new session signs the home page's reads.
    const home = await app.openPage('pages/home/index')
    await home.waitForText('待授权')
  })

  it('getphonenumber without a code (declined, or no phone in WeChat): the message, and no request', async () => {
    app = await bootApp()
    serveWithRealLoginCodes(app)
    const page = await app.openPage(LOGIN_PAGE)
    app.wx.clearCalls()
    await page.trigger({ testId: 'login-one-tap' }, 'getphonenumber', { errMsg: 'getPhoneNumber:fail user deny' })
    await page.waitForText('未获取到手机号')
    expect(app.wx.callsOf('request')).toHaveLength(0)
    expect(app.wx.callsOf('login')).toHaveLength(0)
  })

  it('a disabled account (王芳): the "not bound, ask your administrator, 管理号码" message, no navigation', async () => {
    app = await bootApp()
    serveWithRealLoginCodes(app)
    const page = await app.openPage(LOGIN_PAGE)
    app.wx.clearCalls()
    await page.trigger({ testId: 'login-one-tap' }, 'getphonenumber', { code: await phoneCodeFor('13700137000') })
    await page.waitForText('未绑定已启用')
    expect(page.textOf({ testId: 'login-message' })).toContain('「管理号码」')
    expect(app.wx.navigations()).toEqual([])
  })
})

describe('the ten-minute rule in the weapp build', () => {
  let login: LoginResponse
  beforeAll(async () => {
    login = await server.login()
  })

  const storageHiddenFor = (ms: number) => {
    const value = JSON.parse(persistedSessionValue(login)) as { state: Record<string, unknown>; version: number }
    value.state.hiddenAt = Date.now() - ms
    return { [SESSION_STORAGE_KEY]: JSON.stringify(value) }
  }

  it('launched 10 minutes after going to the background: login, saying the session expired', async () => {
    const booted = await bootApp({ storage: storageHiddenFor(10 * 60_000) })
    app = booted
    booted.wx.onRequest(server.handler)
    await expect.poll(() => booted.wx.navigations().length).toBe(1)
    expect(app.wx.navigations()).toEqual([expect.objectContaining({ api: 'reLaunch', path: '/pages/login/index', query: { reason: 'expired' } })])
    expect(storedSession(app).token).toBeNull()
    const page = await app.openPage(app.wx.navigations()[0].url)
    expect(page.textOf({ testId: 'login-expired' })).toContain('登录已失效')
  })

  it('launched 9 minutes after: stays in, and onHide / onShow record and clear the background time', async () => {
    const booted = await bootApp({ storage: storageHiddenFor(9 * 60_000) })
    app = booted
    booted.wx.onRequest(server.handler)
    // Taro runs the App's show hooks once its React root exists, a few ticks after onShow.
    await expect.poll(() => storedSession(booted).hiddenAt).toBeNull()
    expect(storedSession(booted).token).toBe(login.token)
    expect(booted.wx.navigations()).toEqual([])

    const before = Date.now()
    ;(booted.appInstance as unknown as { onHide: () => void }).onHide()
    await expect.poll(() => storedSession(booted).hiddenAt).toBeGreaterThanOrEqual(before)
    ;(booted.appInstance as unknown as { onShow: (options: object) => void }).onShow({ path: 'pages/home/index', query: {} })
    await expect.poll(() => storedSession(booted).hiddenAt).toBeNull()
    expect(booted.wx.navigations()).toEqual([])
  })

  it('a login page opened with a live session goes straight to home', async () => {
    app = await server.boot(login)
    await app.openPage(LOGIN_PAGE)
    expect(app.wx.navigations()).toEqual([expect.objectContaining({ api: 'switchTab', path: '/pages/home/index' })])
  })
})
