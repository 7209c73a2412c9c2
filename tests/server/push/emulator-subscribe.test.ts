/**
 * The emulator's /cgi-bin/message/subscribe/send answers as WeChat documents it (docs/wechat-emulator.md): token
 * checks, openid, template, page, field rules, its own grants (43101) and the daily quota (45009); and its dev
 * stand-ins for wx.requestSubscribeMessage (kept choices answered without asking) and wx.getSetting.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { testStores } from '../stores'
import { APP_ID, SECRET, emulatorApp, openMigrated, testClock } from '../wechat/support'
import { TEMPLATES, emulatorSheet, received, type TestUser } from './support'
import { identityFor } from '../../../server/src/dev/wechat-emulator/identity'

vi.setConfig({ testTimeout: 120_000 })

const device = 'device-emu-000001'
const who: TestUser = { accountId: 'n/a', device, openid: identityFor(APP_ID, device).openid }

const DATA = {
  character_string1: { value: 'ORD-1' },
  thing2: { value: 'SEK 1,111.22' },
  thing3: { value: '4837 No auth' },
  time4: { value: '2026-12-03 10:30' },
  thing5: { value: '请尽快处理' },
}

async function token(app: FastifyInstance): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/sandbox/wechat/cgi-bin/stable_token',
    payload: { grant_type: 'client_credential', appid: APP_ID, secret: SECRET },
  })
  return response.json<{ access_token: string }>().access_token
}

function sendAs(app: FastifyInstance, accessToken: string | undefined, body: Record<string, unknown>) {
  const query = accessToken === undefined ? '' : `?access_token=${encodeURIComponent(accessToken)}`
  return app
    .inject({ method: 'POST', url: `/sandbox/wechat/cgi-bin/message/subscribe/send${query}`, payload: body })
    .then((response) => {
      expect(response.statusCode).toBe(200)
      return response.json<{ errcode: number; errmsg: string }>()
    })
}

const message = (overrides: Record<string, unknown> = {}) => ({
  touser: who.openid,
  template_id: TEMPLATES.chargeback,
  page: 'pages/message-detail/index?id=7',
  data: DATA,
  miniprogram_state: 'developer',
  lang: 'zh_CN',
  ...overrides,
})

describe.each(testStores())('emulator subscribe/send on the $kind store', (store) => {
  afterAll(() => store.cleanup())

  it("answers WeChat's errcodes, in WeChat's order, and records only what it accepted", async () => {
    const db = await openMigrated(store)
    const clock = testClock()
    const { app } = await emulatorApp(db, { subscribeTemplates: TEMPLATES, clock, quotas: { subscribeDailyQuota: 30 } })
    const good = await token(app)
    expect((await sendAs(app, undefined, message())).errcode).toBe(41001)
    expect((await sendAs(app, 'not-a-token', message())).errcode).toBe(40001)
    expect((await sendAs(app, good, message({ touser: 'someone' }))).errcode).toBe(40003)
    expect((await sendAs(app, good, message({ template_id: 'NotATemplate' }))).errcode).toBe(40037)
    expect((await sendAs(app, good, message({ page: '/pages/message-detail/index' }))).errcode).toBe(41030)
    expect((await sendAs(app, good, message({ page: 'pages/nowhere' }))).errcode).toBe(41030)
    const tooLong = await sendAs(app, good, message({ data: { ...DATA, thing3: { value: 'x'.repeat(21) } } }))
    expect(tooLong).toMatchObject({ errcode: 47003, errmsg: 'argument invalid! data.thing3.value is longer than 20 characters' })
    const missing = await sendAs(app, good, message({ data: { ...DATA, time4: undefined } }))
    expect(missing).toMatchObject({ errcode: 47003, errmsg: 'argument invalid! data.time4.value is empty' })
    expect((await sendAs(app, good, message({ data: { ...DATA, time4: { value: 'soon' } } }))).errcode).toBe(47003)
    expect((await sendAs(app, good, message({ lang: 'fr_FR' }))).errcode).toBe(47003)
    expect((await sendAs(app, good, message({ extra: 1 }))).errcode).toBe(40097)
    // No grant yet: 43101. One accept is one message.
    expect(await sendAs(app, good, message())).toMatchObject({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
    await emulatorSheet(app, who, { [TEMPLATES.chargeback]: 'accept' })
    expect((await sendAs(app, good, message())).errcode).toBe(0)
    expect((await sendAs(app, good, message())).errcode).toBe(43101)
    const [phone, ...rest] = await received(app, who)
    expect(rest).toEqual([])
    expect(phone).toMatchObject({ templateId: TEMPLATES.chargeback, page: 'pages/message-detail/index?id=7', data: DATA })
    // An expired token: 42001.
    clock.advance(7200 * 1000 + 1)
    expect((await sendAs(app, good, message())).errcode).toBe(42001)
  })

  it('counts calls per Beijing day: 45009 past the quota, and a new day starts afresh', async () => {
    const db = await openMigrated(store)
    const clock = testClock(Date.UTC(2026, 11, 3, 15, 0)) // 23:00 Beijing
    const { app } = await emulatorApp(db, { subscribeTemplates: TEMPLATES, clock, quotas: { subscribeDailyQuota: 2 } })
    const good = await token(app)
    await emulatorSheet(app, who, { [TEMPLATES.chargeback]: 'accept' })
    await emulatorSheet(app, who, { [TEMPLATES.chargeback]: 'accept' })
    expect((await sendAs(app, good, message())).errcode).toBe(0)
    expect((await sendAs(app, good, message({ touser: 'bad' }))).errcode).toBe(40003)
    expect(await sendAs(app, good, message())).toMatchObject({ errcode: 45009, errmsg: 'reach max api daily quota limit' })
    clock.advance(60 * 60 * 1000) // 00:00 Beijing
    expect((await sendAs(app, await token(app), message())).errcode).toBe(0)
  })

  it('the sheet: kept choices answer without asking; getSetting reports them; unknown templates are refused', async () => {
    const db = await openMigrated(store)
    const { app } = await emulatorApp(db, { subscribeTemplates: TEMPLATES })
    expect(await emulatorSheet(app, who, { [TEMPLATES.fraud]: 'reject', [TEMPLATES.refund]: 'accept' }, true)).toEqual({
      [TEMPLATES.fraud]: 'reject',
      [TEMPLATES.refund]: 'accept',
    })
    // Kept: a later "accept" for fraud is still a reject, as WeChat would not even ask.
    expect(await emulatorSheet(app, who, { [TEMPLATES.fraud]: 'accept' })).toEqual({ [TEMPLATES.fraud]: 'reject' })
    const settings = await app.inject({ method: 'GET', url: `/sandbox/wechat/dev/subscribe-settings?device=${device}` })
    expect(settings.json()).toEqual({ itemSettings: { [TEMPLATES.fraud]: 'reject', [TEMPLATES.refund]: 'accept' } })
    const unknown = await app.inject({
      method: 'POST',
      url: '/sandbox/wechat/dev/subscribe',
      payload: { device, choices: { NotATemplate: 'accept' } },
    })
    expect(unknown.statusCode).toBe(400)
    const four = await app.inject({
      method: 'POST',
      url: '/sandbox/wechat/dev/subscribe',
      payload: { device, choices: { a1: 'accept', a2: 'accept', a3: 'accept', a4: 'accept' } },
    })
    expect(four.statusCode).toBe(400)
  })
})
