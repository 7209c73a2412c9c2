/**
 * Invitations in a browser (issue 15): the admin page makes an invitation for an account and shows its
 * mini-program code (a valid image; since WeChat's round code is not a QR code, the test reads the scene the
 * WeChat emulator recorded for it) and its URL link; the login page opened with the invitation says whose it is
 * and which phone to pick; the login through it uses it up (the admin page then shows it used), and the login page
 * says so the next time while the normal login still works.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './support/app-process'
import { launchBrowser, screenshot, watchErrors } from './support/browser'
import { HOME_HASH, LOGIN_HASH, stationedPage, submitSandboxPhone } from './support/login'

const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef-0123456789'

let app: RunningApp
let browser: Browser
let admin: Page
let pageErrors: string[] = []
let scene = ''

beforeAll(async () => {
  app = await startApp({ ADMIN_TOKEN })
  browser = await launchBrowser()
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'zh-CN' })
  admin = await context.newPage()
  pageErrors = watchErrors(admin)
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

async function openLoginWith(token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'zh-CN' })
  const page = await context.newPage()
  await page.goto(`${app.baseUrl}/${LOGIN_HASH}?invitation=${token}`)
  await page.getByTestId('login-invitation').waitFor({ timeout: 30_000 })
  return page
}

describe('invitations', () => {
  it('the admin page shows the invitation code as an image and its URL link', async () => {
    await admin.goto(`${app.baseUrl}/admin`)
    await admin.fill('#token-input', ADMIN_TOKEN)
    await admin.click('#token-form button[type=submit]')
    await admin.waitForSelector('#main:not([hidden])')
    const account = admin.locator('#invitation-account option', { hasText: '13800138000' })
    await admin.selectOption('#invitation-account', (await account.getAttribute('value')) ?? '')
    await admin.click('#invitation-form button[type=submit]')
    const image = admin.locator('#invitations img.wxacode').first()
    await image.waitFor({ timeout: 20_000 })
    // A real image the browser decoded.
    await expect.poll(() => image.evaluate((node: HTMLImageElement) => node.complete && node.naturalWidth)).toBeGreaterThan(100)
    scene = (await image.getAttribute('data-scene')) ?? ''
    expect(scene).toMatch(/^i=[0-9A-Za-z]{20}$/)
    const drawn = (await (await fetch(`${app.baseUrl}/sandbox/wechat/dev/wxacodes`)).json()) as { items: Array<{ scene: string; page: string }> }
    expect(drawn.items[0]).toMatchObject({ scene, page: 'pages/login/index' })

    await admin.locator('#invitations button', { hasText: '生成链接' }).first().click()
    await expect.poll(() => admin.locator('#invitations code.url-link').first().textContent(), { timeout: 20_000 }).toMatch(/^https:\/\/wxaurl\.cn\/\S+$/)
    expect(await admin.locator('#invitations tbody tr').first().textContent()).toContain('有效')
    await screenshot(admin, 'admin-invitations')
    expect(pageErrors).toEqual([])
  })

  it('works once: the login through it uses it up; then the page says so and the login still works', async () => {
    const token = scene.slice(2)
    const page = await openLoginWith(token)
    const note = await page.getByTestId('login-invitation').textContent()
    expect(note).toContain('140105')
    expect(note).toContain('138****8000')
    await screenshot(page, 'login-invitation')
    await submitSandboxPhone(page, '13800138000')
    await page.waitForURL((url) => url.hash.startsWith(HOME_HASH), { timeout: 30_000 })
    await stationedPage(page).waitFor({ timeout: 30_000 })

    await admin.reload()
    await admin.waitForSelector('#main:not([hidden])')
    await expect.poll(() => admin.locator('#invitations tbody tr').first().textContent(), { timeout: 20_000 }).toContain('已使用')

    const again = await openLoginWith(token)
    expect(await again.getByTestId('login-invitation').textContent()).toContain('已被使用')
    await submitSandboxPhone(again, '13800138000')
    await again.waitForURL((url) => url.hash.startsWith(HOME_HASH), { timeout: 30_000 })
  })
})
