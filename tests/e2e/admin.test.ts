/**
 * The ODPM administrator's page at /admin, used as an administrator would: token, merchant, the demo accounts, then
 * create, disable and delete a mini-program account, with the server's own refusals shown on the page.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './support/app-process'
import { expectErrors, launchBrowser, screenshot, watchErrors } from './support/browser'

const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef-0123456789'

let app: RunningApp
let browser: Browser
let page: Page
let pageErrors: string[] = []

const row = (text: string) => page.locator('#accounts tbody tr', { hasText: text })

beforeAll(async () => {
  app = await startApp({ ADMIN_TOKEN })
  browser = await launchBrowser()
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'zh-CN' })
  page = await context.newPage()
  pageErrors = watchErrors(page)
  page.on('dialog', (dialog) => void dialog.accept())
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('the admin page', () => {
  it('refuses a wrong token with the server’s message', async () => {
    await page.goto(`${app.baseUrl}/admin`)
    // The refusal this test provokes: the admin API answers 401.
    const expected = expectErrors(page, /^HTTP 401: GET .*\/admin\/api\//)
    await page.fill('#token-input', 'x'.repeat(40))
    await page.click('#token-form button[type=submit]')
    await expect.poll(() => page.textContent('#message')).toContain('UNAUTHORIZED')
    expect(await page.isVisible('#login')).toBe(true)
    expected()
  })

  it('lists the demo merchant’s accounts after the right token, in Chinese first, then in English', async () => {
    await page.fill('#token-input', ADMIN_TOKEN)
    await page.click('#token-form button[type=submit]')
    await page.waitForSelector('#main:not([hidden])')
    expect(await page.inputValue('#merchant-select')).toBe('140105')
    await expect.poll(() => row('13800138000').count()).toBe(1)
    expect(await page.textContent('#slots')).toBe('已用 3 / 10 个账号')
    expect(await page.textContent('#accounts thead')).toContain('岗位名称')
    await screenshot(page, 'admin-accounts-zh')

    await page.click('#lang-switch')
    await expect.poll(() => page.textContent('#slots')).toBe('3 of 10 accounts used')
    expect(await page.textContent('#accounts thead')).toContain('Position')
    expect(await page.textContent('#lang-switch')).toBe('中文')
    await screenshot(page, 'admin-accounts')
  })

  it('creates an account, shows a refusal for a phone already bound, disables and deletes it', async () => {
    await page.fill('#account-form input[name=phone]', '13512345678')
    await page.fill('#account-form input[name=username]', '测试员')
    await page.fill('#account-form input[name=position]', '客服')
    await page.check('#permissions input[value=refund]')
    await page.click('#submit-button')
    await expect.poll(() => row('13512345678').count()).toBe(1)
    expect(await row('13512345678').textContent()).toContain('Refund')
    expect(await page.textContent('#slots')).toBe('4 of 10 accounts used')

    // The refusal this test provokes: the phone is bound already (409).
    const expected = expectErrors(page, /^HTTP 409: POST .*\/admin\/api\//)
    await page.fill('#account-form input[name=phone]', '13512345678')
    await page.fill('#account-form input[name=username]', '重复')
    await page.click('#submit-button')
    await expect.poll(() => page.textContent('#message')).toContain('PHONE_ALREADY_BOUND')
    expected()
    await page.fill('#account-form input[name=phone]', '')
    await page.fill('#account-form input[name=username]', '')

    await row('13512345678').getByRole('button', { name: 'Disable' }).click()
    await expect.poll(() => row('13512345678').getAttribute('class')).toBe('disabled')
    await screenshot(page, 'admin-disabled')

    await row('13512345678').getByRole('button', { name: 'Delete' }).click()
    await expect.poll(() => row('13512345678').count()).toBe(0)
    expect(await page.textContent('#slots')).toBe('3 of 10 accounts used')
    expect(pageErrors).toEqual([])
  })
})
