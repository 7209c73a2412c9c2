/** The wx mock on its own (no build needed): recording, storage, clipboard, request and url parsing. */
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { createWxMock, parseUrl } from './harness/wx-mock'

const require = createRequire(import.meta.url)
// simulate's API table needs no DOM to load; it is the list of wx.* names the mock exposes.
const baseApi = require('miniprogram-simulate/src/api') as Record<string, unknown>

type Fn = (...args: unknown[]) => unknown
const call = (wx: Record<string, unknown>, name: string, ...args: unknown[]) => (wx[name] as Fn)(...args)

function callback<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined
  const promise = new Promise<T>((done) => (resolve = done))
  return { promise, resolve }
}

describe('wx mock', () => {
  it('exposes every wx API simulate knows and records each call in order', () => {
    const wx = createWxMock(baseApi)
    expect(Object.keys(wx.api)).toEqual(expect.arrayContaining(['navigateTo', 'switchTab', 'setTabBarItem', 'getSystemInfoSync', 'request']))
    call(wx.api, 'getSystemInfoSync')
    call(wx.api, 'setStorageSync', 'k', 'v')
    expect(wx.calls.map((entry) => [entry.api, entry.seq])).toEqual([
      ['getSystemInfoSync', 1],
      ['setStorageSync', 2],
    ])
    wx.clearCalls()
    expect(wx.calls).toEqual([])
  })

  it('keeps storage like WeChat: "" for a missing key, seeded by the caller', () => {
    const wx = createWxMock(baseApi, { seeded: 'yes' })
    expect(call(wx.api, 'getStorageSync', 'seeded')).toBe('yes')
    expect(call(wx.api, 'getStorageSync', 'missing')).toBe('')
    call(wx.api, 'setStorageSync', 'a', '1')
    call(wx.api, 'removeStorageSync', 'seeded')
    expect(Object.fromEntries(wx.storage)).toEqual({ a: '1' })
  })

  it('answers wx.request through the installed handler, and fails without one', async () => {
    const wx = createWxMock(baseApi)
    const failed = callback<unknown>()
    call(wx.api, 'request', { url: 'https://api.test/x', fail: failed.resolve })
    expect(await failed.promise).toEqual({ errMsg: expect.stringMatching(/^request:fail no request handler/) })

    wx.onRequest(({ url, method }) => ({ statusCode: 200, data: { url, method } }))
    const succeeded = callback<unknown>()
    call(wx.api, 'request', { url: 'https://api.test/y', method: 'POST', success: succeeded.resolve })
    expect(await succeeded.promise).toEqual({
      statusCode: 200,
      data: { url: 'https://api.test/y', method: 'POST' },
      header: {},
      errMsg: 'request:ok',
    })
  })

  it('lists navigations with Taro’s __key_ stripped from the query', () => {
    const wx = createWxMock(baseApi)
    call(wx.api, 'navigateTo', { url: '/subpackages/finance/transactions/index?id=7&__key_=123' })
    call(wx.api, 'switchTab', { url: '/pages/me/index' })
    expect(wx.navigations()).toEqual([
      { api: 'navigateTo', url: '/subpackages/finance/transactions/index?id=7&__key_=123', path: '/subpackages/finance/transactions/index', query: { id: '7' } },
      { api: 'switchTab', url: '/pages/me/index', path: '/pages/me/index', query: {} },
    ])
    expect(parseUrl('pages/home/index')).toEqual({ path: '/pages/home/index', query: {} })
  })
})
