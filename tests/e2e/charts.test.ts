/**
 * 可视化图表 in Chromium over the H5 build against the real server, logged in as the demo user: every chart type
 * switched on draws its canvas (non-blank pixels) with a table of rows under it; presets change the date range;
 * the terminal and card-brand pickers refetch with the server's numbers; the case tabs switch the table; each card
 * states its date basis; a day's 交易笔数 is 成功 + 失败 + 处理中 and a day without transactions shows "—".
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import type { ChartResponse, ChartType } from '@contract/charts'
import type { MeResponse } from '@contract/me'
import { CHART_TYPES, DEFAULT_CHART_TYPES } from '../../src/features/charts/catalog'
import { ROUTES } from '../../src/routes'
import { addDays, beijingToday } from '../../src/utils/dates'
import { startApp, type RunningApp } from './support/app-process'
import { launchBrowser, newPhone, screenshot } from './support/browser'
import { apiGet, openLoggedIn } from './support/session'

let app: RunningApp
let browser: Browser
let page: Page
let pageErrors: string[]
let login: LoginResponse

const card = (type: ChartType) => page.getByTestId(`chart-card-${type}`)
const tableRows = (type: ChartType) => card(type).getByTestId('chart-table-row')
/** Back to the filter card (the page, not the window, scrolls in Taro's H5 router). */
const toTop = () => page.getByTestId('chart-range').evaluate((element) => element.scrollIntoView({ block: 'center' }))

/** Painted pixels of the card's chart canvas: ECharts draws on a transparent canvas, so blank means 0. */
async function paintedPixels(type: ChartType): Promise<number> {
  return page.evaluate((id) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="chart-canvas-${id}"] canvas`)
    const context = canvas?.getContext('2d')
    if (!canvas || !context || canvas.width === 0 || canvas.height === 0) return 0
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
    let painted = 0
    for (let index = 3; index < data.length; index += 4) if (data[index] !== 0) painted += 1
    return painted
  }, type)
}

async function expectDrawn(type: ChartType): Promise<void> {
  await card(type).scrollIntoViewIfNeeded()
  await expect.poll(() => tableRows(type).count(), { timeout: 30_000, message: `${type}: no table rows` }).toBeGreaterThan(0)
  await expect.poll(() => paintedPixels(type), { timeout: 30_000, message: `${type}: the canvas stayed blank` }).toBeGreaterThan(2_000)
}

function waitForChartRequest(type: ChartType, part: string) {
  return page.waitForRequest((request) => request.url().includes(`/api/charts/${type}?`) && request.url().includes(part), { timeout: 30_000 })
}

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
  ;({ page, errors: pageErrors } = await newPhone(browser))
  login = await openLoggedIn(page, app, { path: ROUTES.charts, waitForText: '可视化图表高级筛选' })
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('charts in a browser', () => {
  it('opens on 近七日 with the default charts drawn and tables under them', async () => {
    const today = beijingToday()
    await expect.poll(() => page.getByTestId('chart-range').textContent(), { timeout: 15_000 }).toBe(`近七日${addDays(today, -6)}~${today}`)
    for (const type of DEFAULT_CHART_TYPES) await expectDrawn(type)
    await expect(tableRows('overview').count()).resolves.toBe(7)
    // Each card says which date puts a row into the range (issue 11 item 4).
    await expect(card('overview').getByTestId('chart-basis-overview').textContent()).resolves.toBe('按交易日期统计（北京时间）')
    await expect(card('card-brand-cases').getByTestId('chart-basis-card-brand-cases').textContent()).resolves.toContain('按交易日期统计')
    // The day table (日期 + five figures) scrolls sideways on a phone; its date stays in view while it does.
    const grid = card('overview').locator('.chart-table__grid')
    await grid.evaluate((element) => element.scrollTo({ left: element.scrollWidth }))
    await expect.poll(() => grid.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0)
    const gridBox = await grid.boundingBox()
    const dateBox = await tableRows('overview').first().locator('.chart-table__cell').first().boundingBox()
    expect(dateBox?.x).toBeGreaterThanOrEqual((gridBox?.x ?? 0) - 1)
    await card('overview').evaluate((element) => element.scrollIntoView({ block: 'start' }))
    await screenshot(page, 'charts-overview-scrolled')
    await grid.evaluate((element) => element.scrollTo({ left: 0 }))
    await toTop()
    await screenshot(page, 'charts-default')
  })

  it('switches every one of the eight chart types on (近30日): each draws its canvas and lists its table', async () => {
    await toTop()
    // A month, so that even the rarer figures (chargeback reasons) have something to draw.
    const month = waitForChartRequest('overview', 'range=30d')
    await page.getByTestId('chart-range-30d').click()
    await month
    await page.getByTestId('chart-types').click()
    await screenshot(page, 'charts-type-sheet')
    for (const type of CHART_TYPES) {
      if (!DEFAULT_CHART_TYPES.includes(type)) await page.getByTestId(`chart-type-${type}`).click()
    }
    await page.getByTestId('chart-types-confirm').click()
    await expect.poll(() => page.getByTestId(/^chart-card-/).count()).toBe(8)
    for (const type of CHART_TYPES) {
      const answer = await apiGet<ChartResponse>(app, login, `/api/charts/${type}?range=30d`)
      if (answer.table.rows.length === 0) {
        // Nothing of this kind in the month: the card says so instead of drawing an empty chart.
        await expect.poll(() => card(type).textContent(), { timeout: 30_000 }).toContain('查询结果为空')
      } else {
        await expectDrawn(type)
        await expect(tableRows(type).count()).resolves.toBe(Math.min(answer.table.rows.length, 10))
      }
      await expect(card(type).getByTestId(`chart-basis-${type}`).textContent()).resolves.toContain(
        answer.basis === 'case' ? '按拒付日期统计' : '按交易日期统计',
      )
      await card(type).evaluate((element) => element.scrollIntoView({ block: 'start' }))
      await screenshot(page, `charts-${type}`)
    }
    await toTop()
    const week = waitForChartRequest('overview', 'range=7d')
    await page.getByTestId('chart-range-7d').click()
    await week
  })

  it('the case tabs switch the table of 整体拒付、伪冒和退款(区分卡种) to Date / count / rate of that kind', async () => {
    const cases = card('card-brand-cases')
    await cases.evaluate((element) => element.scrollIntoView({ block: 'start' }))
    await expect.poll(() => cases.getByText('拒付率').isVisible(), { timeout: 30_000 }).toBe(true)
    await cases.getByTestId('chart-tab-refund').click()
    await expect.poll(() => cases.getByText('退款率').isVisible()).toBe(true)
    await expect(cases.getByText('拒付率').count()).resolves.toBe(0)
    await expectDrawn('card-brand-cases')
    await screenshot(page, 'charts-card-brand-cases-refund')
  })

  it('近30日 and back to 近七日 change the date range and refetch', async () => {
    await toTop()
    const today = beijingToday()
    const request = waitForChartRequest('overview', 'range=30d')
    await page.getByTestId('chart-range-30d').click()
    await request
    await expect.poll(() => page.getByTestId('chart-range').textContent()).toBe(`近30日${addDays(today, -29)}~${today}`)
    await expectDrawn('overview')
    // The overview table shows its first ten of thirty days and expands to all.
    await expect(tableRows('overview').count()).resolves.toBe(10)
    await card('overview').getByTestId('chart-table-overview-toggle').click()
    await expect.poll(() => tableRows('overview').count()).toBe(30)
    await toTop()
    await screenshot(page, 'charts-30d')

    const back = waitForChartRequest('overview', 'range=7d')
    await page.getByTestId('chart-range-7d').click()
    await back
    await expect.poll(() => page.getByTestId('chart-range').textContent()).toBe(`近七日${addDays(today, -6)}~${today}`)
  })

  it('the terminal picker refetches and the table shows the server’s numbers for that terminal', async () => {
    const me = await apiGet<MeResponse>(app, login, '/api/me')
    const terminal = me.terminals[0]
    expect(terminal).toBeDefined()
    await toTop()
    await page.getByTestId('chart-terminal').click()
    await screenshot(page, 'charts-terminal-sheet')
    const request = waitForChartRequest('overview', `terminal=${terminal}`)
    await page.getByTestId(`chart-terminal-option-${terminal}`).click()
    await request
    await expect.poll(() => page.getByTestId('chart-terminal').textContent()).toContain(terminal)

    const expected = await apiGet<ChartResponse>(app, login, `/api/charts/overview?range=7d&terminal=${terminal}`)
    const lastDay = expected.table.rows.at(-1)
    const count = (key: string) => Number(lastDay?.[key]).toLocaleString('en-US')
    // A day without transactions on that terminal has no success rate: "—", not 0.00%.
    const rate = lastDay?.successRate === null ? '—' : `${Number(lastDay?.successRate).toFixed(2)}%`
    await expectDrawn('overview')
    await expect
      .poll(() => tableRows('overview').last().textContent())
      .toBe(`${String(lastDay?.date)}${count('total')}${count('success')}${count('failure')}${count('pending')}${rate}`)
    expect(Number(lastDay?.success) + Number(lastDay?.failure) + Number(lastDay?.pending)).toBe(lastDay?.total)
  })

  it('the card-brand picker refetches every card for that brand', async () => {
    await toTop()
    await page.getByTestId('chart-brand').click()
    const overview = waitForChartRequest('overview', 'cardBrand=Visa')
    const country = waitForChartRequest('country', 'cardBrand=Visa')
    await page.getByTestId('chart-brand-option-Visa').click()
    await Promise.all([overview, country])
    await expect.poll(() => page.getByTestId('chart-brand').textContent()).toContain('Visa')
    await expectDrawn('country')
    await toTop()
    await screenshot(page, 'charts-filtered')
  })

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
