/**
 * The WeChat client against the emulator, through the server's own routing transport: what login code sees
 * (sessions, phone numbers, WechatErrors) and what WeChat sees (how many token requests, which token is used).
 */
import { afterAll, describe, expect, it } from 'vitest'
import { migrate } from '../../../server/src/db/migrate'
import { routingTransport } from '../../../server/src/outbound/transport'
import { createWechatClient, WechatError } from '../../../server/src/wechat'
import { buildTestApp, testConfig } from '../harness'
import { testStores } from '../stores'
import {
  API_BASE,
  APP_ID,
  SECRET,
  emulatorApp,
  emulatorClient,
  mintLoginCode,
  mintPhoneCode,
  openMigrated,
  recording,
  testClock,
  type RecordingTransport,
} from './support'

const STABLE = '/cgi-bin/stable_token'
const PHONE = '/wxa/business/getuserphonenumber'

/** The access tokens the client sent to getuserphonenumber, in order. */
function tokensUsed(calls: RecordingTransport): string[] {
  return calls.requests
    .filter((request) => request.url.includes(PHONE))
    .map((request) => new URL(request.url).searchParams.get('access_token') ?? '')
}

async function rejection(promise: Promise<unknown>): Promise<WechatError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(WechatError)
  return error as WechatError
}

describe.each(testStores())('WeChat client against the emulator on the $kind store', (store) => {
  afterAll(() => store.cleanup())

  describe('code2Session', () => {
    it('returns openid, unionid and session_key for a fresh code', async () => {
      const db = await openMigrated(store)
      const { app } = await emulatorApp(db)
      const { client } = emulatorClient(app, db)
      const first = await client.code2Session(await mintLoginCode(app, 'device-for-client-1'))
      expect(first.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/)
      expect(first.unionid).toMatch(/^o/)
      expect(Buffer.from(first.sessionKey, 'base64')).toHaveLength(16)
      const second = await client.code2Session(await mintLoginCode(app, 'device-for-client-1'))
      expect(second.openid).toBe(first.openid)
      expect(second.sessionKey).not.toBe(first.sessionKey)
    })

    it('rejects an invalid, a reused and an expired code as the user’s bad code', async () => {
      const db = await openMigrated(store)
      const clock = testClock()
      const { app } = await emulatorApp(db, { clock })
      const { client, calls } = emulatorClient(app, db, { clock })

      const invalid = await rejection(client.code2Session('not-a-code-wechat-made'))
      expect([invalid.errcode, invalid.badCode]).toEqual([40029, true])

      const code = await mintLoginCode(app)
      await client.code2Session(code)
      const reused = await rejection(client.code2Session(code))
      expect([reused.errcode, reused.badCode]).toEqual([40163, true])

      const late = await mintLoginCode(app)
      clock.advance(5 * 60 * 1000 + 1)
      const expired = await rejection(client.code2Session(late))
      expect([expired.errcode, expired.badCode]).toEqual([40029, true])

      const before = calls.requests.length
      const empty = await rejection(client.code2Session(''))
      expect([empty.errcode, empty.badCode]).toEqual([41008, true])
      const malformed = await rejection(client.code2Session('code with spaces'))
      expect([malformed.errcode, malformed.badCode]).toEqual([40029, true])
      expect(calls.requests.length).toBe(before) // refused without asking WeChat
    })

    it('a wrong secret or appid is WeChat trouble (badCode false), not the user’s', async () => {
      const db = await openMigrated(store)
      const { app } = await emulatorApp(db)
      const wrongSecret = emulatorClient(app, db, { secret: 'not-the-secret' }).client
      const secretError = await rejection(wrongSecret.code2Session(await mintLoginCode(app)))
      expect([secretError.errcode, secretError.badCode]).toEqual([40125, false])
      const tokenError = await rejection(wrongSecret.getPhoneNumber(await mintPhoneCode(app, '13800138000')))
      expect([tokenError.errcode, tokenError.badCode]).toEqual([40125, false])

      const wrongApp = emulatorClient(app, db, { appId: 'wx0000000000other' }).client
      const appError = await rejection(wrongApp.code2Session(await mintLoginCode(app)))
      expect([appError.errcode, appError.badCode]).toEqual([40013, false])
    })

    it('the per-minute quota surfaces as errcode 45011 with badCode false', async () => {
      const db = await openMigrated(store)
      const { app } = await emulatorApp(db, { quotas: { apiPerMinute: 2 } })
      const { client, logs } = emulatorClient(app, db)
      await client.code2Session(await mintLoginCode(app))
      await client.code2Session(await mintLoginCode(app))
      const limited = await rejection(client.code2Session(await mintLoginCode(app)))
      expect([limited.errcode, limited.badCode]).toEqual([45011, false])
      expect(logs.lines().some((line) => line.errcode === 45011 && line.rateLimited === true && line.level === 40)).toBe(true)
    })
  })

  describe('getPhoneNumber', () => {
    it('returns the number bound to the code, mainland and international', async () => {
      const db = await openMigrated(store)
      const { app } = await emulatorApp(db)
      const { client } = emulatorClient(app, db)
      expect(await client.getPhoneNumber(await mintPhoneCode(app, '13800138000'))).toEqual({
        phoneNumber: '13800138000',
        purePhoneNumber: '13800138000',
        countryCode: '86',
      })
      expect(await client.getPhoneNumber(await mintPhoneCode(app, '+852 61234567'))).toEqual({
        phoneNumber: '+85261234567',
        purePhoneNumber: '61234567',
        countryCode: '852',
      })
      const code = await mintPhoneCode(app, '13800138000')
      await client.getPhoneNumber(code)
      const reused = await rejection(client.getPhoneNumber(code))
      expect([reused.errcode, reused.badCode]).toEqual([40163, true])
      const invalid = await rejection(client.getPhoneNumber('0123456789abcdef'))
      expect([invalid.errcode, invalid.badCode]).toEqual([40029, true])
    })
  })

  describe('the access token', () => {
    it('is fetched once for many calls, and shared with another process through the store', async () => {
      const db = await openMigrated(store)
      const { app } = await emulatorApp(db)
      const { client, calls } = emulatorClient(app, db)
      for (let i = 0; i < 5; i += 1) await client.getPhoneNumber(await mintPhoneCode(app, '13800138000'))
      expect(calls.count(STABLE)).toBe(1)
      expect(new Set(tokensUsed(calls)).size).toBe(1)

      // A second server process: on PostgreSQL a second pool on the same schema, on PGlite the same store.
      let otherDb = db
      if (store.openPair !== undefined) {
        const [first, second] = await store.openPair()
        await migrate(first)
        const { app: otherApp } = await emulatorApp(first)
        const seed = emulatorClient(otherApp, first)
        await seed.client.getPhoneNumber(await mintPhoneCode(otherApp, '13800138000'))
        const other = emulatorClient(otherApp, second)
        await other.client.getPhoneNumber(await mintPhoneCode(otherApp, '13800138000'))
        expect(other.calls.count(STABLE)).toBe(0)
        expect(tokensUsed(other.calls)).toEqual(tokensUsed(seed.calls))
        otherDb = second
      } else {
        const other = emulatorClient(app, otherDb)
        await other.client.getPhoneNumber(await mintPhoneCode(app, '13800138000'))
        expect(other.calls.count(STABLE)).toBe(0)
        expect(tokensUsed(other.calls)).toEqual([tokensUsed(calls)[0]])
      }
    })

    it('is replaced five minutes before it expires, not earlier', async () => {
      const db = await openMigrated(store)
      const clock = testClock()
      const { app } = await emulatorApp(db, { clock })
      const { client, calls } = emulatorClient(app, db, { clock })
      await client.getPhoneNumber(await mintPhoneCode(app, '13800138000'))
      clock.advance((7200 - 300 - 1) * 1000)
      await client.getPhoneNumber(await mintPhoneCode(app, '13800138000'))
      expect(calls.count(STABLE)).toBe(1)
      clock.advance(1000)
      await client.getPhoneNumber(await mintPhoneCode(app, '13800138000'))
      expect(calls.count(STABLE)).toBe(2)
      const [first, second, third] = tokensUsed(calls)
      expect(second).toBe(first)
      expect(third).not.toBe(first)
      expect(calls.count(PHONE)).toBe(3) // no call was spent on a token WeChat had to reject
    })

    it('is renewed once when WeChat says it is invalid (40001), and the call then succeeds', async () => {
      const db = await openMigrated(store)
      const { app } = await emulatorApp(db)
      const { client, calls } = emulatorClient(app, db)
      await client.getPhoneNumber(await mintPhoneCode(app, '13800138000'))
      // Someone else force-refreshes: our cached token stops working at once.
      await app.inject({
        method: 'POST',
        url: `/sandbox/wechat${STABLE}`,
        payload: { grant_type: 'client_credential', appid: APP_ID, secret: SECRET, force_refresh: true },
      })
      const phone = await client.getPhoneNumber(await mintPhoneCode(app, '13900139000'))
      expect(phone.purePhoneNumber).toBe('13900139000')
      expect(calls.count(STABLE)).toBe(2)
      expect(calls.count(PHONE)).toBe(3)
      const [first, rejected, retried] = tokensUsed(calls)
      expect(rejected).toBe(first)
      expect(retried).not.toBe(first)
    })

    it('is renewed once when WeChat says it expired (42001), e.g. after clock drift', async () => {
      const db = await openMigrated(store)
      const { app } = await emulatorApp(db)
      const { client, calls } = emulatorClient(app, db)
      await client.getPhoneNumber(await mintPhoneCode(app, '13800138000'))
      await db.query(`update wechat_emu_tokens set expires_at = now() - interval '1 second'`)
      const phone = await client.getPhoneNumber(await mintPhoneCode(app, '13800138000'))
      expect(phone.phoneNumber).toBe('13800138000')
      expect(calls.count(STABLE)).toBe(2)
      expect(calls.count(PHONE)).toBe(3)
    })

    it('concurrent calls share one fetch, and one renewal', async () => {
      const db = await openMigrated(store)
      const { app } = await emulatorApp(db)
      const { client, calls } = emulatorClient(app, db)
      const codes = await Promise.all(Array.from({ length: 8 }, () => mintPhoneCode(app, '13800138000')))
      await Promise.all(codes.map((code) => client.getPhoneNumber(code)))
      expect(calls.count(STABLE)).toBe(1)

      await app.inject({
        method: 'POST',
        url: `/sandbox/wechat${STABLE}`,
        payload: { grant_type: 'client_credential', appid: APP_ID, secret: SECRET, force_refresh: true },
      })
      const more = await Promise.all(Array.from({ length: 8 }, () => mintPhoneCode(app, '13800138000')))
      const phones = await Promise.all(more.map((code) => client.getPhoneNumber(code)))
      expect(phones).toHaveLength(8)
      expect(calls.count(STABLE)).toBe(2)
      expect(new Set(tokensUsed(calls).slice(-8)).size).toBe(1)
    })
  })

  it('works inside the app through routingTransport with the configured appid and secret', async () => {
    const db = await openMigrated(store)
    const config = testConfig()
    const { app, logs } = buildTestApp(db, config)
    const calls = recording(routingTransport(app))
    const client = createWechatClient({ ...config.wechat, transport: calls.transport, db, logger: app.log })
    expect(config.wechat.apiBase).toBe(API_BASE)
    const session = await client.code2Session(await mintLoginCode(app, 'device-in-app-01'))
    const phone = await client.getPhoneNumber(await mintPhoneCode(app, '13700137000'))
    expect(phone.phoneNumber).toBe('13700137000')
    const once = await mintLoginCode(app)
    await client.code2Session(once)
    const reused = await rejection(client.code2Session(once))
    expect([reused.errcode, reused.badCode]).toEqual([40163, true])

    // Nothing secret in any log line: not the secret, the token, the session key, the codes or the full phone.
    const secrets = [config.wechat.secret, session.sessionKey, '13700137000', ...tokensUsed(calls)]
    for (const request of calls.requests) {
      const url = new URL(request.url)
      for (const name of ['js_code', 'access_token']) {
        const value = url.searchParams.get(name)
        if (value !== null) secrets.push(value)
      }
      if (request.body !== undefined) {
        const body = JSON.parse(request.body) as { code?: string }
        if (body.code !== undefined) secrets.push(body.code)
      }
    }
    expect(secrets.length).toBeGreaterThan(5)
    const text = logs.text()
    expect(text).toContain('WeChat access token obtained')
    for (const secret of secrets) expect(text, 'a secret reached the log').not.toContain(secret)
    await app.close()
  })
})
