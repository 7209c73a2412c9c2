/**
 * 交易划款 and 消息 in the real weapp build against the real server (support/live-server.ts), logged in as the demo
 * user: the requests the pages send, what they show, the tab badge calls, and the setData figures (printed as a
 * table) — including the batch list paged through a whole year with the node budget held.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import type { MessagesPage } from '@contract/messages'
import type { TaroNode, WeappApp, WeappPage } from './harness'
import { countNodes } from './support/node-count'
import { startLiveServer, type LiveServer } from './support/live-server'

const SETDATA_BYTES_BUDGET = 256 * 1024
const NODE_BUDGET = 1000
const BATCH_ROW_DESIGN_PX = 248

let server: LiveServer
let login: LoginResponse
let app: WeappApp

beforeAll(async () => {
  server = await startLiveServer()
  login = await server.login()
}, 180_000)

afterAll(async () => {
  await server?.close()
})

afterEach(() => app?.dispose())

async function boot(): Promise<WeappApp> {
  app = await server.boot(login)
  return app
}

/** What the server answers this session, to compare with what the page shows. */
const serverSays = <T>(url: string): Promise<T> => server.signedGet<T>(login, url)

const requestsTo = (prefix: string) => server.requests.filter((request) => request.url.startsWith(prefix))
const queryOf = (url: string) => Object.fromEntries(new URLSearchParams(url.slice(url.indexOf('?') + 1)))
const beijingDate = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)

/** The Taro node wrapping the one with this test id (e.g. the Picker around a date row). */
function parentOf(page: WeappPage, testId: string): TaroNode {
  const search = (node: TaroNode): TaroNode | undefined =>
    node.childNodes.some((child) => child.dataset?.testid === testId)
      ? node
      : node.childNodes.map(search).find((found) => found !== undefined)
  const found = search(page.taroRoot())
  if (found === undefined) throw new Error(`no parent of ${testId}`)
  return found
}

function badgeCalls(): Array<{ api: string; text?: string; index: number }> {
  return app.wx.calls
    .filter((call) => call.api === 'setTabBarBadge' || call.api === 'removeTabBarBadge')
    .map((call) => {
      const { index, text } = call.args[0] as { index: number; text?: string }
      return text === undefined ? { api: call.api, index } : { api: call.api, index, text }
    })
}

const figures: Record<string, string | number>[] = []

describe('messages (weapp simulate, live server)', () => {
  async function openMessages(): Promise<WeappPage> {
    const page = await app.openPage('pages/messages/index')
    await page.waitFor(() => page.testIds().some((id) => /^message-\d+$/.test(id)), { timeoutMs: 20_000, message: 'no messages' })
    await page.settle()
    return page
  }

  it('lists the messages with their unread counts and sets the tab badge', async () => {
    await boot()
    const truth = await serverSays<MessagesPage>('/api/messages')
    const page = await openMessages()
    // A notice is worded by the client from its facts (order, amount); an announcement carries its own title.
    const first = truth.items[0]
    expect(page.text()).toContain(first.title === null ? `订单 ${first.orderNumber}` : first.title['zh-CN'])
    expect(page.textOf({ testId: 'message-type-fraud-count' })).toBe(String(truth.unread.byKind.fraud))
    const expected = truth.unread.total > 99 ? '99+' : String(truth.unread.total)
    await page.waitFor(() => badgeCalls().some((call) => call.text === expected))
    expect(badgeCalls().at(-1)).toEqual({ api: 'setTabBarBadge', index: 1, text: expected })
    expect(page.metrics.maxSetDataBytes).toBeLessThanOrEqual(SETDATA_BYTES_BUDGET)
    figures.push({ step: 'messages: first page', setData: page.metrics.setDataCount, bytes: page.metrics.setDataBytes, max: page.metrics.maxSetDataBytes, nodes: countNodes(page).elements })
  })

  it('asks for unread only when the switch is turned on, and for a kind when its chip is tapped', async () => {
    await boot()
    const page = await openMessages()
    const sent = requestsTo('/api/messages?').length
    await page.trigger({ testId: 'only-unread' }, 'change', { value: true })
    await page.waitFor(() => requestsTo('/api/messages?').slice(sent).some((request) => queryOf(request.url).unreadOnly === 'true'))
    await page.tap({ testId: 'message-type-retrieval' })
    await page.waitFor(() =>
      requestsTo('/api/messages?')
        .slice(sent)
        .some((request) => queryOf(request.url).kind === 'retrieval' && queryOf(request.url).unreadOnly === 'true'),
    )
  })

  it('opening an announcement marks it read: back on the list its dot is gone and the chip count drops by one', async () => {
    await boot()
    const page = await openMessages()
    const sent = requestsTo('/api/messages?').length
    await page.tap({ testId: 'message-type-announcement' })
    // The announcements' list has arrived (not the previous list still on screen) and shows an unread one.
    await page.waitFor(() => requestsTo('/api/messages?').slice(sent).some((request) => queryOf(request.url).kind === 'announcement'))
    await page.settle()
    await page.waitFor(() => page.testIds().some((id) => /^message-\d+-unread$/.test(id)) && !page.text().includes('加载中'))
    expect(page.text()).not.toContain('拒付通知：')
    const before = Number(page.textOf({ testId: 'message-type-announcement-count' }))
    const unreadId = page.testIds().find((id) => /^message-\d+-unread$/.test(id))!.split('-')[1]
    app.wx.clearCalls()

    await page.tap({ testId: `message-${unreadId}` })
    const [navigation] = app.wx.navigations()
    expect(navigation).toMatchObject({ api: 'navigateTo', path: '/pages/message-detail/index', query: { id: unreadId } })
    const detail = await app.openPage(navigation.url)
    await detail.waitFor(() => detail.has({ testId: 'message-detail' }), { timeoutMs: 20_000 })
    expect(requestsTo(`/api/messages/${unreadId}`).length).toBe(1)
    figures.push({ step: 'message detail', setData: detail.metrics.setDataCount, bytes: detail.metrics.setDataBytes, max: detail.metrics.maxSetDataBytes, nodes: countNodes(detail).elements })
    detail.unload()

    await page.lifecycle('onShow')
    await page.waitFor(() => page.textOf({ testId: 'message-type-announcement-count' }) === String(before - 1))
    expect(page.has({ testId: `message-${unreadId}-unread` })).toBe(false)
    expect(badgeCalls().length).toBeGreaterThan(0)
  })

  it('全部已读 (confirmed) marks the chosen kind read and the list reloads', async () => {
    await boot()
    const page = await openMessages()
    await page.tap({ testId: 'message-type-fraud' })
    await page.waitFor(() => page.has({ testId: 'message-type-fraud-count' }) && !page.text().includes('加载中'))
    await page.tap({ testId: 'read-all' })
    await page.waitFor(() => !page.has({ testId: 'message-type-fraud-count' }), { timeoutMs: 20_000 })
    expect(app.wx.optionsOf<{ content: string }>('showModal')[0].content).toMatch(/^将「伪冒通知」的 \d+ 条未读消息标为已读？$/)
    expect(server.requests.some((request) => request.method === 'POST' && request.url === '/api/messages/read-all')).toBe(true)
    const truth = await serverSays<MessagesPage>('/api/messages?limit=1')
    expect(truth.unread.byKind.fraud).toBe(0)
  })
})

describe('settlements (weapp simulate, live server)', () => {
  async function openSettlements(): Promise<WeappPage> {
    const page = await app.openPage('subpackages/finance/settlements/index')
    await page.waitFor(() => /查询出\d+条符合条件数据/.test(page.text()) || page.text().includes('查询结果为空'), {
      timeoutMs: 20_000,
      message: 'the batch list never loaded',
    })
    await page.settle()
    return page
  }

  it('opens with the last 7 Beijing days, shows the count the server gives, and appends the next page', async () => {
    await boot()
    const page = await openSettlements()
    const first = queryOf(requestsTo('/api/settlements?').at(-1)!.url)
    expect(first).toEqual({ from: `${beijingDate(-6)}T00:00:00+08:00`, to: `${beijingDate(0)}T23:59:59+08:00` })
    const truth = await serverSays<{ total: { count: number } }>(
      `/api/settlements?from=${encodeURIComponent(first.from)}&to=${encodeURIComponent(first.to)}`,
    )
    expect(page.text()).toContain(`查询出${truth.total.count}条符合条件数据`)
    figures.push({ step: 'settlements: first page', setData: page.metrics.setDataCount, bytes: page.metrics.setDataBytes, max: page.metrics.maxSetDataBytes, nodes: countNodes(page).elements })

    if (truth.total.count > 20) {
      const mark = page.metrics.calls.length
      await page.lifecycle('onReachBottom')
      await page.waitFor(() => queryOf(requestsTo('/api/settlements?').at(-1)!.url).cursor !== undefined && !page.text().includes('正在加载更多'))
      await page.settle()
      const append = page.metrics.calls.slice(mark)
      // Only the new rows and the footer line travel, never the rows already shown (they were 15 KB before the
      // footer got its own slot).
      expect(append.reduce((sum, call) => sum + call.bytes, 0)).toBeLessThan(8 * 1024)
      figures.push({ step: 'settlements: append page 2', setData: append.length, bytes: append.reduce((sum, call) => sum + call.bytes, 0), max: Math.max(...append.map((call) => call.bytes)), nodes: countNodes(page).elements })
    }
  })

  it('a whole year paged through: < 1000 nodes, setData within budget, scrolling and appending cost the same at pages 3-7 as at 26-30', async () => {
    await boot()
    const page = await openSettlements()
    // The start picker (a native Picker: its change event carries the chosen day) moved back a year.
    await page.trigger({ sid: parentOf(page, 'st-range-start').sid }, 'change', { value: beijingDate(-364) })
    await page.waitFor(() => queryOf(requestsTo('/api/settlements?').at(-1)!.url).from === `${beijingDate(-364)}T00:00:00+08:00`)
    const shown = () => Number(/查询出(\d+)条/.exec(page.text())?.[1] ?? 0)
    // A year of weekly batches per currency (the 7-day list had a few dozen).
    await page.waitFor(() => shown() > 600, { timeoutMs: 20_000, message: 'the year count never showed' })
    await page.settle()

    const info = (app.wx.api.getSystemInfoSync as () => { windowWidth: number; windowHeight: number })()
    const rowPx = (BATCH_ROW_DESIGN_PX * info.windowWidth) / 750
    // Per page: the scroll to the end of what is loaded (the window moves) plus the append it leads to. Taro
    // flushes setData a tick later, so the two are measured together; both must not grow with depth.
    const pageBytes: number[] = []
    let loaded = 20
    for (let pageNo = 2; pageNo <= 30; pageNo += 1) {
      const mark = page.metrics.calls.length
      await page.lifecycle('onPageScroll', { scrollTop: Math.max(0, loaded * rowPx - info.windowHeight) })
      const requests = requestsTo('/api/settlements?').length
      await page.lifecycle('onReachBottom')
      await page.waitFor(() => requestsTo('/api/settlements?').length > requests && !page.text().includes('正在加载更多'), {
        timeoutMs: 20_000,
        message: `page ${pageNo} never arrived`,
      })
      await page.settle()
      pageBytes.push(page.metrics.calls.slice(mark).reduce((sum, call) => sum + call.bytes, 0))
      loaded += 20
    }
    const nodes = countNodes(page)
    const mean = (values: number[]) => Math.round(values.reduce((sum, value) => sum + value, 0) / values.length)
    // The window moves in steps of 8 rows while a page is 20: costs alternate, so compare five pages with five.
    const early = mean(pageBytes.slice(1, 6))
    const late = mean(pageBytes.slice(-5))
    figures.push({ step: `settlements: ${loaded} rows loaded`, setData: page.metrics.setDataCount, bytes: page.metrics.setDataBytes, max: page.metrics.maxSetDataBytes, nodes: nodes.elements })
    figures.push({ step: 'settlements: scroll+append, mean of pages 3-7 / 26-30', setData: '-', bytes: `${early} / ${late}`, max: Math.max(...pageBytes), nodes: '-' })
    expect(nodes.elements).toBeLessThan(NODE_BUDGET)
    expect(page.metrics.maxSetDataBytes).toBeLessThanOrEqual(SETDATA_BYTES_BUDGET)
    expect(Math.abs(late - early)).toBeLessThanOrEqual(Math.max(2048, early * 0.2))
  })

  it('opens a batch: every figure, its rows, more of them, and the link to the filtered transactions list', async () => {
    await boot()
    const page = await openSettlements()
    const rowId = page.testIds().find((id) => id.startsWith('st-row-'))!
    const batchNo = rowId.slice('st-row-'.length)
    app.wx.clearCalls()
    await page.tap({ testId: rowId })
    const [navigation] = app.wx.navigations()
    expect(navigation).toMatchObject({ path: '/subpackages/finance/settlement-detail/index', query: { batchNo } })

    const detail = await app.openPage(navigation.url)
    await detail.waitFor(() => detail.has({ testId: 'st-detail' }), { timeoutMs: 20_000 })
    for (const label of ['划款净额', '交易金额', '手续费', '退款', '拒付', '保证金', '交易笔数', '结算周期']) expect(detail.text()).toContain(label)
    figures.push({ step: 'batch detail', setData: detail.metrics.setDataCount, bytes: detail.metrics.setDataBytes, max: detail.metrics.maxSetDataBytes, nodes: countNodes(detail).elements })

    if (detail.has({ testId: 'st-tx-load-more' })) {
      await detail.tap({ testId: 'st-tx-load-more' })
      const rowsPath = `/api/settlements/${batchNo}/rows?`
      await detail.waitFor(() => requestsTo(rowsPath).length > 0 && !detail.text().includes('正在加载更多'))
      const more = queryOf(requestsTo(rowsPath).at(-1)!.url)
      expect(Object.keys(more).sort()).toEqual(['cursor'])
      expect(requestsTo(rowsPath).at(-1)!.statusCode).toBe(200)
    }
    app.wx.clearCalls()
    await detail.tap({ testId: 'st-view-transactions' })
    expect(app.wx.navigations()).toEqual([
      expect.objectContaining({
        api: 'navigateTo',
        path: '/subpackages/finance/transactions/index',
        query: { batchNo, bookingCurrency: batchNo.slice(-3) },
      }),
    ])
  })
})

afterAll(() => {
  console.table(figures)
})
