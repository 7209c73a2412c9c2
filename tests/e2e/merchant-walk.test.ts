/**
 * One merchant's whole visit, in order, as the "done when" tells it: log in through the sandbox phone
 * sheet; see the to-dos; open a pending count and land on its filtered list; open a transaction; look at the
 * funds; page through settlements into a batch; switch chart types; read a message and see the badge drop;
 * switch to English; log out. The feature suites test each page in depth; this one proves they join up.
 * Screenshots: test-results/e2e/walk-*.png.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import type { MessagesPage } from '@contract/messages'
import type { TodosResponse } from '@contract/todos'
import { createNonceSource, signRequest } from '../../src/api/signing'
import { CHART_TYPES, DEFAULT_CHART_TYPES } from '../../src/features/charts/catalog'
import { startApp, type RunningApp } from './support/app-process'
import { launchBrowser, newPhone, screenshot } from './support/browser'
import { loginThroughSheet } from './support/login'
import { DEMO_PHONE, apiGet, loginOverHttp } from './support/session'
import { goBackSettled, pageOnScreen, testIdOnScreen } from './support/router'

const createNonce = createNonceSource()

let app: RunningApp
let browser: Browser
let page: Page
let pageErrors: string[]
/** A second session of the same user, for asking the server what the page should show. */
let observer: LoginResponse

const stationed = () => pageOnScreen(page)
const byTestId = (id: string) => testIdOnScreen(page, id)
const tab = (index: number) => page.locator('.weui-tabbar__item').nth(index)
const badge = () => tab(1).locator('.taro-tabbar-badge')
const unreadTotal = async () => (await apiGet<MessagesPage>(app, observer, '/api/messages?limit=1')).unread.total

async function goBack(): Promise<void> {
  await goBackSettled(page)
  await stationed().waitFor()
}

async function readAllOfKind(kind: string): Promise<void> {
  const url = '/api/messages/read-all'
  const body = JSON.stringify({ kind })
  const timestamp = Date.now()
  const nonce = createNonce(timestamp)
  const response = await fetch(`${app.baseUrl}${url}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-op-session': observer.token,
      'x-op-timestamp': String(timestamp),
      'x-op-nonce': nonce,
      'x-op-sign': signRequest(observer.signingKey, { method: 'POST', url, body, timestamp, nonce }),
    },
    body,
  })
  expect(response.status).toBe(200)
}

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
  ;({ page, errors: pageErrors } = await newPhone(browser))
  observer = await loginOverHttp(app, DEMO_PHONE)
  // A year of notices leaves ~200 unread ("99+"); a merchant who has used the app has read the older kinds, and
  // under 100 the badge shows the number, so reading one message visibly drops it.
  await readAllOfKind('chargeback')
  await readAllOfKind('fraud')
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('a merchant walks through every page', () => {
  let todos: TodosResponse

  it('logs in through the sandbox phone sheet and sees the to-dos', async () => {
    await loginThroughSheet(page, app.baseUrl, DEMO_PHONE)
    todos = await apiGet<TodosResponse>(app, observer, '/api/todos')
    const pending = todos.items.find((item) => item.kind === 'pendingAuthorization')!
    await expect.poll(() => byTestId('todo-pendingAuthorization').innerText(), { timeout: 20_000 }).toContain(`${pending.count}`)
    await expect(byTestId('todo-today').innerText()).resolves.toContain(`${todos.today.successCount}`)
    await screenshot(page, 'walk-01-home')
  })

  it('opens the chargeback count and lands on exactly that many transactions', async () => {
    const chargebacks = todos.items.find((item) => item.kind === 'chargeback')!
    await byTestId('todo-chargeback').tap()
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('/subpackages/finance/transactions/index')
    await expect
      .poll(() => byTestId('tx-count').innerText(), { timeout: 20_000 })
      .toBe(`查询出${chargebacks.count}条符合条件数据`)
    // Each row shows its case (kind and state, reason, deadline), not the payment's green "成功" (issue 11).
    await expect.poll(() => stationed().locator('[data-testid^="tx-row-"][data-testid$="-case"]').first().innerText(), { timeout: 20_000 }).toBe('拒付 · 待处理')
    // An open case counts down to its answer deadline (issue 15); the demo's open chargebacks are days from it.
    await expect(stationed().locator('[data-testid^="tx-row-"][data-testid$="-deadline"]').first().innerText()).resolves.toMatch(
      /^(剩 \d+ 天 \d+ 小时|剩 \d+ 小时 \d+ 分|已逾期)$/,
    )
    await screenshot(page, 'walk-02-chargebacks')
  })

  it('opens a transaction of that list and sees its chargeback case', async () => {
    await stationed().locator('[data-testid^="tx-row-"]').first().tap()
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('/subpackages/finance/transaction-detail/index')
    await expect.poll(() => stationed().locator('[data-testid^="txd-case-"]').count(), { timeout: 20_000 }).toBeGreaterThan(0)
    await expect(stationed().innerText()).resolves.toContain('拒付')
    await screenshot(page, 'walk-03-transaction')
    await goBack()
    await goBack()
  })

  it('looks at the funds', async () => {
    await byTestId('entry-funds').tap()
    await expect.poll(() => stationed().innerText(), { timeout: 20_000 }).toContain('累计划款金额')
    await expect(stationed().innerText()).resolves.toMatch(/数据更新于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/)
    await screenshot(page, 'walk-04-funds')
    await goBack()
  })

  it('pages through settlements and opens a batch', async () => {
    await byTestId('entry-settlements').tap()
    await expect.poll(() => byTestId('st-count').innerText(), { timeout: 20_000 }).toMatch(/查询出\d+条符合条件数据/)
    const first = stationed().locator('[data-testid^="st-row-"]').first()
    await first.waitFor({ timeout: 20_000 })
    const batchNo = (await first.getAttribute('data-testid'))!.replace('st-row-', '')
    await first.tap()
    await expect.poll(() => stationed().innerText(), { timeout: 20_000 }).toContain(batchNo)
    await screenshot(page, 'walk-05-settlement-batch')
    await goBack()
    await goBack()
  })

  it('switches every chart type on and sees a chart and a table for each', async () => {
    await byTestId('entry-charts').tap()
    await byTestId('chart-types').waitFor({ timeout: 20_000 })
    await byTestId('chart-types').tap()
    for (const type of CHART_TYPES) {
      if (!DEFAULT_CHART_TYPES.includes(type)) await page.getByTestId(`chart-type-${type}`).click()
    }
    await page.getByTestId('chart-types-confirm').click()
    await byTestId('chart-range-30d').tap()
    for (const type of CHART_TYPES) await byTestId(`chart-card-${type}`).waitFor({ timeout: 20_000 })
    // Each card draws its chart, or says there was nothing to draw in the month.
    await expect
      .poll(async () => (await stationed().locator('canvas').count()) + (await stationed().getByText('查询结果为空').count()), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(CHART_TYPES.length)
    await screenshot(page, 'walk-06-charts')
    await goBack()
  })

  it('reads a message and sees the tab badge drop by one', async () => {
    const before = await unreadTotal()
    expect(before).toBeLessThan(100)
    await tab(1).click()
    await expect.poll(() => badge().innerText(), { timeout: 20_000 }).toBe(String(before))
    await byTestId('only-unread').tap()
    const unreadRow = stationed().locator('[data-testid^="message-"][data-testid$="-unread"]').first()
    await unreadRow.waitFor({ timeout: 20_000 })
    await unreadRow.tap()
    await byTestId('message-detail').waitFor({ timeout: 20_000 })
    await screenshot(page, 'walk-07-message')
    await goBack()
    await expect.poll(() => badge().innerText(), { timeout: 20_000 }).toBe(String(before - 1))
    expect(await unreadTotal()).toBe(before - 1)
    await screenshot(page, 'walk-08-messages')
  })

  it('switches to English on Me, and the tabs and pages follow', async () => {
    await tab(2).click()
    await byTestId('locale-en-US').tap()
    await expect.poll(() => tab(0).innerText(), { timeout: 10_000 }).toBe('Home')
    await expect.poll(() => stationed().innerText(), { timeout: 10_000 }).toContain('Customer service')
    await screenshot(page, 'walk-09-me-english')
    await tab(0).click()
    await expect.poll(() => stationed().innerText(), { timeout: 10_000 }).toContain('To-dos')
  })

  it('logs out and is back on the login page, and the old session is dead on the server', async () => {
    await tab(2).click()
    // The browser's own session, as the store persisted it (Taro H5 wraps stored values in { data }).
    const persisted = await page.evaluate(() => sessionStorage.getItem('op-session') ?? '')
    const session = (JSON.parse(JSON.parse(persisted).data as string) as { state: LoginResponse }).state
    await expect(apiGet(app, session, '/api/me')).resolves.toBeDefined()
    await byTestId('logout').tap()
    // Taro's H5 modal: its confirm button carries the confirm text, now in English.
    await page.getByText('Log out', { exact: true }).last().tap()
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('/pages/login/index')
    const stored = await page.evaluate(() => sessionStorage.getItem('op-session'))
    expect(stored ?? '').not.toContain('"token":"')
    await expect(apiGet(app, session, '/api/me')).rejects.toThrow(/401/)
    await screenshot(page, 'walk-10-logged-out')
  })

  it('raised no script error on any page', () => {
    expect(pageErrors).toEqual([])
  })
})
