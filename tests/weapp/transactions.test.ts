/**
 * 交易明细 in the real weapp build against the real server (support/live-server.ts): the filter sheet changes
 * the query, and the virtualised list keeps its budgets with 1000+ rows loaded — fewer than 1000 rendered nodes,
 * every setData ≤ 256 KB, and appending a page costs the same setData bytes at page 2 as at page 51.
 * The measured figures are printed as a table for the lead to quote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import type { WeappApp, WeappPage } from './harness'
import { appendNextPage } from './support/list-scroll'
import { countNodes } from './support/node-count'
import { startLiveServer, type LiveServer } from './support/live-server'

const PAGE = 'subpackages/finance/transactions/index'
const SETDATA_BYTES_BUDGET = 256 * 1024
const NODE_BUDGET = 1000
const ROW_HEIGHT_DESIGN_PX = 216
/** Append cost at page 51 vs page 2: equal within 20 % or 2 KB, whichever is larger. */
const APPEND_TOLERANCE = { ratio: 0.2, bytes: 2048 }

let server: LiveServer
let login: LoginResponse

beforeAll(async () => {
  server = await startLiveServer()
  login = await server.login()
}, 180_000)

afterAll(async () => {
  await server?.close()
})

const boot = (): Promise<WeappApp> => server.boot(login)

const listRequests = () => server.requests.filter((request) => request.url.startsWith('/api/transactions?'))
const queryOf = (url: string) => Object.fromEntries(new URLSearchParams(url.slice(url.indexOf('?') + 1)))

function beijingDate(offsetDays: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)
}

async function waitForList(page: WeappPage): Promise<void> {
  await page.waitFor(() => page.text().includes('查询出') || page.text().includes('查询结果为空'), {
    timeoutMs: 20_000,
    message: 'the list never loaded',
  })
  await page.settle()
}

function countShown(page: WeappPage): number {
  const match = /查询出(\d+)条符合条件数据/.exec(page.text())
  if (!match) throw new Error(`no count on the page: ${page.text().slice(0, 200)}`)
  return Number(match[1])
}

describe('transactions list (weapp simulate, live server)', () => {
  it('opens with the last 7 Beijing days and applies an advanced filter through the sheet', async () => {
    const app = await boot()
    try {
      const before = listRequests().length
      const page = await app.openPage(PAGE)
      await waitForList(page)
      const first = queryOf(listRequests()[before].url)
      expect(first.from).toBe(`${beijingDate(-6)}T00:00:00+08:00`)
      expect(first.to).toBe(`${beijingDate(0)}T23:59:59+08:00`)
      expect(page.text()).toContain(`${beijingDate(-6)} 00:00:00`)
      const unfiltered = countShown(page)

      await page.tap({ testId: 'tx-filters' })
      await page.waitForText('是否上传物流单号')
      expect(page.text()).toContain('记账币种')
      expect(page.text()).toContain('American Express')
      // The open sheet (every option of every filter) on top of the list still fits the node budget.
      const withSheet = countNodes(page)
      expect(withSheet.elements + withSheet.textNodes).toBeLessThan(NODE_BUDGET)
      console.log(`transactions page with the filter sheet open: ${withSheet.elements} elements + ${withSheet.textNodes} text nodes`)
      await page.tap({ testId: 'tx-sheet-option-txnType-authorization' })
      const sent = listRequests().length
      await page.tap({ testId: 'tx-sheet-apply' })
      await page.waitFor(() => listRequests().length > sent && !page.text().includes('是否上传物流单号'))
      await waitForList(page)

      const filtered = queryOf(listRequests()[sent].url)
      expect(filtered.txnType).toBe('authorization')
      expect(filtered.from).toBe(first.from)
      expect(page.text()).toContain('高级筛选（1）')
      expect(countShown(page)).toBeLessThan(unfiltered)
      expect(page.metrics.maxSetDataBytes).toBeLessThanOrEqual(SETDATA_BYTES_BUDGET)
    } finally {
      app.dispose()
    }
  })

  it('keeps the budgets with 1000+ rows loaded: nodes, setData per call, append cost independent of depth', async () => {
    const app = await boot()
    try {
      // The whole allowed year, so there are thousands of rows to append.
      const page = await app.openPage(PAGE, {
        query: { from: `${beijingDate(-360)}T00:00:00+08:00`, to: `${beijingDate(0)}T23:59:59+08:00` },
      })
      await waitForList(page)
      // An advanced filter through the sheet (the sheet's default time type made explicit, then a card brand
      // removed again): the list that is paged is a filtered one.
      await page.tap({ testId: 'tx-filters' })
      await page.waitForText('是否上传物流单号')
      await page.tap({ testId: 'tx-sheet-option-txnType-sale' })
      await page.tap({ testId: 'tx-sheet-apply' })
      await page.waitFor(() => queryOf(listRequests().at(-1)?.url ?? '').txnType === 'sale' && !page.text().includes('是否上传'))
      await waitForList(page)
      const total = countShown(page)
      expect(total).toBeGreaterThanOrEqual(1000)

      const info = (app.wx.api.getSystemInfoSync as () => { windowWidth: number; windowHeight: number })()
      const rowPx = (ROW_HEIGHT_DESIGN_PX * info.windowWidth) / 750
      const appendBytes: number[] = []
      const appendCalls: number[] = []
      let loaded = 20
      let pageNo = 1
      // Page 2 … page 51: 50 appends, 1020 rows.
      while (appendBytes.length < 50) {
        const calls = await appendNextPage({ page, rowPx, windowHeight: info.windowHeight, listRequests }, loaded, pageNo + 1)
        appendBytes.push(calls.reduce((sum, call) => sum + call.bytes, 0))
        appendCalls.push(calls.length)
        expect(queryOf(listRequests().at(-1)!.url).cursor).toBeTruthy()
        loaded += 20
        pageNo += 1
      }

      const nodes = countNodes(page)
      const [k1, k50] = [appendBytes[0], appendBytes[49]]
      const figures = {
        rowsLoaded: loaded,
        matching: total,
        renderedElements: nodes.elements,
        renderedTextNodes: nodes.textNodes,
        setDataCalls: page.metrics.setDataCount,
        maxSetDataBytes: page.metrics.maxSetDataBytes,
        appendPage2Bytes: k1,
        appendPage51Bytes: k50,
        appendBytesMin: Math.min(...appendBytes),
        appendBytesMax: Math.max(...appendBytes),
        appendCallsPerPage: `${Math.min(...appendCalls)}–${Math.max(...appendCalls)}`,
      }
      console.log('transactions list budgets (weapp simulate, live server)')
      console.table(figures)

      expect(loaded).toBeGreaterThanOrEqual(1000)
      expect(nodes.elements + nodes.textNodes).toBeLessThan(NODE_BUDGET)
      expect(page.metrics.maxSetDataBytes).toBeLessThanOrEqual(SETDATA_BYTES_BUDGET)
      expect(Math.abs(k50 - k1)).toBeLessThanOrEqual(Math.max(APPEND_TOLERANCE.bytes, APPEND_TOLERANCE.ratio * k1))
      // Not only the first and the last: no append grows with depth.
      expect(Math.max(...appendBytes) - Math.min(...appendBytes)).toBeLessThanOrEqual(
        Math.max(APPEND_TOLERANCE.bytes, APPEND_TOLERANCE.ratio * k1),
      )

      // The rows around the viewport are the real ones: the last loaded page is on screen.
      const lastRequest = listRequests().at(-1)!
      expect(lastRequest.statusCode).toBe(200)
      expect(page.text()).toMatch(/账户订单号/)
    } finally {
      app.dispose()
    }
  }, 300_000)

  it('opens a detail from a row', async () => {
    const app = await boot()
    try {
      const page = await app.openPage(PAGE)
      await waitForList(page)
      const rowId = page.testIds().find((id) => id.startsWith('tx-row-'))
      expect(rowId).toBeDefined()
      app.wx.clearCalls()
      await page.tap({ testId: rowId! })
      const [navigation] = app.wx.navigations()
      expect(navigation).toEqual(
        expect.objectContaining({ path: '/subpackages/finance/transaction-detail/index', query: { paymentId: rowId!.slice(7) } }),
      )
      const detail = await app.openPage(navigation.url)
      await detail.waitForText('支付ID')
      expect(detail.text()).toContain(rowId!.slice(7))
      expect(detail.text()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/)
      await detail.tap({ testId: 'txd-payment-id' })
      expect(app.wx.clipboard).toBe(rowId!.slice(7))
    } finally {
      app.dispose()
    }
  })
})
