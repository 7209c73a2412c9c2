/**
 * Home, funds and me of the real weapp build, logged in against the live server (demo merchant 140105): what
 * they show equals what the server says, taps lead where they should, and every setData stays within budget.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import type { FundsResponse } from '@contract/funds'
import type { MeResponse } from '@contract/me'
import type { SubscriptionsResponse } from '@contract/subscriptions'
import type { TodosResponse } from '@contract/todos'
import { formatMoney } from '../../src/utils/money'
import type { TaroNode, WeappApp, WeappPage } from './harness'
import { startLiveServer, type LiveServer } from './support/live-server'

const SETDATA_BYTES_BUDGET = 256 * 1024
const WXML_NODE_BUDGET = 1000

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

async function boot(session: LoginResponse = login): Promise<WeappApp> {
  app = await server.boot(session)
  return app
}

/** What the server answers this session, to compare with what the page shows. */
const serverSays = <T>(url: string): Promise<T> => server.signedGet<T>(login, url)

type PropsNode = TaroNode & { props: Record<string, unknown> }

function taroNode(page: WeappPage, testId: string): PropsNode {
  const search = (node: TaroNode): TaroNode | undefined =>
    node.dataset?.testid === testId ? node : node.childNodes.map(search).find((found) => found !== undefined)
  const found = search(page.taroRoot())
  if (found === undefined) throw new Error(`${testId} not in Taro's DOM`)
  return found as PropsNode
}

function renderedNodes(page: WeappPage): number {
  return page.root.dom?.querySelectorAll('*').length ?? 0
}

function expectWithinBudgets(page: WeappPage): void {
  expect(page.metrics.setDataCount).toBeGreaterThan(0)
  for (const call of page.metrics.calls) expect(call.bytes).toBeLessThanOrEqual(SETDATA_BYTES_BUDGET)
  expect(renderedNodes(page)).toBeLessThan(WXML_NODE_BUDGET)
}

describe('home', () => {
  it("shows the server's to-do counts and opens the filtered list of a count", async () => {
    await boot()
    const home = await app.openPage('pages/home/index')
    await home.waitFor(() => home.has({ testId: 'todo-pendingAuthorization' }), { message: 'to-dos never rendered' })
    const todos = await serverSays<TodosResponse>('/api/todos')
    expect(todos.items[0].count).toBeGreaterThan(0)
    for (const item of todos.items) {
      expect(home.textOf({ testId: `todo-${item.kind}` })).toContain(`${item.count} 笔`)
    }
    expect(home.textOf({ testId: 'todo-today' })).toContain(`${todos.today.successCount} 笔`)
    for (const money of todos.today.amounts) expect(home.textOf({ testId: 'todo-today' })).toContain(formatMoney(money))
    expect(home.text()).toContain(login.profile.merchantName)
    expectWithinBudgets(home)

    app.wx.clearCalls()
    await home.tap({ testId: 'todo-pendingAuthorization' })
    expect(app.wx.navigations()).toEqual([
      expect.objectContaining({ api: 'navigateTo', path: '/subpackages/finance/transactions/index', query: { authStatus: 'pending' } }),
    ])
    app.wx.clearCalls()
    await home.tap({ testId: 'todo-today' })
    expect(app.wx.navigations()[0].query).toEqual(
      Object.fromEntries(Object.entries(todos.today.query.filter).map(([key, value]) => [key, String(value)])),
    )
  })

  it('fetches the to-dos again on every show, without showing the loading state over them', async () => {
    await boot()
    const home = await app.openPage('pages/home/index')
    await home.waitFor(() => home.has({ testId: 'todo-today' }))
    const todoRequests = () => server.requests.filter((request) => request.url === '/api/todos').length
    const before = todoRequests()
    const renders = home.metrics.setDataCount

    await home.lifecycle('onHide')
    await home.lifecycle('onShow')
    await home.waitFor(() => todoRequests() === before + 1, { message: 'no new /api/todos on show' })
    await home.settle()
    expect(home.has({ testId: 'state-loading' })).toBe(false)
    expect(home.has({ testId: 'todo-today' })).toBe(true)
    // Same figures a second later: React changes nothing, so at most a tiny update crosses to the render layer.
    for (const call of home.metrics.calls.slice(renders)) expect(call.bytes).toBeLessThan(2_000)
  })
})

describe('funds', () => {
  it("shows every figure of the server's first currency, switches currency, within budgets", async () => {
    await boot()
    const funds = await app.openPage('subpackages/finance/funds/index')
    await funds.waitFor(() => funds.has({ testId: 'funds-card' }), { message: 'funds never rendered' })
    const answer = await serverSays<FundsResponse>('/api/funds')
    expect(answer.currencies.length).toBe(12)
    const [first, second] = answer.currencies
    const card = () => funds.textOf({ testId: 'funds-card' })
    for (const money of [first.settleable.transaction, first.unsettled.total, first.transferred.total]) expect(card()).toContain(formatMoney(money))
    expect(card()).toContain('周结（T+7）')
    expect(funds.text()).toContain('数据更新于')
    for (const c of answer.currencies) expect(funds.has({ testId: `funds-currency-${c.currency}` })).toBe(true)
    expectWithinBudgets(funds)

    const renders = funds.metrics.setDataCount
    await funds.tap({ testId: `funds-currency-${second.currency}` })
    await funds.waitFor(() => card().includes(formatMoney(second.transferred.total)))
    expect(card()).toContain(formatMoney(second.unsettled.afterFeesAndDeposit))
    // Switching a currency sends only what changed, not the page.
    for (const call of funds.metrics.calls.slice(renders)) expect(call.bytes).toBeLessThan(8_000)
  })
})

describe('me', () => {
  it('shows the profile, the manager and a long-press-recognisable WeCom card image', async () => {
    await boot()
    const me = await app.openPage('pages/me/index')
    await me.waitFor(() => me.has({ testId: 'wecom-card' }), { message: 'manager card never rendered' })
    const answer = await serverSays<MeResponse>('/api/me')
    const account = me.textOf({ testId: 'me-account' })
    for (const text of [answer.merchantName, answer.merchantNo, answer.username, answer.maskedPhone]) expect(account).toContain(text)
    expect(me.text()).toContain(answer.accountManager?.name ?? 'no manager')
    expect(me.text()).toContain('长按识别二维码添加企业微信')
    // exparser renders no image attributes; the props Taro sends to the template (whose <image> binds
    // show-menu-by-longpress) are on its DOM node.
    const image = taroNode(me, 'wecom-card-image')
    expect(image.props.src).toBe(answer.accountManager?.cardImage)
    expect(String(image.props.src)).toMatch(/^data:image\/png;base64,/)
    expect(image.props.showMenuByLongpress).toBe(true)
    expectWithinBudgets(me)
  })

  it('opens 消息提醒 (docs/push.md), showing each configured topic with its grants and switch', async () => {
    await boot()
    const me = await app.openPage('pages/me/index')
    await me.waitFor(() => me.has({ testId: 'me-subscriptions' }), { message: '消息提醒 row never rendered' })
    expect(me.textOf({ testId: 'me-subscriptions' })).toContain('消息提醒')
    await me.tap({ testId: 'me-subscriptions' })
    await me.waitFor(() => me.has({ testId: 'subs-topic-chargeback' }), { message: 'settings never showed the topics' })
    const answer = await serverSays<SubscriptionsResponse>('/api/me/subscriptions')
    expect(answer.topics.length).toBeGreaterThan(0)
    for (const topic of answer.topics) {
      expect(me.has({ testId: `subs-switch-${topic.topic}` })).toBe(true)
      expect(me.textOf({ testId: `subs-remaining-${topic.topic}` })).toContain(`剩余 ${topic.remaining} 次`)
    }
    expect(me.text()).toContain('拒付通知')
    expect(me.has({ testId: 'subs-allow-more' })).toBe(true)
    expectWithinBudgets(me)
    await me.tap({ testId: 'subs-close' })
    await me.waitFor(() => !me.has({ testId: 'subscription-settings' }), { message: 'settings never closed' })
  })

  it('opens the security settings, and logs out after confirming, landing on login', async () => {
    // Its own session: logging out ends it on the server.
    const own = await server.login()
    await boot(own)
    const me = await app.openPage('pages/me/index')
    await me.waitFor(() => me.has({ testId: 'me-account' }))
    await me.tap({ testId: 'security-settings' })
    await me.waitFor(() => me.has({ testId: 'security-sheet' }), { message: 'security sheet never opened' })
    expect(me.textOf({ testId: 'security-sheet' })).toContain('ODPM 管理员')
    await me.tap({ testId: 'security-close' })
    await me.waitFor(() => !me.has({ testId: 'security-sheet' }), { message: 'security sheet never closed' })

    app.wx.clearCalls()
    await me.tap({ testId: 'logout' })
    await me.waitFor(() => app.wx.navigations().some((n) => n.api === 'reLaunch'), { message: 'never left for login' })
    expect(app.wx.callsOf('showModal')).toHaveLength(1)
    expect(app.wx.navigations().find((n) => n.api === 'reLaunch')?.path).toBe('/pages/login/index')
    expect(server.requests.some((r) => r.url === '/api/auth/logout' && r.statusCode < 300)).toBe(true)
    expect(String(app.wx.storage.get('op-session') ?? '')).not.toContain(own.token)
  })

  it('relabels everything in English', async () => {
    await boot()
    const me = await app.openPage('pages/me/index')
    await me.waitFor(() => me.has({ testId: 'wecom-card' }))
    await me.tap({ testId: 'locale-en-US' })
    await me.waitForText('Account manager')
    expect(me.text()).toContain('Long-press the QR code to add on WeCom')
    expect(me.text()).not.toContain('客户经理')
    for (const call of me.metrics.calls) expect(call.bytes).toBeLessThanOrEqual(SETDATA_BYTES_BUDGET)
  })
})
