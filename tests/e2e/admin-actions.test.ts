/**
 * The admin page's side of actions, in Chromium: staff use the tools over the signed API (the 财务主管 looks up a
 * BIN and an order; the customer-service user is refused a BIN check, 403), then the administrator reads the
 * merchant's action log on the page, filters it, downloads it as CSV, sets an account's daily refund limits and
 * resets its action PIN.
 */
import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import { createNonceSource, signRequest } from '../../src/api/signing'
import { startApp, type RunningApp } from './support/app-process'
import { expectErrors, launchBrowser, screenshot, watchErrors } from './support/browser'
import { loginOverHttp } from './support/session'

const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef-0123456789'
const createNonce = createNonceSource()

let app: RunningApp
let browser: Browser
let page: Page
let pageErrors: string[] = []

async function apiPost(login: LoginResponse, url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const text = JSON.stringify(body)
  const timestamp = Date.now()
  const nonce = createNonce(timestamp)
  const response = await fetch(`${app.baseUrl}${url}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-op-session': login.token,
      'x-op-timestamp': String(timestamp),
      'x-op-nonce': nonce,
      'x-op-sign': signRequest(login.signingKey, { method: 'POST', url, body: text, timestamp, nonce }),
    },
    body: text,
  })
  return { status: response.status, json: await response.json() }
}

const logRows = () => page.locator('#actions-log tbody tr')
const accountRow = (text: string) => page.locator('#accounts tbody tr', { hasText: text })

beforeAll(async () => {
  // The admin page is served by the server itself: no bundle is needed.
  app = await startApp({ ADMIN_TOKEN, SKIP_BUILD: '1' })
  browser = await launchBrowser()
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN', acceptDownloads: true })
  page = await context.newPage()
  pageErrors = watchErrors(page)
  page.on('dialog', (dialog) => void dialog.accept())
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('the admin page’s action log, PIN reset and refund limits', () => {
  it('shows what staff did with the tools, allowed and refused, one row each', async () => {
    const lead = await loginOverHttp(app, '13800138000')
    const service = await loginOverHttp(app, '13900139000')
    expect((await apiPost(lead, '/api/tools/card-bins', { bins: ['411111'] })).status).toBe(200)
    expect((await apiPost(lead, '/api/tools/order-status', { orderNumbers: ['NO-SUCH-ORDER'] })).status).toBe(200)
    expect((await apiPost(service, '/api/tools/card-bins', { bins: ['411111'] })).status).toBe(403)

    await page.goto(`${app.baseUrl}/admin`)
    await page.fill('#token-input', ADMIN_TOKEN)
    await page.click('#token-form button[type=submit]')
    await page.waitForSelector('#main:not([hidden])')
    await expect.poll(() => logRows().count()).toBe(3)
    const texts = await logRows().allTextContents()
    expect(texts[0]).toContain('卡 BIN 查询')
    expect(texts[0]).toContain('失败 (not-permitted)')
    expect(texts[0]).toContain('139****9000')
    expect(texts[1]).toContain('订单查询')
    expect(texts[2]).toContain('成功')
    await screenshot(page, 'admin-actions-log-zh')

    await page.selectOption('#log-filters select[name=status]', 'failed')
    await page.click('#log-filters button[type=submit]')
    await expect.poll(() => logRows().count()).toBe(1)
    await page.selectOption('#log-filters select[name=status]', '')
    await page.selectOption('#log-filters select[name=kind]', 'order-query')
    await page.click('#log-filters button[type=submit]')
    await expect.poll(() => logRows().count()).toBe(1)

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#log-csv')])
    const csv = fs.readFileSync((await download.path())!, 'utf8')
    const lines = csv.split('\r\n')
    expect(lines[0]).toMatch(/^time \(Beijing UTC\+8\),action id,kind,/)
    expect(lines.filter((line) => line !== '')).toHaveLength(2)
    expect(lines[1]).toContain(',order-query,succeeded,')
    expect(download.suggestedFilename()).toBe('actions-140105.csv')
  })

  it('sets and clears daily refund limits, shows the server’s refusal, and resets a PIN', async () => {
    await page.click('#lang-switch')
    await expect.poll(() => page.textContent('#accounts thead')).toContain('Daily refund limits')
    await accountRow('13800138000').getByRole('button', { name: 'Refund limits' }).click()
    await page.fill('#limits-form input[name=limits]', 'USD 1000.5, jpy 50000')
    await page.click('#limits-form button[type=submit]')
    await expect.poll(() => accountRow('13800138000').textContent()).toContain('JPY 50000, USD 1000.50')
    await screenshot(page, 'admin-refund-limits')

    await accountRow('13800138000').getByRole('button', { name: 'Refund limits' }).click()
    // The refusal this test provokes: more decimals than USD has (400).
    const expected = expectErrors(page, /^HTTP 400: PUT .*\/refund-limits/)
    await page.fill('#limits-form input[name=limits]', 'USD 10.505')
    await page.click('#limits-form button[type=submit]')
    await expect.poll(() => page.textContent('#message')).toContain('VALIDATION_FAILED')
    expected()
    await page.fill('#limits-form input[name=limits]', '')
    await page.click('#limits-form button[type=submit]')
    await expect.poll(() => accountRow('13800138000').textContent()).toContain('none')

    expect(await accountRow('13800138000').textContent()).toContain('not set')
    await accountRow('13800138000').getByRole('button', { name: 'Reset PIN' }).click()
    await expect.poll(() => page.textContent('#message')).toContain('was reset')
    await screenshot(page, 'admin-actions-log')
    expect(pageErrors).toEqual([])
  })
})
