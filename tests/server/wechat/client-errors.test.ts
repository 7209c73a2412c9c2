/**
 * How the WeChat client maps what comes back (or does not) to WechatError, against a fake transport that answers
 * what WeChat might: timeouts, network failures, garbage, system errors, and a token WeChat keeps rejecting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../server/src/db'
import type { HttpRequest, Transport } from '../../../server/src/outbound/transport'
import { createWechatClient, WechatError, type WechatClientOptions } from '../../../server/src/wechat'
import { captureLogs } from '../harness'
import { createLogger } from '../../../server/src/logging/logger'
import { testStores } from '../stores'
import { SECRET, openMigrated, recording } from './support'

type Answer = { status?: number; body: unknown }

/** Answers by path; a string body is sent as is, anything else as JSON. */
function fake(routes: Record<string, (request: HttpRequest) => Answer | Promise<Answer>>): Transport {
  return async (request) => {
    const path = new URL(request.url).pathname
    const route = Object.entries(routes).find(([suffix]) => path.endsWith(suffix))
    if (route === undefined) throw new Error(`unexpected call to ${path}`)
    const answer = await route[1](request)
    return {
      status: answer.status ?? 200,
      headers: { 'content-type': 'text/plain' },
      body: typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body),
    }
  }
}

const token = (accessToken = 'TOKEN-ONE-aaaaaaaaaaaa') => () => ({ body: { access_token: accessToken, expires_in: 7200 } })

async function rejection(promise: Promise<unknown>): Promise<WechatError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(WechatError)
  return error as WechatError
}

describe.each(testStores())('WeChat client error mapping on the $kind store', (store) => {
  let db: Db
  let apps = 0
  beforeAll(async () => {
    db = await openMigrated(store)
  })
  afterAll(() => store.cleanup())

  /** Each test its own appid, so their cached tokens never meet in the shared store. */
  function client(transport: Transport, overrides: Partial<WechatClientOptions> = {}) {
    apps += 1
    const { capture, destination } = captureLogs()
    const api = createWechatClient({
      apiBase: 'https://api.weixin.example',
      appId: `wx-fake-${apps}`,
      secret: SECRET,
      transport,
      db,
      logger: createLogger({ level: 'debug', destination }),
      ...overrides,
    })
    return { api, logs: capture }
  }

  it('gives up after timeoutMs with a local errcode, and aborts the request', async () => {
    let aborted = false
    const hanging: Transport = (request) =>
      new Promise((_, reject) => {
        request.signal?.addEventListener('abort', () => {
          aborted = true
          reject(new Error(`aborted ${request.url}`))
        })
      })
    const { api } = client(hanging, { timeoutMs: 50 })
    const started = Date.now()
    const error = await rejection(api.code2Session('some-login-code'))
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(aborted).toBe(true)
    expect([error.errcode, error.badCode]).toEqual([-1000, false])
    expect(error.message).toBe('WeChat jscode2session failed: errcode -1000 (no answer within 50 ms)')
  })

  it('maps a network failure, a non-200, and answers that are not what WeChat sends', async () => {
    const refused = client(async (request) => {
      throw new Error(`connect ECONNREFUSED while fetching ${request.url}`)
    }).api
    const network = await rejection(refused.code2Session('some-login-code'))
    expect([network.errcode, network.badCode]).toEqual([-1001, false])
    expect(network.message).not.toContain(SECRET)
    expect(network.cause).toBeUndefined()

    for (const answer of [
      { status: 502, body: '<html>Bad gateway</html>' },
      { body: 'not json' },
      { body: [1, 2] },
      { body: { errcode: 'zero' } },
      { body: { session_key: 'c2Vzc2lvbmtleXNlc3Npb24=' } },
    ]) {
      const error = await rejection(client(fake({ '/sns/jscode2session': () => answer })).api.code2Session('some-login-code'))
      expect([error.errcode, error.badCode], JSON.stringify(answer)).toEqual([-1002, false])
    }
  })

  it("reads a jscode2session success even when WeChat labels it text/plain, and omits a missing unionid", async () => {
    const { api } = client(fake({ '/sns/jscode2session': () => ({ body: { openid: 'oOPENID', session_key: 'S0VZ' } }) }))
    expect(await api.code2Session('some-login-code')).toEqual({ openid: 'oOPENID', sessionKey: 'S0VZ' })
  })

  it('keeps WeChat’s errcode: -1 is WeChat trouble, 40029 and 40163 the user’s code', async () => {
    for (const [errcode, badCode] of [
      [-1, false],
      [40226, false],
      [45011, false],
      [40029, true],
      [40163, true],
    ] as const) {
      const { api } = client(fake({ '/sns/jscode2session': () => ({ body: { errcode, errmsg: 'from wechat' } }) }))
      const error = await rejection(api.code2Session('some-login-code'))
      expect([error.errcode, error.badCode]).toEqual([errcode, badCode])
    }
  })

  it('scrubs the code and the secret from an errmsg that echoes them', async () => {
    const { api, logs } = client(
      fake({
        '/sns/jscode2session': (request) => {
          const query = new URL(request.url).searchParams
          return { body: { errcode: 40029, errmsg: `invalid code ${query.get('js_code')} for ${query.get('secret')}` } }
        },
      }),
    )
    const error = await rejection(api.code2Session('echoed-login-code'))
    expect(error.message).toContain('errcode 40029')
    expect(error.message).not.toContain('echoed-login-code')
    expect(error.message).not.toContain(SECRET)
    expect(logs.text()).not.toContain('echoed-login-code')
  })

  it('renews a rejected token once, forcing a refresh when WeChat hands back the same one, then stops', async () => {
    const calls = recording(
      fake({
        '/cgi-bin/stable_token': (request) => {
          const forced = (JSON.parse(request.body ?? '{}') as { force_refresh: boolean }).force_refresh
          return token(forced ? 'TOKEN-FORCED-bbbbbbbbbb' : 'TOKEN-ONE-aaaaaaaaaaaa')()
        },
        '/wxa/business/getuserphonenumber': () => ({ body: { errcode: 40001, errmsg: 'invalid credential' } }),
      }),
    )
    const { api } = client(calls.transport)
    const error = await rejection(api.getPhoneNumber('some-phone-code'))
    expect([error.errcode, error.badCode]).toEqual([40001, false])
    expect(calls.count('/wxa/business/getuserphonenumber')).toBe(2)
    const tokenBodies = calls.requests
      .filter((request) => request.url.endsWith('/cgi-bin/stable_token'))
      .map((request) => (JSON.parse(request.body ?? '{}') as { force_refresh: boolean }).force_refresh)
    expect(tokenBodies).toEqual([false, false, true])
  })

  it('a failed token fetch fails the call but is tried again by the next one', async () => {
    let tokenCalls = 0
    const { api } = client(
      fake({
        '/cgi-bin/stable_token': () => {
          tokenCalls += 1
          return tokenCalls === 1 ? { body: { errcode: -1, errmsg: 'system error' } } : token()()
        },
        '/wxa/business/getuserphonenumber': () => ({
          body: { errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: '13800138000', purePhoneNumber: '13800138000', countryCode: 86 } },
        }),
      }),
    )
    const error = await rejection(api.getPhoneNumber('some-phone-code'))
    expect([error.errcode, error.badCode]).toEqual([-1, false])
    // countryCode as a number (as some WeChat answers have it) becomes the string of types.ts.
    expect(await api.getPhoneNumber('some-phone-code')).toEqual({
      phoneNumber: '13800138000',
      purePhoneNumber: '13800138000',
      countryCode: '86',
    })
    expect(tokenCalls).toBe(2)
  })

  it('refuses a phone number released to another mini-program, or an incomplete one', async () => {
    for (const phoneInfo of [
      { phoneNumber: '13800138000', purePhoneNumber: '13800138000', countryCode: '86', watermark: { appid: 'wxOTHER', timestamp: 1 } },
      { phoneNumber: '13800138000', countryCode: '86' },
    ]) {
      const { api } = client(
        fake({
          '/cgi-bin/stable_token': token(),
          '/wxa/business/getuserphonenumber': () => ({ body: { errcode: 0, errmsg: 'ok', phone_info: phoneInfo } }),
        }),
      )
      const error = await rejection(api.getPhoneNumber('some-phone-code'))
      expect([error.errcode, error.badCode]).toEqual([-1002, false])
    }
  })

  it('refuses a token answer without a usable token', async () => {
    const { api } = client(
      fake({
        '/cgi-bin/stable_token': () => ({ body: { access_token: 'TOKEN-NO-EXPIRY-cccc' } }),
        '/wxa/business/getuserphonenumber': () => ({ body: { errcode: 0 } }),
      }),
    )
    const error = await rejection(api.getPhoneNumber('some-phone-code'))
    expect([error.errcode, error.badCode]).toEqual([-1002, false])
  })
})
