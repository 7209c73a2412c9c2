/**
 * `/api/me/subscriptions…` (contract/subscriptions.ts) on the full app with the WeChat emulator, and the openid the
 * login now stores: per account, strict input, never an openid on the wire.
 */
import { afterAll, describe, expect, it, vi } from 'vitest'
import type { LoginResponse } from '../../../contract/auth'
import type { SubscriptionsResponse } from '../../../contract/subscriptions'
import type { App } from '../../../server/src/app'
import { DEV_SUBSCRIBE_TEMPLATES } from '../../../server/src/config'
import type { Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { identityFor } from '../../../server/src/dev/wechat-emulator/identity'
import { accountsRepository } from '../../../server/src/repositories/accounts'
import { merchantsRepository } from '../../../server/src/repositories/merchants'
import { buildTestApp, testConfig } from '../harness'
import { testStores } from '../stores'
import { randomClientAddress, signedGet, signedRequest, type TestSession } from '../support/signed-client'

vi.setConfig({ testTimeout: 120_000 })

const CHARGEBACK = DEV_SUBSCRIBE_TEMPLATES.chargeback ?? ''
const FRAUD = DEV_SUBSCRIBE_TEMPLATES.fraud ?? ''
const REFUND = DEV_SUBSCRIBE_TEMPLATES.refund ?? ''

/** Logs in from a browser "device", as the H5 build does: the emulator gives that device one openid. */
async function loginFrom(app: App, db: Db, merchant: string, phone: string, device: string): Promise<TestSession> {
  await merchantsRepository(db).upsert({ account: merchant })
  await accountsRepository(db).create(merchant, { phone, username: `user ${phone.slice(-4)}`, position: '', enabled: true, permissions: [] })
  const login = await app.inject({ method: 'POST', url: '/sandbox/wechat/dev/login', payload: { device } })
  const phoneCode = await app.inject({ method: 'POST', url: '/sandbox/wechat/dev/phone-code', payload: { phone } })
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { loginCode: login.json<{ code: string }>().code, phoneCode: phoneCode.json<{ code: string }>().code, merchantAccount: merchant },
    remoteAddress: randomClientAddress(),
  })
  expect(response.statusCode).toBe(200)
  // The openid stays on the server.
  expect(response.body).not.toContain(identityFor(testConfig().wechat.appId, device).openid)
  const body = response.json<LoginResponse>()
  return { token: body.token, signingKey: body.signingKey, profile: body.profile, userId: body.profile.userId, merchant, phone }
}

describe.each(testStores())('subscription settings on the $kind store', (store) => {
  afterAll(() => store.cleanup())

  const open = async () => {
    const db = await store.open()
    await migrate(db)
    const { app } = buildTestApp(db, testConfig({ PUSH_INTERVAL_SECONDS: '0' }))
    await app.ready()
    return { db, app }
  }

  it('login stores the openid of the account that logged in, and nothing shows it', async () => {
    const { db, app } = await open()
    const session = await loginFrom(app, db, '150601', '13700000001', 'device-login-0001')
    const { rows } = await db.query<{ openid: string }>('select openid from miniprogram_accounts where id = $1', [session.userId])
    expect(rows[0].openid).toBe(identityFor(testConfig().wechat.appId, 'device-login-0001').openid)
    const me = await signedGet(app, session, '/api/me')
    expect(me.body).not.toContain(rows[0].openid)
    await app.close()
  })

  it('lists the configured topics, counts accepted grants, keeps choices, switches topics, per account', async () => {
    const { db, app } = await open()
    const ann = await loginFrom(app, db, '150602', '13700000002', 'device-ann-00001')
    const ben = await loginFrom(app, db, '150602', '13700000003', 'device-ben-00001')

    const initial = (await signedGet(app, ann, '/api/me/subscriptions')).json<SubscriptionsResponse>()
    expect(initial.topics.map((topic) => [topic.topic, topic.remaining, topic.enabled, topic.keptChoice])).toEqual([
      ['chargeback', 0, true, null],
      ['fraud', 0, true, null],
      ['retrieval', 0, true, null],
      ['refund', 0, true, null],
      ['deadline', 0, true, null],
      ['summary', 0, true, null],
    ])
    expect(initial.topics[0].templateId).toBe(CHARGEBACK)

    const report = (body: unknown, session = ann) =>
      signedRequest(app, session, { method: 'POST', url: '/api/me/subscriptions/grants', body })
    const first = await report({ results: { [CHARGEBACK]: 'accept', [FRAUD]: 'reject', [REFUND]: 'accept' } })
    expect(first.statusCode).toBe(200)
    await report({ results: { [CHARGEBACK]: 'accept' }, keptChoices: { [CHARGEBACK]: 'accept', [FRAUD]: 'reject' } })
    const after = (await signedGet(app, ann, '/api/me/subscriptions')).json<SubscriptionsResponse>()
    const byTopic = Object.fromEntries(after.topics.map((topic) => [topic.topic, topic]))
    expect([byTopic.chargeback.remaining, byTopic.chargeback.keptChoice]).toEqual([2, 'accept'])
    expect([byTopic.fraud.remaining, byTopic.fraud.keptChoice]).toEqual([0, 'reject'])
    expect(byTopic.refund.remaining).toBe(1)

    const off = await signedRequest(app, ann, { method: 'PUT', url: '/api/me/subscriptions/chargeback', body: { enabled: false } })
    expect(off.statusCode).toBe(200)
    expect(off.json<SubscriptionsResponse>().topics[0]).toMatchObject({ topic: 'chargeback', enabled: false, remaining: 2 })

    // Ben's settings are his own.
    const bens = (await signedGet(app, ben, '/api/me/subscriptions')).json<SubscriptionsResponse>()
    expect(bens.topics.every((topic) => topic.remaining === 0 && topic.enabled && topic.keptChoice === null)).toBe(true)
    await app.close()
  })

  it('refuses bad input with 400 and changes nothing', async () => {
    const { db, app } = await open()
    const cat = await loginFrom(app, db, '150603', '13700000004', 'device-cat-00001')
    const post = (body: unknown) => signedRequest(app, cat, { method: 'POST', url: '/api/me/subscriptions/grants', body })
    const bad: unknown[] = [
      { results: { 'NotOurTemplate-123': 'accept' } },
      { results: { [CHARGEBACK]: 'accept', 'NotOurTemplate-123': 'accept' } },
      { results: { [CHARGEBACK]: 'accept' }, keptChoices: { 'NotOurTemplate-123': 'reject' } },
      { results: {} },
      { results: { a1: 'accept', b2: 'accept', c3: 'accept', d4: 'accept' } },
      { results: { [CHARGEBACK]: 'yes' } },
      { results: { [CHARGEBACK]: 'accept' }, extra: true },
      { results: { [CHARGEBACK]: 'accept' }, keptChoices: { [CHARGEBACK]: 'filter' } },
      { results: { 'bad id!': 'accept' } },
      { results: [CHARGEBACK] },
    ]
    for (const body of bad) {
      const response = await post(body)
      expect(response.statusCode, JSON.stringify(body)).toBe(400)
      expect(response.json()).toHaveProperty('error.code', 'VALIDATION_FAILED')
    }
    const put = (topic: string, body: unknown) => signedRequest(app, cat, { method: 'PUT', url: `/api/me/subscriptions/${topic}`, body })
    expect((await put('nonsense', { enabled: true })).statusCode).toBe(400)
    expect((await put('chargeback', { enabled: 'false' })).statusCode).toBe(400)
    expect((await put('chargeback', { enabled: false, more: 1 })).statusCode).toBe(400)
    const now = (await signedGet(app, cat, '/api/me/subscriptions')).json<SubscriptionsResponse>()
    expect(now.topics.every((topic) => topic.remaining === 0 && topic.enabled && topic.keptChoice === null)).toBe(true)
    const { rows } = await db.query('select 1 from subscription_grants')
    expect(rows).toEqual([])
    await app.close()
  })

  it('is signed like every /api route', async () => {
    const { app } = await open()
    expect((await app.inject({ method: 'GET', url: '/api/me/subscriptions' })).statusCode).toBe(401)
    await app.close()
  })
})
