/**
 * The WeChat emulator as a caller sees it: WeChat's paths, fields and errcodes (HTTP 200 with errcode in the body),
 * single-use expiring codes, tokens, quotas, the dev endpoints a browser uses, and state shared through the store.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { buildTestApp, testConfig } from '../../harness'
import { testStores } from '../../stores'
import { APP_ID, SECRET, emulatorApp, mintLoginCode, mintPhoneCode, openMigrated, testClock } from '../../wechat/support'
import type { FastifyInstance } from 'fastify'

const BASE = '/sandbox/wechat'

function session(app: FastifyInstance, code: string, overrides: Record<string, string> = {}) {
  const query = new URLSearchParams({ appid: APP_ID, secret: SECRET, js_code: code, grant_type: 'authorization_code', ...overrides })
  return app.inject({ method: 'GET', url: `${BASE}/sns/jscode2session?${query.toString()}` })
}

async function stableToken(app: FastifyInstance, forceRefresh = false): Promise<{ access_token: string; expires_in: number }> {
  const response = await app.inject({
    method: 'POST',
    url: `${BASE}/cgi-bin/stable_token`,
    payload: { grant_type: 'client_credential', appid: APP_ID, secret: SECRET, force_refresh: forceRefresh },
  })
  expect(response.statusCode).toBe(200)
  return response.json()
}

function phoneNumber(app: FastifyInstance, token: string, code: string) {
  return app.inject({
    method: 'POST',
    url: `${BASE}/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`,
    payload: { code },
  })
}

describe.each(testStores())('WeChat emulator on the $kind store', (store) => {
  afterAll(() => store.cleanup())

  describe('jscode2session', () => {
    it('exchanges a minted login code once for openid, session_key and unionid', async () => {
      const { app } = await emulatorApp(await openMigrated(store))
      const code = await mintLoginCode(app, 'browser-device-1')
      const first = await session(app, code)
      expect(first.statusCode).toBe(200)
      const body = first.json()
      expect(Object.keys(body).sort()).toEqual(['openid', 'session_key', 'unionid'])
      expect(body.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/)
      expect(Buffer.from(body.session_key, 'base64')).toHaveLength(16)

      const again = await session(app, code)
      expect(again.statusCode).toBe(200)
      expect(again.json()).toEqual({ errcode: 40163, errmsg: 'code been used' })
    })

    it('gives one device the same openid every time, and logins without a device new users', async () => {
      const { app } = await emulatorApp(await openMigrated(store))
      const openid = async (device?: string): Promise<string> =>
        (await session(app, await mintLoginCode(app, device))).json().openid
      expect(await openid('device-aaaa-1111')).toBe(await openid('device-aaaa-1111'))
      expect(await openid('device-aaaa-1111')).not.toBe(await openid('device-bbbb-2222'))
      expect(await openid()).not.toBe(await openid())
    })

    it('answers 40029 for an unknown code, an expired code and a phone code', async () => {
      const clock = testClock()
      const { app } = await emulatorApp(await openMigrated(store), { clock })
      expect((await session(app, 'never-minted')).json()).toEqual({ errcode: 40029, errmsg: 'invalid code' })
      expect((await session(app, await mintPhoneCode(app, '13800138000'))).json().errcode).toBe(40029)

      const fresh = await mintLoginCode(app)
      const stale = await mintLoginCode(app)
      clock.advance(5 * 60 * 1000 - 1)
      expect((await session(app, fresh)).json().openid).toBeDefined()
      clock.advance(1)
      expect((await session(app, stale)).json().errcode).toBe(40029)
    })

    it('accepts only the configured appid and secret, and checks the request', async () => {
      const { app } = await emulatorApp(await openMigrated(store))
      const code = await mintLoginCode(app)
      expect((await session(app, code, { appid: 'wx0000000000other' })).json()).toEqual({ errcode: 40013, errmsg: 'invalid appid' })
      expect((await session(app, code, { secret: 'guessed' })).json()).toEqual({ errcode: 40125, errmsg: 'invalid appsecret' })
      expect((await session(app, code, { appid: '' })).json().errcode).toBe(41002)
      expect((await session(app, code, { secret: '' })).json().errcode).toBe(41004)
      expect((await session(app, code, { grant_type: 'client_credential' })).json().errcode).toBe(40002)
      expect((await session(app, '')).json().errcode).toBe(41008)
      const extra = await session(app, code, { debug: '1' })
      expect(extra.statusCode).toBe(200)
      expect(extra.json()).toEqual({ errcode: 40097, errmsg: 'invalid args' })
      // None of the refused calls used the code up.
      expect((await session(app, code)).json().openid).toBeDefined()
    })

    it('keeps the login code and the secret out of its request logs', async () => {
      const { app, logs } = await emulatorApp(await openMigrated(store))
      const code = await mintLoginCode(app)
      const body = (await session(app, code)).json()
      expect(logs.text()).toContain('/sandbox/wechat/sns/jscode2session')
      for (const secret of [code, SECRET, body.session_key]) expect(logs.text()).not.toContain(secret)
    })
  })

  describe('access tokens', () => {
    it('stable_token returns the same token until its last five minutes, then a new one', async () => {
      const clock = testClock()
      const { app } = await emulatorApp(await openMigrated(store), { clock })
      const first = await stableToken(app)
      expect(first.expires_in).toBe(7200)
      expect(first.access_token.length).toBeGreaterThan(64)
      clock.advance(1000 * 1000)
      expect(await stableToken(app)).toEqual({ access_token: first.access_token, expires_in: 6200 })
      clock.advance((6200 - 300) * 1000)
      const next = await stableToken(app)
      expect(next.access_token).not.toBe(first.access_token)
      expect(next.expires_in).toBe(7200)
      // The old token still works until it expires.
      const code = await mintPhoneCode(app, '13800138000')
      expect((await phoneNumber(app, first.access_token, code)).json().errcode).toBe(0)
    })

    it('stable_token with force_refresh invalidates the previous token at once (40001)', async () => {
      const { app } = await emulatorApp(await openMigrated(store))
      const old = await stableToken(app)
      const forced = await stableToken(app, true)
      expect(forced.access_token).not.toBe(old.access_token)
      const rejected = await phoneNumber(app, old.access_token, await mintPhoneCode(app, '13800138000'))
      expect(rejected.statusCode).toBe(200)
      expect(rejected.json().errcode).toBe(40001)
      expect((await phoneNumber(app, forced.access_token, await mintPhoneCode(app, '13800138000'))).json().errcode).toBe(0)
    })

    it('an expired token answers 42001', async () => {
      const clock = testClock()
      const { app } = await emulatorApp(await openMigrated(store), { clock })
      const { access_token: token } = await stableToken(app)
      const code = await mintPhoneCode(app, '13800138000')
      clock.advance(7200 * 1000)
      expect((await phoneNumber(app, token, code)).json()).toEqual({ errcode: 42001, errmsg: 'access_token expired' })
    })

    it('/cgi-bin/token issues a new token per call; the previous one lives five more minutes', async () => {
      const clock = testClock()
      const { app } = await emulatorApp(await openMigrated(store), { clock })
      const get = (query: Record<string, string>) =>
        app.inject({ method: 'GET', url: `${BASE}/cgi-bin/token?${new URLSearchParams(query).toString()}` })
      const good = { grant_type: 'client_credential', appid: APP_ID, secret: SECRET }
      const first = (await get(good)).json()
      const second = (await get(good)).json()
      expect(first.expires_in).toBe(7200)
      expect(second.access_token).not.toBe(first.access_token)
      clock.advance(5 * 60 * 1000 - 1)
      expect((await phoneNumber(app, first.access_token, await mintPhoneCode(app, '13800138000'))).json().errcode).toBe(0)
      clock.advance(1)
      expect((await phoneNumber(app, first.access_token, await mintPhoneCode(app, '13800138000'))).json().errcode).toBe(42001)
      expect((await get({ ...good, secret: 'wrong' })).json().errcode).toBe(40125)
      expect((await get({ ...good, appid: 'wx0000000000other' })).json().errcode).toBe(40013)
      expect((await get({ ...good, grant_type: 'authorization_code' })).json().errcode).toBe(40002)
    })

    it('refuses a bad stable_token body with WeChat errcodes', async () => {
      const { app } = await emulatorApp(await openMigrated(store))
      const post = (payload: string, contentType = 'application/json') =>
        app.inject({ method: 'POST', url: `${BASE}/cgi-bin/stable_token`, payload, headers: { 'content-type': contentType } })
      const good = { grant_type: 'client_credential', appid: APP_ID, secret: SECRET }
      expect((await post(JSON.stringify({ ...good, secret: 'wrong' }))).json().errcode).toBe(40125)
      expect((await post(JSON.stringify({ ...good, appid: 'wx0000000000other' }))).json().errcode).toBe(40013)
      expect((await post(JSON.stringify({ ...good, extra: 1 }))).json().errcode).toBe(40097)
      expect((await post(JSON.stringify({ ...good, force_refresh: 'yes' }))).json().errcode).toBe(40097)
      const garbage = await post('{not json')
      expect(garbage.statusCode).toBe(200)
      expect(garbage.json()).toEqual({ errcode: 47001, errmsg: 'data format error' })
    })
  })

  describe('getuserphonenumber', () => {
    it("returns the minted number in WeChat's phone_info shape, once", async () => {
      const clock = testClock()
      const { app } = await emulatorApp(await openMigrated(store), { clock })
      const { access_token: token } = await stableToken(app)
      const mainland = await mintPhoneCode(app, '13800138000')
      const response = await phoneNumber(app, token, mainland)
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: '13800138000',
          purePhoneNumber: '13800138000',
          countryCode: '86',
          watermark: { timestamp: Math.floor(clock() / 1000), appid: APP_ID },
        },
      })
      expect((await phoneNumber(app, token, mainland)).json()).toEqual({ errcode: 40163, errmsg: 'code been used' })

      const hongKong = (await phoneNumber(app, token, await mintPhoneCode(app, '+852 61234567'))).json()
      expect(hongKong.phone_info).toMatchObject({ phoneNumber: '+85261234567', purePhoneNumber: '61234567', countryCode: '852' })
    })

    it('answers 41001 without a token, 40001 for an unknown one, 40029 for a bad code', async () => {
      const { app } = await emulatorApp(await openMigrated(store))
      const code = await mintPhoneCode(app, '13800138000')
      const noToken = await app.inject({ method: 'POST', url: `${BASE}/wxa/business/getuserphonenumber`, payload: { code } })
      expect(noToken.json().errcode).toBe(41001)
      expect((await phoneNumber(app, 'made-up-token', code)).json().errcode).toBe(40001)
      const { access_token: token } = await stableToken(app)
      expect((await phoneNumber(app, token, 'made-up-code')).json()).toEqual({ errcode: 40029, errmsg: 'invalid code' })
      expect((await phoneNumber(app, token, await mintLoginCode(app))).json().errcode).toBe(40029)
      expect((await phoneNumber(app, token, code)).json().errcode).toBe(0)
    })
  })

  describe('per-minute quota', () => {
    it('answers 45011 over the quota without using up the code, and resets the next minute', async () => {
      const clock = testClock()
      const { app } = await emulatorApp(await openMigrated(store), { clock, quotas: { apiPerMinute: 2 } })
      const codes = [await mintLoginCode(app), await mintLoginCode(app), await mintLoginCode(app)]
      expect((await session(app, codes[0])).json().openid).toBeDefined()
      expect((await session(app, codes[1])).json().openid).toBeDefined()
      const limited = await session(app, codes[2])
      expect(limited.statusCode).toBe(200)
      expect(limited.json().errcode).toBe(45011)
      clock.advance(60 * 1000)
      expect((await session(app, codes[2])).json().openid).toBeDefined()
    })
  })

  describe('dev endpoints', () => {
    it('mint single-use codes that expire in five minutes', async () => {
      const { app } = await emulatorApp(await openMigrated(store))
      const login = await app.inject({ method: 'POST', url: `${BASE}/dev/login`, payload: {} })
      expect(login.statusCode).toBe(200)
      expect(login.json()).toEqual({ code: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/), expiresIn: 300 })
      const phone = await app.inject({ method: 'POST', url: `${BASE}/dev/phone-code`, payload: { phone: '13800138000' } })
      expect(phone.json()).toEqual({ code: expect.stringMatching(/^[0-9a-f]{64}$/), expiresIn: 300 })
      const another = await app.inject({ method: 'POST', url: `${BASE}/dev/login`, payload: {} })
      expect(another.json().code).not.toBe(login.json().code)
    })

    it('reject extra fields, bad devices and bad phone numbers', async () => {
      const { app } = await emulatorApp(await openMigrated(store))
      const post = (path: string, payload: unknown) => app.inject({ method: 'POST', url: `${BASE}/dev/${path}`, payload: payload as object })
      for (const [path, payload] of [
        ['login', { device: 'device-aaaa-1111', openid: 'oChosenByCaller' }],
        ['login', { device: 'short' }],
        ['login', { device: 'has spaces in it' }],
        ['phone-code', { phone: '13800138000', countryCode: '86' }],
        ['phone-code', {}],
        ['phone-code', { phone: 13800138000 }],
      ] as const) {
        const response = await post(path, payload)
        expect(response.statusCode, JSON.stringify(payload)).toBe(400)
        expect(response.json().error.code).toBe('VALIDATION_FAILED')
      }
      for (const phone of ['1380013800', '138001380001', '23800138000', '+86 23800138000', '85261234567', '+852', '+852 12', '+0 12345678', '+1234 5678901', '+852 1234567890123', 'abc']) {
        const response = await post('phone-code', { phone })
        expect(response.statusCode, phone).toBe(400)
        expect(response.json().error.code).toBe('VALIDATION_FAILED')
      }
      for (const phone of ['13800138000', '+86 13800138000', '+8613800138000', '+852 61234567', '+1-4155550123', '+44 7911123456']) {
        expect((await post('phone-code', { phone })).statusCode, phone).toBe(200)
      }
    })

    it('are rate-limited per client address with 429 and retry-after', async () => {
      const clock = testClock(Date.UTC(2025, 0, 15, 2, 0, 15))
      const { app } = await emulatorApp(await openMigrated(store), { clock, quotas: { devPerMinute: 2 } })
      // Two loopback addresses: the stand-ins answer only callers on this machine (dev/loopback-guard.ts).
      const post = (remoteAddress: string) =>
        app.inject({ method: 'POST', url: `${BASE}/dev/login`, payload: {}, remoteAddress })
      expect((await post('127.0.0.11')).statusCode).toBe(200)
      expect((await post('127.0.0.11')).statusCode).toBe(200)
      const limited = await post('127.0.0.11')
      expect(limited.statusCode).toBe(429)
      expect(limited.json().error.code).toBe('TOO_MANY_REQUESTS')
      expect(limited.headers['retry-after']).toBe('45')
      expect((await post('127.0.0.12')).statusCode).toBe(200)
      clock.advance(45 * 1000)
      expect((await post('127.0.0.11')).statusCode).toBe(200)
    })
  })

  describe('state in the store', () => {
    it('a code minted before a restart is redeemed after it, once', async () => {
      const db = await openMigrated(store)
      const before = await emulatorApp(db)
      const code = await mintLoginCode(before.app)
      await before.app.close()
      const after = await emulatorApp(db)
      expect((await session(after.app, code)).json().openid).toBeDefined()
      expect((await session(after.app, code)).json().errcode).toBe(40163)
    })

    it.runIf(store.openPair !== undefined)('a code minted through one process is redeemed through another, once', async () => {
      const [first, second] = await (store.openPair as NonNullable<typeof store.openPair>)()
      const { migrate } = await import('../../../../server/src/db/migrate')
      await migrate(first)
      const one = await emulatorApp(first)
      const two = await emulatorApp(second)
      const code = await mintLoginCode(one.app)
      const results = await Promise.all([session(one.app, code), session(two.app, code)])
      expect(results.map((response) => response.json().errcode ?? 0).sort()).toEqual([0, 40163])
      const token = await stableToken(one.app)
      expect((await phoneNumber(two.app, token.access_token, await mintPhoneCode(one.app, '13800138000'))).json().errcode).toBe(0)
    })
  })

  describe('in the app', () => {
    it('is mounted at /sandbox/wechat outside production with the configured appid', async () => {
      const config = testConfig()
      const { app } = buildTestApp(await openMigrated(store), config)
      const code = await mintLoginCode(app)
      const query = new URLSearchParams({ appid: config.wechat.appId, secret: config.wechat.secret, js_code: code, grant_type: 'authorization_code' })
      const response = await app.inject({ method: 'GET', url: `${BASE}/sns/jscode2session?${query.toString()}` })
      expect(response.json().openid).toBeDefined()
      await app.close()
    })

    it('does not exist in production', async () => {
      const config = testConfig({
        NODE_ENV: 'production',
        ADMIN_TOKEN: 'q8Zr3vK0pW5xYt1LmN7bC2dF9gH4jS6aE0uI3oPzQwR',
        OCEANPAYMENT_API_BASE: 'https://query.oceanpayment.com',
        OCEANPAYMENT_TERMINALS: '140105:14010588:prodSecureCode',
        WECHAT_API_BASE: 'https://api.weixin.qq.com',
        WECHAT_APPID: 'wx1111111111111111',
        WECHAT_SECRET: 'prod-secret',
        SANDBOX_NOTICE_URL: 'https://assistant.example.com/webhooks/oceanpayment',
      })
      expect(config.sandboxesMounted).toBe(false)
      const { app } = buildTestApp(await openMigrated(store), config)
      const response = await app.inject({ method: 'POST', url: `${BASE}/dev/login`, payload: {} })
      expect(response.statusCode).toBe(404)
      await app.close()
    })
  })
})
