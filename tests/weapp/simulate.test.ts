/**
 * The real weapp build (dist/weapp, `npm run build:weapp`) booted in miniprogram-simulate: every page of
 * app.json renders its content, taps reach Taro's handlers, and the right wx.* APIs are called.
 * No styles or native components here (see TESTING.md); what renders is the template output of the real bundle.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bootApp, type WeappApp } from './harness'

/** Per setData call; WeChat's hard limit is 1 MB, and big payloads are slow long before that. */
const SETDATA_BYTES_BUDGET = 256 * 1024
const EMPTY_RESULT = '查询结果为空'

/** What each page must show in Chinese. Keyed by every page of app.json: a new page fails until it is added. */
const EXPECTED_TEXT: Record<string, readonly string[]> = {
  'pages/home/index': ['账户资金明细', '交易明细', '交易划款', '可视化图表'],
  'pages/messages/index': ['系统公告', '仅显示未读'],
  'pages/me/index': ['4006-290-296'],
  'pages/login/index': ['手机号一键登录'],
  'packages/finance/funds/index': ['账户资金', EMPTY_RESULT],
  'packages/finance/transactions/index': ['交易明细', EMPTY_RESULT],
  'packages/finance/settlements/index': ['交易划款', EMPTY_RESULT],
  'packages/charts/index/index': ['可视化图表', EMPTY_RESULT],
}

let app: WeappApp

beforeEach(async () => {
  // A fresh boot per test: the build's stores (language…) live in module state.
  app = await bootApp()
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
    for (const text of texts) expect(page.text()).toContain(text)
    expect(page.metrics.setDataCount).toBeGreaterThan(0)
    expect(page.metrics.maxSetDataBytes).toBeLessThanOrEqual(SETDATA_BYTES_BUDGET)
  })
})

describe('home', () => {
  it.each([
    ['entry-funds', '/packages/finance/funds/index'],
    ['entry-transactions', '/packages/finance/transactions/index'],
    ['entry-settlements', '/packages/finance/settlements/index'],
    ['entry-charts', '/packages/charts/index/index'],
  ])('tapping %s navigates to %s, a page that then renders', async (testId, path) => {
    const home = await app.openPage('pages/home/index')
    app.wx.clearCalls()
    await home.tap({ testId })
    const navigations = app.wx.navigations()
    expect(navigations).toEqual([expect.objectContaining({ api: 'navigateTo', path })])
    const target = await app.openPage(navigations[0].url)
    expect(target.text()).toContain(EMPTY_RESULT)
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
    expect(tabs).toEqual([
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
