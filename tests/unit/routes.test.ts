import { beforeAll, describe, expect, it } from 'vitest'
import { ROUTES } from '@/routes'

interface AppConfig {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
  tabBar: { list: { pagePath: string; text: string }[] }
}

let config: AppConfig

beforeAll(async () => {
  // app.config.ts calls Taro's compile-time global; at test time it is the identity.
  Object.assign(globalThis, { defineAppConfig: (value: AppConfig) => value })
  config = (await import('@/app.config')).default as unknown as AppConfig
})

describe('route table', () => {
  it('has the three tabs 首页 / 消息 / 我的, in that order', () => {
    expect(config.tabBar.list.map((item) => [item.pagePath, item.text])).toEqual([
      ['pages/home/index', '首页'],
      ['pages/messages/index', '消息'],
      ['pages/me/index', '我的'],
    ])
  })

  it('registers every URL the code navigates to', () => {
    const registered = new Set([
      ...config.pages.map((page) => `/${page}`),
      ...config.subPackages.flatMap((pkg) => pkg.pages.map((page) => `/${pkg.root}/${page}`)),
    ])
    for (const [name, url] of Object.entries(ROUTES)) expect(registered.has(url), name).toBe(true)
  })

  it('keeps tab pages and login in the main package', () => {
    expect(config.pages).toEqual(expect.arrayContaining(['pages/login/index', ...config.tabBar.list.map((t) => t.pagePath)]))
  })
})
