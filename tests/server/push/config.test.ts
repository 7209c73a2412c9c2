/** WECHAT_SUBSCRIBE_TEMPLATES and PUSH_INTERVAL_SECONDS (docs/configuration.md, docs/push.md). */
import { describe, expect, it } from 'vitest'
import { ConfigError, DEV_SUBSCRIBE_TEMPLATES, loadConfig } from '../../../server/src/config'

const PRODUCTION = {
  NODE_ENV: 'production',
  OCEANPAYMENT_API_BASE: 'https://query.oceanpayment.com',
  OCEANPAYMENT_TERMINALS: '140105:14010588:s3cr3t-one',
  WECHAT_API_BASE: 'https://api.weixin.qq.com',
  WECHAT_APPID: 'wx1234567890abcdef',
  WECHAT_SECRET: 'app-secret-value-0000000000000000',
  ADMIN_TOKEN: 'q8Zr3vK0pW5xYt1LmN7bC2dF9gH4jS6aE0uI3oPzQwR',
}

function issues(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return [...error.issues]
    throw error
  }
  return []
}

describe('subscribe-message configuration', () => {
  it("defaults to the emulator's templates outside production, none in production, 'developer' vs 'formal'", () => {
    const dev = loadConfig({ NODE_ENV: 'development' })
    expect(dev.wechat.subscribeTemplates).toEqual(DEV_SUBSCRIBE_TEMPLATES)
    expect(dev.wechat.miniprogramState).toBe('developer')
    expect(dev.pushIntervalSeconds).toBe(5)
    const production = loadConfig(PRODUCTION)
    expect(production.wechat.subscribeTemplates).toEqual({})
    expect(production.wechat.miniprogramState).toBe('formal')
  })

  it('reads topic=templateId pairs', () => {
    const config = loadConfig({ ...PRODUCTION, WECHAT_SUBSCRIBE_TEMPLATES: ' chargeback=abc_DEF-123 , refund=XYZ987 ', PUSH_INTERVAL_SECONDS: '0' })
    expect(config.wechat.subscribeTemplates).toEqual({ chargeback: 'abc_DEF-123', refund: 'XYZ987' })
    expect(config.pushIntervalSeconds).toBe(0)
  })

  it.each([
    ['an unknown topic', 'payout=abc'],
    ['a malformed id', 'chargeback=a b'],
    ['no id', 'chargeback='],
    ['a topic twice', 'chargeback=a1,chargeback=a2'],
    ['a template twice', 'chargeback=a1,fraud=a1'],
    ['a stray "="', 'chargeback=a=b'],
  ])('refuses %s', (_what, value) => {
    expect(issues({ ...PRODUCTION, WECHAT_SUBSCRIBE_TEMPLATES: value }).some((issue) => issue.includes('WECHAT_SUBSCRIBE_TEMPLATES'))).toBe(true)
  })

  it("production refuses the emulator's template ids", () => {
    const value = `chargeback=${DEV_SUBSCRIBE_TEMPLATES.chargeback}`
    expect(issues({ ...PRODUCTION, WECHAT_SUBSCRIBE_TEMPLATES: value })).toEqual([
      "WECHAT_SUBSCRIBE_TEMPLATES names the emulator's template ids; production needs the ones chosen on the WeChat platform",
    ])
    expect(issues({ ...PRODUCTION, PUSH_INTERVAL_SECONDS: '-1' })).toHaveLength(1)
  })
})
