/**
 * The ten-minute rule end to end, with the server's idle limit set to 4 seconds (SESSION_IDLE_SECONDS=4; the
 * client follows the limit of the login answer): (a) in the foreground the heartbeat keeps the session alive;
 * (b) hidden for the limit or longer, the next show goes to login — Taro's H5 router turns the document's
 * visibilitychange into the App's useDidHide/useDidShow, which this proves; (c) with no heartbeat getting
 * through, the server drops the idle session and the next API call sends the app to login.
 * Screenshots: session-expired, session-expired-server.
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SESSION_STORAGE_KEY } from '../../src/stores/session-persistence'
import { startApp, type RunningApp } from './support/app-process'
import { expectErrors, launchBrowser, newPhone, screenshot } from './support/browser'
import { loginThroughSheet, stationedPage } from './support/login'

const IDLE_SECONDS = 4

let app: RunningApp
let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: string[]
let heartbeats: number[]

const tab = (label: string) => page.locator('.weui-tabbar__item', { hasText: label })
const onLoginPage = () => page.url().includes('/pages/login/index')

/** What a phone does when the user leaves the app or comes back: the document's visibility changes. */
async function setVisibility(state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value })
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => value === 'hidden' })
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
  }, state)
}

async function storedHiddenAt(): Promise<number | null> {
  return page.evaluate((key) => {
    const item = sessionStorage.getItem(key)
    const value = JSON.parse(JSON.parse(item ?? '{}').data as string) as { state: { hiddenAt: number | null } }
    return value.state.hiddenAt
  }, SESSION_STORAGE_KEY)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  app = await startApp({ SESSION_IDLE_SECONDS: String(IDLE_SECONDS), SKIP_BUILD: process.env.SKIP_BUILD ?? '' })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

beforeEach(async () => {
  ;({ context, page, errors: pageErrors } = await newPhone(browser))
  heartbeats = []
  page.on('request', (request: Request) => {
    if (request.url().endsWith('/api/auth/heartbeat')) heartbeats.push(Date.now())
  })
  await loginThroughSheet(page, app.baseUrl, '13800138000')
})

afterEach(async () => {
  expect(pageErrors).toEqual([])
  await context.close()
})

describe(`the idle rule with a ${IDLE_SECONDS} s limit`, () => {
  it('(a) in the foreground the heartbeat keeps the session alive well past the limit', async () => {
    await sleep(10_000)
    // Every half limit: about five in ten seconds.
    expect(heartbeats.length).toBeGreaterThanOrEqual(3)
    await tab('我的').click()
    await expect.poll(() => stationedPage(page).innerText(), { timeout: 15_000 }).toContain('140105')
    await tab('消息').click()
    await expect.poll(() => stationedPage(page).innerText(), { timeout: 15_000 }).toContain('系统公告')
    expect(onLoginPage()).toBe(false)
  })

  it('(b) hidden for the limit: onHide records the time and stops the heartbeat; the next show goes to login', async () => {
    await setVisibility('hidden')
    await expect.poll(storedHiddenAt).not.toBeNull()
    const beatsWhenHidden = heartbeats.length
    await sleep(IDLE_SECONDS * 1000 + 1_000)
    expect(heartbeats.length).toBe(beatsWhenHidden)

    await setVisibility('visible')
    await page.waitForURL((url) => url.hash.startsWith('#/pages/login/index'), { timeout: 15_000 })
    await expect.poll(() => page.getByTestId('login-expired').innerText(), { timeout: 15_000 }).toContain('登录已失效')
    await screenshot(page, 'session-expired')
  })

  it('(b) hidden for less than the limit: the show keeps the user in', async () => {
    await setVisibility('hidden')
    await sleep(1_000)
    await setVisibility('visible')
    await expect.poll(storedHiddenAt).toBeNull()
    await tab('我的').click()
    await expect.poll(() => stationedPage(page).innerText(), { timeout: 15_000 }).toContain('140105')
    expect(onLoginPage()).toBe(false)
  })

  it('(c) no heartbeat gets through: the server drops the idle session, the next API call goes to login', async () => {
    // What this test provokes: the heartbeats fail (aborted), then the server answers 401 SESSION_EXPIRED.
    expectErrors(page, /^request failed: POST .*\/api\/auth\/heartbeat \(net::ERR_FAILED\)$/)
    expectErrors(page, /^HTTP 401: GET .*\/api\//)
    await page.route('**/api/auth/heartbeat', (route) => route.abort())
    await sleep(IDLE_SECONDS * 1000 + 1_500)
    expect(onLoginPage()).toBe(false)
    // The first visit of a tab loads its data: the server answers SESSION_EXPIRED.
    await tab('我的').click()
    await page.waitForURL((url) => url.hash.startsWith('#/pages/login/index'), { timeout: 15_000 })
    await expect.poll(() => page.getByTestId('login-expired').innerText(), { timeout: 15_000 }).toContain('登录已失效')
    await screenshot(page, 'session-expired-server')
  })
})
