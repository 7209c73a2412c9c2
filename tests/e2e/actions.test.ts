/**
 * Acting from the phone (issue 13) in a browser over H5, real server, sandbox and demo data. The finance lead
 * (13800138000) refunds part of a transaction, then the rest, and a third refund is refused; captures part of a
 * pending pre-authorization; voids another; uploads tracking for three orders from the "tracking missing" list and
 * the count drops by three; looks up two orders and a BIN. The customer-service user (13900139000) sees no money
 * button and the server answers 403 when called directly. A screenshot of every sheet and state goes to
 * test-results/e2e/actions-*.png.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActionRecord, AvailableActions } from '@contract/actions'
import type { LoginResponse } from '@contract/auth'
import type { TransactionDetail, TransactionListItem, TransactionsFilter, TransactionsPage } from '@contract/transactions'
import { createNonceSource, signRequest } from '../../src/api/signing'
import { ROUTES } from '../../src/routes'
import { addDays, beijingToday } from '../../src/utils/dates'
import { transactionsQueryString } from '../../src/utils/transactions-filter-url'
import { startApp, type RunningApp } from './support/app-process'
import { launchBrowser, newPhone, screenshot } from './support/browser'
import { pageOnScreen, routerSettled, testIdOnScreen } from './support/router'
import { apiGet, openLoggedIn } from './support/session'

const SERVICE_PHONE = '13900139000'
const PIN = '246810'
const today = beijingToday()
const RANGE = { from: `${addDays(today, -59)}T00:00:00+08:00`, to: `${today}T23:59:59+08:00` }
const YEAR = { from: `${addDays(today, -360)}T00:00:00+08:00`, to: `${today}T23:59:59+08:00` }

let app: RunningApp
let browser: Browser
let page: Page
let pageErrors: string[]
let login: LoginResponse

const createNonce = createNonceSource()
const byTestId = (id: string) => testIdOnScreen(page, id)

/** A signed call as that session (what the phone sends), answering status and body whatever the status. */
async function apiSend(session: LoginResponse, method: 'POST' | 'GET', url: string, body?: unknown, headers: Record<string, string> = {}) {
  const timestamp = Date.now()
  const nonce = createNonce(timestamp)
  const text = body === undefined ? '' : JSON.stringify(body)
  const response = await fetch(`${app.baseUrl}${url}`, {
    method,
    headers: {
      ...headers,
      ...(text === '' ? {} : { 'content-type': 'application/json' }),
      'x-op-session': session.token,
      'x-op-timestamp': String(timestamp),
      'x-op-nonce': nonce,
      'x-op-sign': signRequest(session.signingKey, { method, url, body: text, timestamp, nonce }),
    },
    body: text === '' ? undefined : text,
  })
  const answer = await response.text()
  return { status: response.status, body: answer === '' ? undefined : (JSON.parse(answer) as unknown) }
}

const list = (filter: TransactionsFilter, limit = 100) =>
  apiGet<TransactionsPage>(app, login, `/api/transactions${transactionsQueryString(filter)}&limit=${limit}`)
const available = (paymentId: string) => apiGet<AvailableActions>(app, login, `/api/transactions/${encodeURIComponent(paymentId)}/actions/available`)

/** The first rows of a list whose available actions satisfy `wanted`. */
async function findPayments(filter: TransactionsFilter, count: number, wanted: (offer: AvailableActions, item: TransactionListItem) => boolean) {
  const found: TransactionListItem[] = []
  for (const item of (await list(filter)).items) {
    if (wanted(await available(item.paymentId), item)) found.push(item)
    if (found.length === count) break
  }
  expect(found.length, `payments for ${JSON.stringify(filter)}`).toBe(count)
  return found
}

/** "12.50" → "6.25" in minor units (floor), never through floating point. */
function halfOf(amount: string): string {
  const [whole, fraction = ''] = amount.split('.')
  const minor = BigInt(`${whole}${fraction}`) / BigInt(2)
  if (fraction.length === 0) return minor.toString()
  const digits = minor.toString().padStart(fraction.length + 1, '0')
  return `${digits.slice(0, -fraction.length)}.${digits.slice(-fraction.length)}`
}

async function openDetail(paymentId: string) {
  await page.goto(`${app.baseUrl}/#${ROUTES.transactionDetail}?paymentId=${encodeURIComponent(paymentId)}`)
  await byTestId('txd-basic').waitFor({ timeout: 30_000 })
  await routerSettled(page)
}

async function typePin(pin: string) {
  for (const digit of pin) await byTestId(`pin-key-${digit}`).tap()
}

/** Through the PIN: the first money action of this account sets it twice; later ones enter it. */
async function enterPin(shot: string | null) {
  const prompt = byTestId('pin-prompt')
  await prompt.waitFor()
  await page.waitForFunction(() => {
    const text = document.querySelector('.taro_page_stationed [data-testid="pin-prompt"]')?.textContent ?? ''
    return text !== '' && !text.includes('正在')
  })
  if (shot !== null) await screenshot(page, `actions-${shot}`)
  if ((await prompt.innerText()).includes('设置')) {
    await typePin(PIN)
    await page.getByText('请再次输入操作密码').first().waitFor()
    if (shot !== null) await screenshot(page, `actions-${shot}-repeat`)
  }
  await typePin(PIN)
}

async function finalResult(timeout = 120_000) {
  await page.locator('.taro_page_stationed [data-testid="action-result-succeeded"], .taro_page_stationed [data-testid="action-result-failed"]').first().waitFor({ timeout })
  return (await byTestId('action-headline').innerText()).trim()
}

beforeAll(async () => {
  app = await startApp({ SKIP_BUILD: process.env.SKIP_BUILD ?? '' })
  browser = await launchBrowser()
  ;({ page, errors: pageErrors } = await newPhone(browser, { viewport: { width: 390, height: 844 } }))
  login = await openLoggedIn(page, app, { path: ROUTES.home })
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('acting from the phone', () => {
  it('refunds part of a transaction, then the rest, and a third refund is refused', async () => {
    const [sale] = await findPayments({ ...RANGE, status: 'success', txnType: 'sale' }, 1, (offer, item) =>
      offer.refund !== null && offer.refund.max.amount === item.amount.amount && Number.parseInt(item.amount.amount, 10) >= 2,
    )
    const full = (await available(sale.paymentId)).refund!.max
    const part = halfOf(full.amount)
    await openDetail(sale.paymentId)
    await byTestId('txd-action-refund').tap()
    await byTestId('action-sheet-refund').waitFor()
    await expect(pageOnScreen(page).locator('[data-testid="action-amount"] input').inputValue()).resolves.toBe(full.amount)
    await screenshot(page, 'actions-refund-form')
    // Checked as typed: more than the maximum is refused before anything is sent.
    await pageOnScreen(page).locator('[data-testid="action-amount"] input').fill('99999999')
    await byTestId('action-amount-problem').waitFor()
    await screenshot(page, 'actions-refund-amount-problem')
    await pageOnScreen(page).locator('[data-testid="action-amount"] input').fill(part)
    await pageOnScreen(page).locator('[data-testid="action-reason"] input').fill('Customer returned one item')
    await byTestId('action-next').tap()
    await expect(byTestId('action-sentence').innerText()).resolves.toBe(`将向持卡人退款 ${full.currency} ${part.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}，退款发起后不可撤回`)
    await screenshot(page, 'actions-refund-confirm')
    await byTestId('action-confirm-ok').tap()
    await enterPin('pin-set')
    await page.locator('.taro_page_stationed [data-testid^="action-result-"]').first().waitFor({ timeout: 30_000 })
    await screenshot(page, 'actions-refund-pending')
    // Followed to the end without a manual refresh (the sandbox decides a refund after about 30 s).
    expect(await finalResult()).toBe('退款成功')
    await screenshot(page, 'actions-refund-succeeded')
    await byTestId('action-done').tap()

    // The rest: the sheet offers exactly what is left.
    const rest = (await available(sale.paymentId)).refund!.max
    await byTestId('txd-action-refund').tap()
    await expect(pageOnScreen(page).locator('[data-testid="action-amount"] input').inputValue()).resolves.toBe(rest.amount)
    await pageOnScreen(page).locator('[data-testid="action-reason"] input').fill('The rest of the order')
    await byTestId('action-next').tap()
    await byTestId('action-confirm-ok').tap()
    await enterPin(null)
    await page.locator('.taro_page_stationed [data-testid^="action-result-"]').first().waitFor({ timeout: 30_000 })
    await byTestId('action-done').tap()

    // Nothing left: no refund button, and a third refund asked directly is refused.
    await byTestId('txd-action-history').waitFor()
    await page.waitForFunction(() => document.querySelector('.taro_page_stationed [data-testid="txd-action-refund"]') === null, undefined, { timeout: 30_000 })
    const third = await apiSend(login, 'POST', `/api/transactions/${sale.paymentId}/refunds`, { amount: '1', reason: 'Third', pin: PIN }, { 'Idempotency-Key': `e2e-third-${Date.now()}` })
    expect(third.status).toBe(422)
    expect(third.body).toMatchObject({ error: { code: 'ACTION_REFUSED' } })
    const history = await apiGet<{ items: ActionRecord[] }>(app, login, `/api/transactions/${sale.paymentId}/actions`)
    expect(history.items.filter((item) => item.kind === 'refund')).toHaveLength(3)
    await expect(byTestId('txd-action-history').innerText()).resolves.toContain('退款')
    await screenshot(page, 'actions-history')
  }, 300_000)

  it('captures part of a pending pre-authorization and voids another', async () => {
    const [toCapture, toVoid] = await findPayments({ ...YEAR, authStatus: 'pending' }, 2, (offer) => offer.capture !== null && offer.void !== null)
    const max = (await available(toCapture.paymentId)).capture!.max
    await openDetail(toCapture.paymentId)
    await byTestId('txd-action-days-left').waitFor()
    await byTestId('txd-action-capture').tap()
    await byTestId('action-days-left').waitFor()
    await pageOnScreen(page).locator('[data-testid="action-amount"] input').fill(halfOf(max.amount))
    await screenshot(page, 'actions-capture-form')
    await byTestId('action-next').tap()
    await screenshot(page, 'actions-capture-confirm')
    await byTestId('action-confirm-ok').tap()
    await enterPin(null)
    expect(await finalResult()).toBe('请款成功')
    await screenshot(page, 'actions-capture-succeeded')
    await byTestId('action-done').tap()
    const captured = await apiGet<TransactionDetail>(app, login, `/api/transactions/${toCapture.paymentId}`)
    expect(captured.authStatus).toBe('captured')

    await openDetail(toVoid.paymentId)
    await byTestId('txd-action-void').tap()
    await byTestId('action-next').tap()
    await expect(byTestId('action-sentence').innerText()).resolves.toContain('撤销后不可恢复')
    await screenshot(page, 'actions-void-confirm')
    await byTestId('action-confirm-ok').tap()
    await enterPin(null)
    expect(await finalResult()).toBe('预授权已撤销')
    await screenshot(page, 'actions-void-succeeded')
    await byTestId('action-done').tap()
    const voided = await apiGet<TransactionDetail>(app, login, `/api/transactions/${toVoid.paymentId}`)
    expect(voided.authStatus).toBe('voided')
  }, 180_000)

  it('a pending pre-authorization row of the to-do list offers capture and void', async () => {
    const filter = { ...YEAR, authStatus: 'pending' } as const
    const first = (await list(filter, 1)).items[0]
    await page.goto(`${app.baseUrl}/#${ROUTES.transactions}${transactionsQueryString(filter)}`)
    await byTestId(`tx-row-${first.paymentId}-capture`).waitFor({ timeout: 30_000 })
    await expect(byTestId(`tx-row-${first.paymentId}-void`).isVisible()).resolves.toBe(true)
    await screenshot(page, 'actions-pending-authorizations')
    await byTestId(`tx-row-${first.paymentId}-void`).tap()
    await byTestId('action-sheet-void').waitFor()
    await screenshot(page, 'actions-row-void-sheet')
    await byTestId('action-sheet-close').tap()
  }, 120_000)

  it('uploads tracking for three orders from the "missing" list, and the count drops by three', async () => {
    // Successful payments only: a failed one ships nothing, and Oceanpayment takes no tracking for it (which rows
    // are newest changes by the hour, so the test must not depend on them being successful).
    const filter = { ...RANGE, tracking: 'missing', status: 'success' } as const
    const before = await list(filter, 3)
    const count = before.total!.count
    expect(count).toBeGreaterThanOrEqual(3)
    await page.goto(`${app.baseUrl}/#${ROUTES.transactions}${transactionsQueryString(filter)}`)
    await byTestId('tx-count').waitFor({ timeout: 30_000 })
    await byTestId('tx-tracking-entry-open').tap()
    // H5 has no camera scan.
    await expect(pageOnScreen(page).locator('[data-testid$="-scan"]').count()).resolves.toBe(0)
    for (const [index, item] of before.items.entries()) {
      await pageOnScreen(page).locator(`[data-testid="tx-row-${item.paymentId}-tracking"] input`).fill(`SF${Date.now()}${index}`)
    }
    await pageOnScreen(page).locator('[data-testid="tx-tracking-site"] input').fill('www.sf-express.com')
    await pageOnScreen(page).locator('[data-testid="tx-tracking-handler"] input').fill('王芳')
    await screenshot(page, 'actions-tracking-entry')
    await byTestId('tx-tracking-submit').tap()
    await page.getByText('已上传 3 单').first().waitFor({ timeout: 60_000 })
    await page.getByText(`查询出${count - 3}条符合条件数据`).first().waitFor({ timeout: 30_000 })
    expect((await list(filter, 1)).total!.count).toBe(count - 3)
    await screenshot(page, 'actions-tracking-done')
  }, 180_000)

  it('uploads tracking for one order from its detail', async () => {
    const [item] = (await list({ ...RANGE, tracking: 'missing', status: 'success' }, 1)).items
    await openDetail(item.paymentId)
    await byTestId('txd-action-tracking').tap()
    await pageOnScreen(page).locator('[data-testid="tracking-number"] input').fill(`YT${Date.now()}`)
    await pageOnScreen(page).locator('[data-testid="tracking-site"] input').fill('www.yto.net.cn')
    await pageOnScreen(page).locator('[data-testid="tracking-handler"] input').fill('王芳')
    await screenshot(page, 'actions-tracking-sheet')
    await byTestId('tracking-submit').tap()
    await byTestId('tracking-result-succeeded').waitFor({ timeout: 60_000 })
    await screenshot(page, 'actions-tracking-sheet-done')
    await byTestId('action-done').tap()
  }, 120_000)

  it('looks up two orders and a BIN in 工具, reached from 我的', async () => {
    const orders = (await list({ ...RANGE, status: 'success' }, 2)).items
    const detail = await apiGet<TransactionDetail>(app, login, `/api/transactions/${orders[0].paymentId}`)
    const bin = (detail.cardMasked ?? '411111').slice(0, 6)
    await page.goto(`${app.baseUrl}/#${ROUTES.me}`)
    await byTestId('me-tools').tap()
    await byTestId('tools-orders').waitFor({ timeout: 30_000 })
    await pageOnScreen(page).locator('[data-testid="tools-orders-input"] textarea').fill(`${orders[0].orderNumber}\n${orders[1].orderNumber}`)
    await byTestId('tools-orders-submit').tap()
    await byTestId(`tools-order-${orders[0].orderNumber}`).waitFor({ timeout: 60_000 })
    await byTestId(`tools-order-${orders[1].orderNumber}`).waitFor()
    await screenshot(page, 'actions-tools-orders')
    await pageOnScreen(page).locator('[data-testid="tools-bins-input"] textarea').fill(bin)
    await byTestId('tools-bins-submit').tap()
    await byTestId(`tools-bin-${bin}`).waitFor({ timeout: 60_000 })
    await byTestId(`tools-bin-${bin}`).scrollIntoViewIfNeeded()
    await screenshot(page, 'actions-tools-bin')
  }, 120_000)

  it('the customer-service user sees no money button, and the server answers 403 when called directly', async () => {
    const { page: servicePage } = await newPhone(browser, { viewport: { width: 390, height: 844 } })
    const service = await openLoggedIn(servicePage, app, { phone: SERVICE_PHONE, path: ROUTES.home })
    const [sale] = (await list({ ...RANGE, status: 'success', txnType: 'sale', tracking: 'missing' }, 1)).items
    const [auth] = (await list({ ...YEAR, authStatus: 'pending' }, 1)).items
    for (const paymentId of [sale.paymentId, auth.paymentId]) {
      await servicePage.goto(`${app.baseUrl}/#${ROUTES.transactionDetail}?paymentId=${encodeURIComponent(paymentId)}`)
      await testIdOnScreen(servicePage, 'txd-action-history').waitFor({ timeout: 30_000 })
      for (const action of ['refund', 'capture', 'void']) {
        await expect(pageOnScreen(servicePage).locator(`[data-testid="txd-action-${action}"]`).count()).resolves.toBe(0)
      }
    }
    await screenshot(servicePage, 'actions-service-detail')
    await servicePage.goto(`${app.baseUrl}/#${ROUTES.transactions}${transactionsQueryString({ ...YEAR, authStatus: 'pending' })}`)
    await testIdOnScreen(servicePage, `tx-row-${auth.paymentId}`).waitFor({ timeout: 30_000 })
    await expect(pageOnScreen(servicePage).locator('[data-testid$="-capture"], [data-testid$="-void"]').count()).resolves.toBe(0)
    const key = { 'Idempotency-Key': `e2e-service-${Date.now()}` }
    const refund = await apiSend(service, 'POST', `/api/transactions/${sale.paymentId}/refunds`, { amount: '1', reason: 'Not allowed', pin: PIN }, key)
    const capture = await apiSend(service, 'POST', `/api/transactions/${auth.paymentId}/capture`, { amount: '1', pin: PIN }, { 'Idempotency-Key': `e2e-service-c-${Date.now()}` })
    const voided = await apiSend(service, 'POST', `/api/transactions/${auth.paymentId}/void`, { pin: PIN }, { 'Idempotency-Key': `e2e-service-v-${Date.now()}` })
    for (const answer of [refund, capture, voided]) {
      expect(answer.status).toBe(403)
      expect(answer.body).toMatchObject({ error: { code: 'FORBIDDEN' } })
    }
    await servicePage.context().close()
  }, 120_000)

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([])
  })
})

