/**
 * 交易明细 as a merchant uses it in a browser (H5 build, real server and demo data): every advanced filter of
 * the sheet applied one at a time changes "查询出N条符合条件数据" to exactly what the server counts for that
 * filter; search by order number finds the one row; a row opens its detail; scrolling loads more pages while
 * the page keeps only a window of rows in the DOM. Screenshots: list, sheet, detail, preset, deep scroll.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import type { MeResponse } from '@contract/me'
import type { TransactionDetail, TransactionsFilter, TransactionsPage } from '@contract/transactions'
import { ROUTES } from '../../src/routes'
import { addDays, beijingToday } from '../../src/utils/dates'
import { transactionsQueryString } from '../../src/utils/transactions-filter-url'
import { startApp, type RunningApp } from './support/app-process'
import { launchBrowser, newPhone, screenshot } from './support/browser'
import { listScreen } from './support/list-screen'
import { apiGet, openLoggedIn } from './support/session'
import { goBackSettled, pageOnScreen, routerSettled, testIdOnScreen } from './support/router'

let app: RunningApp
let browser: Browser
let page: Page
let pageErrors: string[]
let login: LoginResponse

const today = beijingToday()
const LAST_7_DAYS = { from: `${addDays(today, -6)}T00:00:00+08:00`, to: `${today}T23:59:59+08:00` }
// Wide enough to hold settled transactions, so the settlement filters (batch, 交易划款, 保证金划款) find rows.
const LAST_60_DAYS = { from: `${addDays(today, -59)}T00:00:00+08:00`, to: `${today}T23:59:59+08:00` }
let RANGE: { from: string; to: string } = LAST_7_DAYS

const stationed = () => pageOnScreen(page)
const byTestId = (id: string) => testIdOnScreen(page, id)
const { countText, waitForCount, applyInSheet } = listScreen(() => page, 'tx')

async function serverCount(filter: TransactionsFilter): Promise<number> {
  const result = await apiGet<TransactionsPage>(app, login, `/api/transactions${transactionsQueryString({ ...RANGE, ...filter })}&limit=1`)
  return result.total!.count
}

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
  ;({ page, errors: pageErrors } = await newPhone(browser))
  login = await openLoggedIn(page, app, { path: ROUTES.transactions, waitForText: '条符合条件数据' })
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('transactions in a browser', () => {
  let unfiltered = 0

  it('shows the last 7 days with the count and totals the server computes', async () => {
    unfiltered = await serverCount({})
    expect(unfiltered).toBeGreaterThan(20)
    await waitForCount(unfiltered)
    await expect(byTestId('tx-range-start').innerText()).resolves.toContain(`${addDays(today, -6)} 00:00:00`)
    await expect(byTestId('tx-range-end').innerText()).resolves.toContain(`${today} 23:59:59`)
    await expect(byTestId('tx-totals').innerText()).resolves.toMatch(/金额统计[\s\S]*[A-Z]{3} -?[\d,]+/)
    expect(await stationed().locator('[data-testid^="tx-row-"]').count()).toBeGreaterThan(3)
    await screenshot(page, 'transactions-list')
  })

  it('changes the count with each advanced filter, to exactly the server count', async () => {
    // Opened as a settlement batch or a link would open it: with a range in the URL.
    RANGE = LAST_60_DAYS
    await page.goto(`${app.baseUrl}/#${ROUTES.transactions}${transactionsQueryString(RANGE)}`)
    unfiltered = await serverCount({})
    await waitForCount(unfiltered)
    await expect(byTestId('tx-range-start').innerText()).resolves.toContain(`${addDays(today, -59)} 00:00:00`)
    const me = await apiGet<MeResponse>(app, login, '/api/me')
    const settled = await apiGet<TransactionsPage>(app, login, `/api/transactions${transactionsQueryString({ ...RANGE, fundsStatus: 'settled' })}&limit=1`)
    const batchNo = (await apiGet<TransactionDetail>(app, login, `/api/transactions/${settled.items[0].paymentId}`)).fundsBatchNo!
    // Each sheet field with the candidate values to try: the first whose count differs from the unfiltered one.
    const fields: Array<{ key: keyof TransactionsFilter; values: string[]; text?: boolean }> = [
      { key: 'timeType', values: ['settlement'] },
      { key: 'batchNo', values: [batchNo], text: true },
      { key: 'currency', values: ['USD', 'EUR', 'JPY'] },
      { key: 'bookingCurrency', values: ['USD', 'CNY', 'EUR', 'HKD'] },
      { key: 'txnType', values: ['authorization', 'sale'] },
      { key: 'cardBrand', values: ['Visa', 'MasterCard', 'JCB'] },
      { key: 'tracking', values: ['missing', 'uploaded'] },
      { key: 'delivery', values: ['delivered', 'in_transit', 'pending', 'exception'] },
      { key: 'fundsStatus', values: ['unsettled', 'settled'] },
      { key: 'depositStatus', values: ['settled', 'unsettled'] },
      { key: 'terminal', values: me.terminals },
      { key: 'status', values: ['failure', 'pending', 'success'] },
    ]
    const seen: Array<{ filter: string; count: number }> = []
    for (const field of fields) {
      // Prefer a value that keeps some rows (a visible list), else any value that changes the count.
      const candidates: Array<{ value: string; count: number }> = []
      for (const value of field.values) candidates.push({ value, count: await serverCount({ [field.key]: value }) })
      const changing = candidates.filter((candidate) => candidate.count !== unfiltered)
      const chosen = changing.find((candidate) => candidate.count > 0) ?? changing[0]
      expect(chosen, `${field.key}: no value changes the count`).toBeDefined()
      const { value, count } = chosen!
      await applyInSheet(async () => {
        if (field.text) await stationed().locator(`[data-testid="tx-sheet-text-${field.key}"] input`).fill(value)
        else await byTestId(`tx-sheet-option-${field.key}-${value}`).tap()
      })
      await waitForCount(count)
      await expect(byTestId('tx-filters').innerText()).resolves.toBe('高级筛选（1）')
      seen.push({ filter: `${field.key}=${value}`, count })
      if (field.key === 'cardBrand') await screenshot(page, 'transactions-filtered')
      // Back to no filter: 重置 then 确认.
      await applyInSheet(() => byTestId('tx-sheet-reset').tap())
      await waitForCount(unfiltered)
    }
    console.table([{ filter: '(none)', count: unfiltered }, ...seen])
  })

  it('shows every filter of the sheet with its label', async () => {
    await byTestId('tx-filters').tap()
    const sheet = byTestId('tx-sheet')
    await sheet.waitFor()
    const text = await sheet.innerText()
    for (const label of ['时间类型', '划款批次号', '交易币种', '记账币种', '交易类型', '卡种', '是否上传物流单号', '妥投状态', '交易划款', '保证金划款', '终端号', '交易状态']) {
      expect(text).toContain(label)
    }
    expect(text).toContain('记账时间')
    await byTestId('tx-sheet-option-cardBrand-Visa').tap()
    await screenshot(page, 'transactions-sheet')
    await byTestId('tx-sheet-close').tap()
    await sheet.waitFor({ state: 'detached' })
    await waitForCount(unfiltered)
  })

  it('finds one row by its order number', async () => {
    const orderNumber = (await apiGet<TransactionsPage>(app, login, `/api/transactions${transactionsQueryString(RANGE)}&limit=5`)).items[3]
      .orderNumber
    await stationed().locator('[data-testid="tx-search"] input').fill(orderNumber)
    await byTestId('tx-search-submit').tap()
    await waitForCount(1)
    const rows = stationed().locator('[data-testid^="tx-row-"]')
    await expect.poll(() => rows.count()).toBe(1)
    await expect(rows.first().innerText()).resolves.toContain(orderNumber)
    await stationed().locator('[data-testid="tx-search"] input').fill('')
    await byTestId('tx-search-submit').tap()
    await waitForCount(unfiltered)
  })

  it('finds a payment older than the shown days by its ID, in any case, and says the range does not apply', async () => {
    // With the default 7 days on screen, as a merchant pasting an ID from a customer's e-mail.
    await routerSettled(page)
    await page.goto(`${app.baseUrl}/#${ROUTES.transactions}`)
    await stationed().locator('[data-testid="tx-count"]').waitFor({ timeout: 20_000 })
    const older = { from: `${addDays(today, -59)}T00:00:00+08:00`, to: `${addDays(today, -20)}T23:59:59+08:00` }
    const old = (await apiGet<TransactionsPage>(app, login, `/api/transactions${transactionsQueryString({ ...older, case: 'chargeback' })}&limit=1`))
      .items[0] ?? (await apiGet<TransactionsPage>(app, login, `/api/transactions${transactionsQueryString(older)}&limit=1`)).items[0]
    await stationed().locator('[data-testid="tx-search"] input').fill(`  ${old.paymentId} `)
    await byTestId('tx-search-submit').tap()
    await waitForCount(1)
    await expect(byTestId('tx-id-search').innerText()).resolves.toBe('按订单号/支付ID查询全年，日期范围不适用')
    await expect(stationed().locator('[data-testid^="tx-row-"]').first().innerText()).resolves.toContain(old.orderNumber)
    await screenshot(page, 'transactions-id-search')
    await stationed().locator('[data-testid="tx-search"] input').fill(old.orderNumber.toLowerCase())
    await byTestId('tx-search-submit').tap()
    await waitForCount(1)
    await routerSettled(page)
    await page.goto(`${app.baseUrl}/#${ROUTES.transactions}${transactionsQueryString(RANGE)}`)
    await waitForCount(unfiltered)
  })

  it('opens the detail of a row, with its fields', async () => {
    // The rows themselves (class tx-row), not their parts: a pending pre-authorization's expiry is tx-row-<id>-expiry.
    const row = stationed().locator('.tx-row[data-testid^="tx-row-"]').nth(1)
    const paymentId = (await row.getAttribute('data-testid'))!.slice('tx-row-'.length)
    const detail = await apiGet<TransactionDetail>(app, login, `/api/transactions/${paymentId}`)
    await row.tap()
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('transaction-detail')
    const payment = stationed().locator('[data-testid="txd-payment-id"]')
    await payment.waitFor({ timeout: 15_000 })
    await expect(payment.innerText()).resolves.toContain(paymentId)
    const text = await stationed().innerText()
    for (const part of ['基本信息', '金额', '划款信息', '物流信息', detail.orderNumber, detail.terminal]) expect(text).toContain(part)
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/)
    await screenshot(page, 'transactions-detail')
    await goBackSettled(page)
    await expect.poll(() => page.url(), { timeout: 15_000 }).not.toContain('transaction-detail')
    await stationed().locator('[data-testid="tx-count"]').waitFor()
  })

  it('loads more pages while scrolling, keeping only a window of rows in the page', async () => {
    const cursors: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/api/transactions?') && request.url().includes('cursor=')) cursors.push(request.url())
    })
    // In H5 the page element scrolls (Taro's .taro_page), not the window: scroll it to its end, as a finger would.
    // Several scroll events per swipe, like a finger: Taro's H5 onReachBottom fires on entering the bottom zone.
    for (let i = 0; i < 30 && cursors.length < 5; i += 1) {
      for (const back of [900, 450, 0]) {
        await stationed().evaluate((element, offset) => element.scrollTo({ top: element.scrollHeight - element.clientHeight - offset }), back)
        await page.waitForTimeout(150)
      }
      await page.waitForTimeout(300)
    }
    expect(cursors.length).toBeGreaterThanOrEqual(5)
    // 6 pages of 20 are loaded, yet the DOM holds only the rows around the viewport…
    const rendered = await stationed().locator('[data-testid^="tx-row-"]').count()
    expect(rendered).toBeLessThan(60)
    // …and they are the ones on screen, not the first ones.
    const firstId = await stationed().locator('[data-testid^="tx-row-"]').first().getAttribute('data-testid')
    const firstPage = await apiGet<TransactionsPage>(app, login, `/api/transactions${transactionsQueryString(RANGE)}&limit=20`)
    expect(firstPage.items.map((item) => `tx-row-${item.paymentId}`)).not.toContain(firstId)
    // No blank gap: the rows on screen cover the page's viewport.
    const covered = await stationed().evaluate((element) => {
      const view = element.getBoundingClientRect()
      let height = 0
      for (const row of Array.from(element.querySelectorAll('[data-testid^="tx-row-"]'))) {
        const box = row.getBoundingClientRect()
        height += Math.max(0, Math.min(box.bottom, view.bottom) - Math.max(box.top, view.top))
      }
      return height / view.height
    })
    expect(covered).toBeGreaterThan(0.8)
    await screenshot(page, 'transactions-scrolled')
  })

  it('opens filtered from a to-do, showing the preset over the whole year', async () => {
    // A hash change while Taro's previous page transition still runs makes its router lose the page container.
    await routerSettled(page)
    await page.goto(`${app.baseUrl}/#${ROUTES.transactions}?authStatus=pending`)
    await stationed().locator('[data-testid="tx-preset"]').waitFor({ timeout: 20_000 })
    const todos = await apiGet<{ items: Array<{ kind: string; count: number }> }>(app, login, '/api/todos')
    const pending = todos.items.find((item) => item.kind === 'pendingAuthorization')!.count
    await expect.poll(countText, { timeout: 20_000 }).toBe(`查询出${pending}条符合条件数据`)
    await expect(stationed().locator('[data-testid="tx-preset"]').innerText()).resolves.toContain('待授权')
    await screenshot(page, 'transactions-preset')
    expect(pageErrors).toEqual([])
  })
})
