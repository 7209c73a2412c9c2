/**
 * The real weapp build (dist/weapp, `npm run build:weapp`) booted in miniprogram-simulate, logged in against the
 * real server in-process (support/live-server.ts): every page of app.json renders its content from real data,
 * taps reach Taro's handlers, and the right wx.* APIs are called.
 * No styles or native components here (see TESTING.md); what renders is the template output of the real bundle.
 */
import type { LoginResponse } from '@contract/auth'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { bootApp, type WeappApp } from './harness'
import { startLiveServer, type LiveServer } from './support/live-server'

/** Per setData call; WeChat's hard limit is 1 MB, and big payloads are slow long before that. */
const SETDATA_BYTES_BUDGET = 256 * 1024

/** What each page must show in Chinese. Keyed by every page of app.json: a new page fails until it is added. */
const EXPECTED_TEXT: Record<string, readonly string[]> = {
  'pages/home/index': ['待办事项', '待授权', '今日成功', '账户资金明细', '交易明细', '交易划款', '可视化图表'],
  'pages/messages/index': ['系统公告', '拒付通知', '仅显示未读', '全部已读', '订单 '],
  'pages/me/index': ['主账号名称', '140105', '4006-290-296', '客户经理', '长按识别二维码添加企业微信'],
  'pages/login/index': ['手机号一键登录', '「管理号码」', '10 分钟'],
  'pages/message-detail/index': ['消息不存在或已被删除'],
  'pages/not-found/index': ['页面不存在', '返回首页'],
  'subpackages/finance/funds/index': ['数据更新于', '结算方式', '可结算金额', '累计未结算金额', '累计划款金额'],
  'subpackages/finance/transactions/index': ['查询出', '条符合条件数据', '高级筛选', '账户订单号'],
  'subpackages/finance/transaction-detail/index': ['未找到该交易'],
  'subpackages/finance/settlements/index': ['开始时间', '查询出', '条符合条件数据', '高级筛选', '划款净额'],
  'subpackages/finance/settlement-detail/index': ['划款批次不存在'],
  'subpackages/charts/index/index': ['可视化图表高级筛选', '近七日', '整体交易分析', '图表类型'],
  'subpackages/tools/index/index': ['订单查询', '卡 BIN 查询', '网站健康检查'],
}

let app: WeappApp
let server: LiveServer
let login: LoginResponse

beforeAll(async () => {
  server = await startLiveServer()
  login = await server.login()
}, 120_000)

afterAll(async () => {
  await server?.close()
})

beforeEach(async () => {
  // A fresh boot per test: the build's stores (session, language…) live in module state.
  app = await server.boot(login)
})

afterEach(() => {
  app.dispose()
})

describe('every page of app.json renders in simulate', () => {
  it('covers exactly the pages of app.json, main package and subpackages', () => {
    expect(app.pages().map((page) => page.path)).toEqual(Object.keys(EXPECTED_TEXT))
  })

  it.each(Object.entries(EXPECTED_TEXT))('%s renders its content', async (path, texts) => {
    const page = await app.openPage(path)
    for (const text of texts) await page.waitForText(text)
    expect(page.metrics.setDataCount).toBeGreaterThan(0)
    expect(page.metrics.maxSetDataBytes).toBeLessThanOrEqual(SETDATA_BYTES_BUDGET)
  })
})

describe('tab bar', () => {
  it('taps through the three tabs in order: each renders its data and the messages badge shows the unread total', async () => {
    const tabs = app.appJson.tabBar?.list.map((tab) => tab.pagePath) ?? []
    expect(tabs).toEqual(['pages/home/index', 'pages/messages/index', 'pages/me/index'])
    const firstRequest = server.requests.length
    for (const path of tabs) {
      const page = await app.openPage(path)
      for (const text of EXPECTED_TEXT[path]) await page.waitForText(text)
      expect(page.metrics.maxSetDataBytes).toBeLessThanOrEqual(SETDATA_BYTES_BUDGET)
    }
    await app.currentPages().at(-1)!.waitFor(() => app.wx.callsOf('setTabBarBadge').length > 0, {
      message: 'the messages tab never got its unread badge',
    })
    const badge = app.wx.optionsOf<{ index: number; text: string }>('setTabBarBadge').at(-1)!
    expect(badge.index).toBe(1)
    expect(badge.text).toMatch(/^([1-9]\d?|99\+)$/)
    // Every request the tabs made was signed and accepted.
    const made = server.requests.slice(firstRequest)
    expect(made.length).toBeGreaterThan(2)
    expect(made.filter((request) => request.statusCode >= 400)).toEqual([])
  })
})

describe('home', () => {
  it.each([
    ['entry-funds', '/subpackages/finance/funds/index'],
    ['entry-transactions', '/subpackages/finance/transactions/index'],
    ['entry-settlements', '/subpackages/finance/settlements/index'],
    ['entry-charts', '/subpackages/charts/index/index'],
  ])('tapping %s navigates to %s, a page that then renders', async (testId, path) => {
    const home = await app.openPage('pages/home/index')
    app.wx.clearCalls()
    await home.tap({ testId })
    const navigations = app.wx.navigations()
    expect(navigations).toEqual([expect.objectContaining({ api: 'navigateTo', path })])
    const target = await app.openPage(navigations[0].url)
    for (const text of EXPECTED_TEXT[path.slice(1)]) await target.waitForText(text)
  })
})

describe('me', () => {
  it('switching to English re-renders the page and relabels the three tabs', async () => {
    const me = await app.openPage('pages/me/index')
    expect(me.text()).toContain('联系客服')
    expect(me.text()).not.toContain('Customer service')
    const rendersBefore = me.metrics.setDataCount
    app.wx.clearCalls()

    await me.tap({ testId: 'locale-en-US' })

    await me.waitForText('Customer service')
    expect(me.text()).not.toContain('联系客服')
    expect(me.metrics.setDataCount).toBeGreaterThan(rendersBefore)
    const tabs = app.wx.optionsOf<{ index: number; text: string }>('setTabBarItem').map(({ index, text }) => ({ index, text }))
    // The tabs are relabelled on the switch and again on every page show (a cold start in English must not keep
    // Chinese tabs): every label set is English, and the last three are the three tabs in order.
    expect(new Set(tabs.map(({ text }) => text))).toEqual(new Set(['Home', 'Messages', 'Me']))
    expect(tabs.slice(-3)).toEqual([
      { index: 0, text: 'Home' },
      { index: 1, text: 'Messages' },
      { index: 2, text: 'Me' },
    ])
    for (const call of me.metrics.calls) expect(call.bytes).toBeLessThanOrEqual(SETDATA_BYTES_BUDGET)
  })

  it('the chosen language survives a restart: the next launch renders English and relabels the tabs', async () => {
    const me = await app.openPage('pages/me/index')
    await me.tap({ testId: 'locale-en-US' })

    const restarted = await bootApp({ storage: Object.fromEntries(app.wx.storage) })
    try {
      const launchTabs = restarted.wx.optionsOf<{ text: string }>('setTabBarItem').map(({ text }) => text)
      expect(launchTabs).toEqual(['Home', 'Messages', 'Me'])
      const home = await restarted.openPage('pages/home/index')
      expect(home.text()).toContain('Transactions')
      expect(home.text()).not.toContain('交易明细')
    } finally {
      restarted.dispose()
    }
  })

  it('tapping the service phone dials digits only; tapping the email copies it and confirms', async () => {
    const me = await app.openPage('pages/me/index')
    app.wx.clearCalls()

    await me.tap({ testId: 'service-phone' })
    expect(app.wx.optionsOf('makePhoneCall')).toEqual([expect.objectContaining({ phoneNumber: '4006290296' })])

    await me.tap({ testId: 'service-email' })
    expect(app.wx.clipboard).toBe('cs@oceanpayment.com.cn')
    await me.waitFor(() => app.wx.callsOf('showToast').length > 0, { message: 'no toast after copying' })
    expect(app.wx.optionsOf('showToast')).toEqual([expect.objectContaining({ icon: 'success' })])
  })
})

describe('setData metrics', () => {
  it('are recorded per page, each call within budget', async () => {
    for (const path of ['pages/home/index', 'pages/messages/index', 'pages/me/index']) await app.openPage(path)
    const metrics = app.metrics()
    expect(metrics.map((entry) => entry.path)).toEqual(['pages/home/index', 'pages/messages/index', 'pages/me/index'])
    for (const entry of metrics) {
      expect(entry.setDataCount).toBe(entry.calls.length)
      expect(entry.setDataBytes).toBe(entry.calls.reduce((sum, call) => sum + call.bytes, 0))
      // The first render carries the page's whole tree: it cannot be trivially small.
      expect(entry.calls[0].bytes).toBeGreaterThan(200)
      expect(entry.maxSetDataBytes).toBeLessThanOrEqual(SETDATA_BYTES_BUDGET)
    }
  })
})
