/**
 * Logging in as a merchant does in a browser (H5 build, real server, WeChat emulator): the login page, the
 * sandbox phone sheet, a login that lands on home, the refusals (disabled account, unknown number, declined),
 * the merchant choice of a phone bound at two merchants, and a live session skipping the login page.
 * Screenshots: login-page, login-sheet, login-home, login-not-bound, login-declined, login-pick, login-busy.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SESSION_STORAGE_KEY } from '../../src/stores/session-persistence'
import { startApp, type RunningApp } from './support/app-process'
import { expectErrors, launchBrowser, newPhone, screenshot } from './support/browser'
import { HOME_HASH, loginThroughSheet, openLoginPage, stationedPage, submitSandboxPhone } from './support/login'

const ADMIN_TOKEN = 'e2e-login-admin-token-0123456789abcdef'
/** A phone the test binds at both demo merchants through the admin API. */
const TWO_MERCHANT_PHONE = '13500135000'

let app: RunningApp
let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: string[]

const message = () => page.getByTestId('login-message')

beforeAll(async () => {
  app = await startApp({ ADMIN_TOKEN, SKIP_BUILD: process.env.SKIP_BUILD ?? '' })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

beforeEach(async () => {
  ;({ context, page, errors: pageErrors } = await newPhone(browser))
})

afterEach(async () => {
  expect(pageErrors).toEqual([])
  await context.close()
})

async function storedToken(): Promise<string | null> {
  return page.evaluate((key) => {
    const item = sessionStorage.getItem(key)
    if (item === null) return null
    // Taro's H5 storage wraps each value as { data }.
    const value = JSON.parse(JSON.parse(item).data as string) as { state: { token: string | null } }
    return value.state.token
  }, SESSION_STORAGE_KEY)
}

async function createAccount(merchant: string, phone: string, username: string): Promise<void> {
  const response = await fetch(`${app.baseUrl}/admin/api/merchants/${merchant}/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ phone, username, position: 'E2E' }),
  })
  expect(response.status).toBe(201)
}

describe('login in a browser', () => {
  it('shows the brand, the one-tap button, the 管理号码 hint and the ten-minute note', async () => {
    await openLoginPage(page, app.baseUrl)
    await expect(page.getByTestId('login-one-tap').innerText()).resolves.toBe('手机号一键登录')
    const text = await stationedPage(page).innerText()
    expect(text).toContain('Oceanpayment 商户助手')
    expect(text).toContain('「管理号码」')
    expect(text).toContain('10 分钟')
    await screenshot(page, 'login-page')
  })

  it('the one-tap button opens the WeChat sandbox phone sheet with the demo numbers', async () => {
    await openLoginPage(page, app.baseUrl)
    await page.getByTestId('login-one-tap').click()
    const sheet = page.getByTestId('sandbox-sheet')
    await sheet.waitFor()
    await expect(sheet.innerText()).resolves.toContain('微信沙箱 · 手机号快捷登录')
    for (const phone of ['13800138000', '13900139000', '13700137000', '13600136000']) {
      await expect(page.getByTestId(`sandbox-demo-${phone}`).isVisible()).resolves.toBe(true)
    }
    await page.getByTestId('sandbox-demo-13800138000').click()
    await expect(page.getByTestId('sandbox-phone-input').locator('input').inputValue()).resolves.toBe('13800138000')
    await screenshot(page, 'login-sheet')
  })

  it('13800138000 logs in through the sheet and lands on home, with the session stored', async () => {
    await loginThroughSheet(page, app.baseUrl, '13800138000')
    await expect.poll(() => stationedPage(page).innerText(), { timeout: 30_000 }).toContain('待授权')
    expect(await storedToken()).toMatch(/^[A-Za-z0-9_-]{43}$/)
    await screenshot(page, 'login-home')

    // With a live session the login page is skipped.
    await page.goto(`${app.baseUrl}/#/pages/login/index`)
    await page.waitForURL((url) => url.hash.startsWith(HOME_HASH), { timeout: 30_000 })
  })

  it.each([
    ['a disabled account (王芳)', '13700137000'],
    ['a number bound to no account', '13123456789'],
  ])('%s is refused: not bound, ask the administrator, 管理号码', async (_name, phone) => {
    // The refusal this test provokes: the login answers 403 (not bound).
    expectErrors(page, /^HTTP 403: POST .*\/api\/auth\/login$/)
    await openLoginPage(page, app.baseUrl)
    await submitSandboxPhone(page, phone)
    await message().waitFor({ timeout: 30_000 })
    const text = await message().innerText()
    expect(text).toContain('未绑定已启用')
    expect(text).toContain('管理员')
    expect(text).toContain('「管理号码」')
    expect(page.url()).toContain('/pages/login/index')
    expect(await storedToken()).toBeNull()
    if (phone === '13700137000') await screenshot(page, 'login-not-bound')
  })

  it('denying in the sheet shows the "declined" message', async () => {
    await openLoginPage(page, app.baseUrl)
    await page.getByTestId('login-one-tap').click()
    await page.getByTestId('sandbox-phone-cancel').click()
    await message().waitFor()
    await expect(message().innerText()).resolves.toContain('未获取到手机号')
    await expect(page.getByTestId('sandbox-sheet').count()).resolves.toBe(0)
    await screenshot(page, 'login-declined')
  })

  it('a phone at two merchants: the merchant choice, then home at the merchant picked', async () => {
    await createAccount('140105', TWO_MERCHANT_PHONE, '赵双')
    await createAccount('150207', TWO_MERCHANT_PHONE, 'Zhao Shuang')
    // The server's way of asking which merchant: the first login answers 409 with the choices.
    expectErrors(page, /^HTTP 409: POST .*\/api\/auth\/login$/)
    await openLoginPage(page, app.baseUrl)
    await submitSandboxPhone(page, TWO_MERCHANT_PHONE)
    const pick = page.getByTestId('login-pick')
    await pick.waitFor({ timeout: 30_000 })
    await expect(pick.innerText()).resolves.toContain('选择登录的商户')
    await expect(page.getByTestId('login-merchant-150207').innerText()).resolves.toContain('150207')
    await screenshot(page, 'login-pick')

    // WeChat's codes are single-use: the pick opens the phone sheet again (number kept) for fresh ones.
    await page.getByTestId('login-merchant-150207').click()
    await expect(page.getByTestId('sandbox-phone-input').locator('input').inputValue()).resolves.toBe(TWO_MERCHANT_PHONE)
    await page.getByTestId('sandbox-phone-confirm').click()
    await page.waitForURL((url) => url.hash.startsWith(HOME_HASH), { timeout: 30_000 })
    const profile = await page.evaluate((key) => {
      const item = sessionStorage.getItem(key)
      return (JSON.parse(JSON.parse(item ?? '{}').data as string) as { state: { profile: { merchantAccount: string } } }).state.profile
    }, SESSION_STORAGE_KEY)
    expect(profile.merchantAccount).toBe('150207')
  })

  it('shows the busy state while the login is under way', async () => {
    await openLoginPage(page, app.baseUrl)
    // Hold the login answer so the busy button can be seen.
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/api/auth/login', async (route) => {
      await held
      await route.continue()
    })
    await submitSandboxPhone(page, '13900139000')
    await expect.poll(() => page.getByTestId('login-one-tap').innerText(), { timeout: 10_000 }).toBe('正在登录…')
    await screenshot(page, 'login-busy')
    release()
    await page.waitForURL((url) => url.hash.startsWith(HOME_HASH), { timeout: 30_000 })
  })
})
