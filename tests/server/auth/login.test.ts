import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import type { Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { accountsRepository } from '../../../server/src/repositories/accounts'
import { merchantsRepository } from '../../../server/src/repositories/merchants'
import { testConfig } from '../harness'
import { testStores } from '../stores'
import { buildAuthTestApp, fakeCodes, loginAs, randomClientAddress, signedGet, signedPost } from '../support/signed-client'

async function seedMerchants(db: Db): Promise<void> {
  await migrate(db)
  const merchants = merchantsRepository(db)
  await merchants.upsert({ account: '140105', name: '海洋示范贸易有限公司' })
  await merchants.upsert({ account: '150207', name: 'Harbour Outdoor Goods Ltd.' })
}

function login(app: ReturnType<typeof buildAuthTestApp>['app'], codes: object) {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: codes, remoteAddress: randomClientAddress() })
}

describe.each(testStores())('login and sessions on the $kind store', (store) => {
  let db: Db
  beforeAll(async () => {
    db = await store.open()
    await seedMerchants(db)
  })
  afterAll(() => store.cleanup())

  it('logs the bound, enabled account in and returns token, signing key, idle limit and a masked profile', async () => {
    const { app, logs } = buildAuthTestApp(db)
    const created = await accountsRepository(db).create('140105', {
      phone: '13800138000',
      username: '王小明',
      position: '财务',
      enabled: true,
      permissions: ['refund', 'order-query'],
    })
    expect(created.kind).toBe('created')
    const response = await login(app, fakeCodes('13800138000'))
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    const body = response.json() as LoginResponse
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(body.signingKey).toMatch(/^[0-9a-f]{64}$/)
    expect(body.expiresIn).toBe(600)
    expect(body.profile).toEqual({
      userId: created.kind === 'created' ? created.account.id : '',
      username: '王小明',
      position: '财务',
      phone: '138****8000',
      merchantAccount: '140105',
      merchantName: '海洋示范贸易有限公司',
      permissions: ['refund', 'order-query'],
    })
    expect(JSON.stringify(body)).not.toMatch(/sessionKey|session_key|openid/i)

    // The token is stored only as its hash.
    const { rows } = await db.query<{ token_hash: string }>('select token_hash from sessions')
    expect(rows.some((row) => row.token_hash === body.token)).toBe(false)

    const profile = await signedGet(app, body, '/api/auth/profile')
    expect(profile.statusCode).toBe(200)
    expect(profile.json()).toEqual(body.profile)

    await app.close()
    const text = logs.text()
    expect(text).toContain('logged in')
    for (const secret of [body.token, body.signingKey, '13800138000']) expect(text).not.toContain(secret)
  })

  it('matches a non-mainland number by + country code and number', async () => {
    const { app } = buildAuthTestApp(db)
    await accountsRepository(db).create('150207', {
      phone: '+85261234567',
      username: 'Chan',
      position: '',
      enabled: true,
      permissions: [],
    })
    const response = await login(app, fakeCodes('+85261234567'))
    expect(response.statusCode).toBe(200)
    expect((response.json() as LoginResponse).profile).toMatchObject({ merchantAccount: '150207', phone: '+852****4567' })
    await app.close()
  })

  it('answers 403 PHONE_NOT_BOUND for an unknown phone and for a disabled account', async () => {
    const { app } = buildAuthTestApp(db)
    const unknown = await login(app, fakeCodes('13900000001'))
    expect(unknown.statusCode).toBe(403)
    expect(unknown.json().error.code).toBe('PHONE_NOT_BOUND')
    expect(unknown.json().error.message).toMatch(/administrator/)

    await accountsRepository(db).create('140105', {
      phone: '13900000002',
      username: 'off',
      position: '',
      enabled: false,
      permissions: [],
    })
    const disabled = await login(app, fakeCodes('13900000002'))
    expect(disabled.statusCode).toBe(403)
    expect(disabled.json().error.code).toBe('PHONE_NOT_BOUND')
    await app.close()
  })

  it('answers 400 WECHAT_CODE_INVALID for a bad or reused code and 502 WECHAT_UNAVAILABLE when WeChat fails', async () => {
    const { app, logs } = buildAuthTestApp(db)
    await loginAs(app, db, { merchant: '140105', phone: '13900000003' })

    const bad = await login(app, { loginCode: 'fake-login:bad', phoneCode: fakeCodes('13900000003').phoneCode })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('WECHAT_CODE_INVALID')

    const codes = fakeCodes('13900000003')
    expect((await login(app, codes)).statusCode).toBe(200)
    const reused = await login(app, codes)
    expect(reused.statusCode).toBe(400)
    expect(reused.json().error.code).toBe('WECHAT_CODE_INVALID')

    const down = await login(app, { loginCode: 'fake-login:down', phoneCode: fakeCodes('13900000003').phoneCode })
    expect(down.statusCode).toBe(502)
    expect(down.json().error).toMatchObject({ code: 'WECHAT_UNAVAILABLE', requestId: expect.any(String) })

    const extra = await login(app, { ...fakeCodes('13900000003'), openid: 'x' })
    expect(extra.statusCode).toBe(400)
    expect(extra.json().error.code).toBe('VALIDATION_FAILED')
    await app.close()
    expect(logs.text()).toContain('login: WeChat server API failed')
  })

  it('asks which merchant when the phone has accounts at two, and logs in to the one named', async () => {
    const { app } = buildAuthTestApp(db)
    await loginAs(app, db, { merchant: '140105', phone: '13900000004' })
    await loginAs(app, db, { merchant: '150207', phone: '13900000004' })
    const ambiguous = await login(app, fakeCodes('13900000004'))
    expect(ambiguous.statusCode).toBe(409)
    expect(ambiguous.json().error.message).toContain('140105, 150207')
    const chosen = await login(app, { ...fakeCodes('13900000004'), merchantAccount: '150207' })
    expect(chosen.statusCode).toBe(200)
    expect((chosen.json() as LoginResponse).profile.merchantAccount).toBe('150207')
    await app.close()
  })

  it('ends a session on logout', async () => {
    const { app } = buildAuthTestApp(db)
    const session = await loginAs(app, db, { merchant: '140105', phone: '13900000005' })
    expect((await signedPost(app, session, '/api/auth/heartbeat')).statusCode).toBe(200)
    const logout = await signedPost(app, session, '/api/auth/logout')
    expect(logout.statusCode).toBe(204)
    const after = await signedGet(app, session, '/api/auth/profile')
    expect(after.statusCode).toBe(401)
    expect(after.json().error.code).toBe('SESSION_EXPIRED')
    await app.close()
  })

  it('kills an idle session, keeps one alive with heartbeats (injected clock)', async () => {
    let now = Date.UTC(2025, 0, 6, 9, 0, 0)
    const { app } = buildAuthTestApp(db, { clock: () => now, config: testConfig({ SESSION_IDLE_SECONDS: '600' }) })
    const idle = await loginAs(app, db, { merchant: '140105', phone: '13900000006' })
    const kept = await loginAs(app, db, { merchant: '140105', phone: '13900000007' })
    for (let minute = 1; minute <= 12; minute += 3) {
      now += 3 * 60_000 // 3, 6, 9, 12 minutes after login
      const beat = await signedPost(app, kept, '/api/auth/heartbeat', undefined, { timestamp: now })
      expect(beat.statusCode).toBe(200)
      expect(beat.json()).toEqual({ expiresIn: 600 })
    }
    const dead = await signedGet(app, idle, '/api/auth/profile', { timestamp: now })
    expect(dead.statusCode).toBe(401)
    expect(dead.json().error.code).toBe('SESSION_EXPIRED')
    expect((await signedGet(app, kept, '/api/auth/profile', { timestamp: now })).statusCode).toBe(200)

    // Exactly at the limit it is dead; a moment before, alive.
    now += 600_000 - 1
    expect((await signedGet(app, kept, '/api/auth/profile', { timestamp: now })).statusCode).toBe(200)
    now += 600_000
    expect((await signedGet(app, kept, '/api/auth/profile', { timestamp: now })).statusCode).toBe(401)
    await app.close()
  })

  it('ends the sessions of an account at once when it is disabled or deleted', async () => {
    const { app } = buildAuthTestApp(db)
    const accounts = accountsRepository(db)
    const first = await loginAs(app, db, { merchant: '140105', phone: '13900000008' })
    const firstAgain = await loginAs(app, db, { merchant: '140105', phone: '13900000008' })
    const second = await loginAs(app, db, { merchant: '140105', phone: '13900000009' })

    expect((await accounts.update('140105', first.userId, { enabled: false })).kind).toBe('updated')
    for (const session of [first, firstAgain]) {
      const response = await signedGet(app, session, '/api/auth/profile')
      expect(response.statusCode).toBe(401)
      expect(response.json().error.code).toBe('SESSION_EXPIRED')
    }
    // Re-enabling does not revive them: the sessions are gone, not suspended.
    await accounts.update('140105', first.userId, { enabled: true })
    expect((await signedGet(app, first, '/api/auth/profile')).statusCode).toBe(401)

    expect((await signedGet(app, second, '/api/auth/profile')).statusCode).toBe(200)
    expect(await accounts.remove('140105', second.userId)).toBe(true)
    expect((await signedGet(app, second, '/api/auth/profile')).statusCode).toBe(401)
    await app.close()
  })

  it.runIf(store.kind === 'postgres')('uses a session made on one process on another', async () => {
    const [one, two] = await store.openPair!()
    await seedMerchants(one)
    const first = buildAuthTestApp(one)
    const second = buildAuthTestApp(two)
    const session = await loginAs(first.app, one, { merchant: '140105', phone: '13800138001' })
    expect((await signedGet(second.app, session, '/api/auth/profile')).statusCode).toBe(200)
    expect((await signedPost(second.app, session, '/api/auth/logout')).statusCode).toBe(204)
    expect((await signedGet(first.app, session, '/api/auth/profile')).statusCode).toBe(401)
    await first.app.close()
    await second.app.close()
  })
})
