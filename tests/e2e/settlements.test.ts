/**
 * 交易划款 as a merchant uses it in a browser (H5 build, real server and demo data): the count of the default
 * 7 days, each filter of the sheet changing the count to exactly what the server counts, paging, the empty and
 * error states, a batch's detail with every figure, its rows in the batch currency (more of them, one opened) and
 * the link to the transactions list filtered by the batch and its currency as booking currency. Screenshots of each page and state.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import type { SettlementDetail, SettlementRowsPage, SettlementsPage, SettlementsQuery } from '@contract/settlements'
import { ROUTES } from '../../src/routes'
import { addDays, beijingToday } from '../../src/utils/dates'
import { formatMoney } from '../../src/utils/money'
import { startApp, type RunningApp } from './support/app-process'
import { expectErrors, launchBrowser, newPhone, screenshot } from './support/browser'
import { listScreen } from './support/list-screen'
import { apiGet, openLoggedIn } from './support/session'
import { goBackSettled, pageOnScreen, testIdOnScreen } from './support/router'

let app: RunningApp
let browser: Browser
let page: Page
let pageErrors: string[]
let login: LoginResponse

const today = beijingToday()
const RANGE = { from: `${addDays(today, -6)}T00:00:00+08:00`, to: `${today}T23:59:59+08:00` }

const stationed = () => pageOnScreen(page)
const byTestId = (id: string) => testIdOnScreen(page, id)
const { countText, waitForCount, applyInSheet } = listScreen(() => page, 'st')

function queryString(query: SettlementsQuery): string {
  return Object.entries(query)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&')
}

async function serverList(filter: SettlementsQuery = {}): Promise<SettlementsPage> {
  return apiGet<SettlementsPage>(app, login, `/api/settlements?${queryString({ ...RANGE, ...filter })}`)
}

beforeAll(async () => {
  // The bundles were built beforehand (ensure-builds); other people's edits must not trigger a rebuild mid-test.
  app = await startApp()
  browser = await launchBrowser()
  ;({ page, errors: pageErrors } = await newPhone(browser))
  login = await openLoggedIn(page, app, { path: ROUTES.settlements, waitForText: '条符合条件数据' })
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('settlements in a browser', () => {
  let unfiltered: SettlementsPage

  it('shows the last 7 Beijing days with the count and the batches the server has', async () => {
    unfiltered = await serverList()
    expect(unfiltered.total!.count).toBeGreaterThan(20)
    await waitForCount(unfiltered.total!.count)
    await expect(byTestId('st-range-start').innerText()).resolves.toContain(`${addDays(today, -6)} 00:00:00`)
    await expect(byTestId('st-range-end').innerText()).resolves.toContain(`${today} 23:59:59`)
    const first = unfiltered.items[0]
    const row = byTestId(`st-row-${first.batchNo}`)
    await expect(row.innerText()).resolves.toContain(formatMoney(first.net))
    await screenshot(page, 'settlements-list')
  })

  it('changes the count with each filter of the sheet, to exactly the server count', async () => {
    const batchNo = unfiltered.items[1].batchNo
    const fields: Array<{ key: keyof SettlementsQuery; values: string[]; text?: boolean }> = [
      { key: 'batchNo', values: [batchNo], text: true },
      { key: 'timeType', values: ['created'] },
      { key: 'currency', values: ['USD', 'EUR', 'JPY'] },
      { key: 'batchType', values: ['deposit', 'transaction'] },
    ]
    const seen: Array<{ filter: string; count: number }> = [{ filter: '(none)', count: unfiltered.total!.count }]
    for (const field of fields) {
      const candidates = await Promise.all(field.values.map(async (value) => ({ value, count: (await serverList({ [field.key]: value })).total!.count })))
      // The first value that changes the count; a 7-day window holds one Monday, so 生成时间 and 划款时间 may
      // count alike — then the request itself must carry the filter.
      const chosen = candidates.find((candidate) => candidate.count !== unfiltered.total!.count) ?? candidates[0]
      const sent = page.waitForRequest((request) => request.url().includes('/api/settlements?') && request.url().includes(`${field.key}=${chosen.value}`))
      await applyInSheet(async () => {
        if (field.text) await stationed().locator(`[data-testid="st-sheet-text-${field.key}"] input`).fill(chosen.value)
        else await byTestId(`st-sheet-option-${field.key}-${chosen.value}`).tap()
      })
      await sent
      await waitForCount(chosen.count)
      await expect(byTestId('st-filters').innerText()).resolves.toBe('高级筛选（1）')
      seen.push({ filter: `${field.key}=${chosen.value}`, count: chosen.count })
      if (field.key === 'batchNo') {
        await expect(stationed().locator('[data-testid^="st-row-"]').count()).resolves.toBe(1)
        await screenshot(page, 'settlements-filtered')
      }
      await byTestId('st-filters-clear').tap()
      await waitForCount(unfiltered.total!.count)
    }
    console.table(seen)
    expect(seen.filter((entry) => entry.count !== unfiltered.total!.count).length).toBeGreaterThanOrEqual(3)
  })

  it('shows the sheet with its four filters', async () => {
    await byTestId('st-filters').tap()
    const sheet = byTestId('st-sheet')
    await sheet.waitFor()
    const text = await sheet.innerText()
    for (const label of ['划款批次号', '时间类型', '生成时间', '划款时间', '币种', 'SGD', '划款类型', '交易款', '保证金']) expect(text).toContain(label)
    await byTestId('st-sheet-option-currency-EUR').tap()
    await screenshot(page, 'settlements-sheet')
    await byTestId('st-sheet-close').tap()
    await sheet.waitFor({ state: 'detached' })
    await waitForCount(unfiltered.total!.count)
  })

  it('pages through: the next page is appended until there is no more', async () => {
    const cursors: string[] = []
    const listen = (request: { url: () => string }) => {
      if (request.url().includes('/api/settlements?') && request.url().includes('cursor=')) cursors.push(request.url())
    }
    page.on('request', listen)
    try {
      for (let i = 0; i < 10 && !(await stationed().getByText('没有更多了').isVisible()); i += 1) {
        await page.mouse.wheel(0, 3000)
        await page.waitForTimeout(400)
        // Reaching the bottom loads by itself; the button may vanish under the finger when it does.
        const more = byTestId('st-load-more')
        if (await more.isVisible()) await more.tap({ timeout: 2_000 }).catch(() => undefined)
      }
      await stationed().getByText('没有更多了').waitFor({ timeout: 15_000 })
      expect(cursors.length).toBe(Math.ceil(unfiltered.total!.count / 20) - 1)
      const last = (await serverList({ cursor: unfiltered.nextCursor! })).items.at(-1)!
      await expect(byTestId(`st-row-${last.batchNo}`).isVisible()).resolves.toBe(true)
      await screenshot(page, 'settlements-paged')
    } finally {
      page.off('request', listen)
    }
  })

  it('shows the empty state for a batch number that matches nothing', async () => {
    await applyInSheet(() => stationed().locator('[data-testid="st-sheet-text-batchNo"] input').fill('NO-SUCH-BATCH'))
    await waitForCount(0)
    await stationed().getByText('查询结果为空').waitFor()
    await screenshot(page, 'settlements-empty')
    await byTestId('st-filters-clear').tap()
    await waitForCount(unfiltered.total!.count)
  })

  it('shows an error with retry when the server cannot be reached', async () => {
    // What this test provokes: the list request fails (aborted by the test).
    const expected = expectErrors(page, /^request failed: GET .*\/api\/settlements\?.* \(net::ERR_FAILED\)$/)
    await page.route('**/api/settlements?**', (route) => route.abort())
    await byTestId('st-filters').tap()
    await byTestId('st-sheet-option-batchType-deposit').tap()
    await byTestId('st-sheet-apply').tap()
    await byTestId('state-error').waitFor({ timeout: 30_000 })
    await expect(byTestId('state-error').innerText()).resolves.toContain('网络连接失败')
    await screenshot(page, 'settlements-error')
    await page.unroute('**/api/settlements?**')
    expected()
    await byTestId('state-retry').tap()
    await expect.poll(countText, { timeout: 20_000 }).toMatch(/^查询出\d+条符合条件数据$/)
    await byTestId('st-filters-clear').tap()
    await waitForCount(unfiltered.total!.count)
  })

  it('opens a batch with every figure, more of its transactions, one transaction, and the filtered transactions list', async () => {
    // The largest batch of the week, so its transactions run over several pages.
    const batch = [...unfiltered.items].sort((a, b) => b.txnCount - a.txnCount)[0]
    await page.evaluate(() => window.scrollTo(0, 0))
    await byTestId(`st-row-${batch.batchNo}`).tap()
    await byTestId('st-detail').waitFor({ timeout: 20_000 })
    const detail = await apiGet<SettlementDetail>(app, login, `/api/settlements/${batch.batchNo}`)
    await expect(byTestId('st-detail-net').innerText()).resolves.toBe(formatMoney(detail.net))
    for (const key of ['gross', 'fee', 'refund', 'chargeback', 'deposit'] as const) {
      await expect(byTestId(`st-detail-${key}`).innerText()).resolves.toBe(formatMoney(detail[key]))
    }
    await expect(byTestId('st-detail-count').innerText()).resolves.toBe(String(detail.txnCount))
    await screenshot(page, 'settlements-detail')

    // The rows are in the batch currency and the batch's figures are their sums (the server test proves every
    // batch; here the screen shows the rule and the first rows' booked amounts).
    await expect(byTestId('st-detail-formula').innerText()).resolves.toContain(detail.currency)
    const firstRow = detail.rows.items[0]
    await expect(
      stationed().locator(`[data-testid="st-tx-${firstRow.kind}-${firstRow.paymentId}"] [data-testid="st-tx-amount"]`).first().innerText(),
    ).resolves.toContain(detail.currency)
    expect(detail.rows.nextCursor).not.toBeNull()
    const more = page.waitForResponse((response) => response.url().includes(`/api/settlements/${batch.batchNo}/rows?`) && response.url().includes('cursor='))
    await page.mouse.wheel(0, 6000)
    await page.waitForTimeout(300)
    if (await byTestId('st-tx-load-more').isVisible()) await byTestId('st-tx-load-more').tap()
    expect((await more).status()).toBe(200)
    const second = (await (await more).json()) as SettlementRowsPage
    const rowId = `st-tx-${second.items[0].kind}-${second.items[0].paymentId}`
    // The appended rows are below the first page's: bring them into the virtual list's window.
    await expect
      .poll(
        async () => {
          const found = await stationed().locator(`[data-testid="${rowId}"]`).count()
          if (found > 0) return found
          // Rows are newest first: wheel towards the target from the window the list shows now (the page scrolls
          // inside its own box, and further pages keep loading, so "the bottom" moves past the target).
          const shown = await stationed()
            .locator('[data-testid^="st-tx-transaction-"]')
            .evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').replace('st-tx-transaction-', '')))
          const target = second.items[0].paymentId
          // Over the list, not the navigation bar: the wheel scrolls the box under the pointer.
          await page.mouse.move(180, 500)
          await page.mouse.wheel(0, shown.length > 0 && target > shown[0] ? -400 : 400)
          return 0
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0)
    await screenshot(page, 'settlements-detail-transactions')

    await stationed().locator(`[data-testid="${rowId}"]`).first().tap()
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('transaction-detail')
    // The detail page's own field, not the payment id's text: the batch page beneath lists that id too, so looking
    // for the text passed before the detail page had slid in, and the back below then raced the push.
    await expect
      .poll(() => stationed().locator('[data-testid="txd-payment-id"]').innerText().catch(() => ''), { timeout: 15_000 })
      .toContain(second.items[0].paymentId)
    await goBackSettled(page)
    await expect.poll(() => page.url(), { timeout: 15_000 }).not.toContain('transaction-detail')
    // During the back transition two pages are stationed: look for the link that is actually on screen.
    const link = page.locator('[data-testid="st-view-transactions"]:visible').first()
    await link.waitFor({ timeout: 15_000 })
    await page.evaluate(() => window.scrollTo(0, 0))
    await link.tap()
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain(`batchNo=${batch.batchNo}`)
    // …with the batch currency as 记账币种, so the list's totals can be in the batch currency.
    expect(page.url()).toContain(`bookingCurrency=${batch.currency}`)
    await expect
      .poll(() => stationed().locator('[data-testid="tx-count"]').innerText(), { timeout: 20_000 })
      .toBe(`查询出${detail.txnCount}条符合条件数据`)
    await screenshot(page, 'settlements-batch-in-transactions')
    expect(pageErrors).toEqual([])
  })
})
