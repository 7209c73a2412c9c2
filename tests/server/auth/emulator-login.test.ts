import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { buildTestApp } from '../harness'
import { testStores } from '../stores'
import { loginAs, randomClientAddress, signedGet, wechatCodes } from '../support/signed-client'

// The whole login as a development server runs it: the real WeChat client, through the app's own transport,
// against the WeChat emulator mounted at /sandbox/wechat.
describe.each(testStores())('login through the WeChat emulator on the $kind store', (store) => {
  let db: Db
  beforeAll(async () => {
    db = await store.open()
    await migrate(db)
  })
  afterAll(() => store.cleanup())

  it('logs in with codes minted by the emulator, and refuses them a second time', async () => {
    const { app, logs } = buildTestApp(db)
    const session = await loginAs(app, db, { merchant: '140105', merchantName: 'Demo', phone: '13800138000' })
    expect(session.profile).toMatchObject({ merchantAccount: '140105', phone: '138****8000' })
    expect((await signedGet(app, session, '/api/auth/profile')).statusCode).toBe(200)

    const codes = await wechatCodes(app, '13800138000')
    const login = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress: randomClientAddress() })
    expect((await login(codes)).statusCode).toBe(200)
    const reused = await login(codes)
    expect(reused.statusCode).toBe(400)
    expect(reused.json().error.code).toBe('WECHAT_CODE_INVALID')

    const unbound = await login(await wechatCodes(app, '+852 61234567'))
    expect(unbound.statusCode).toBe(403)
    expect(unbound.json().error.code).toBe('PHONE_NOT_BOUND')
    // Stored as +85261234567, matched from WeChat's countryCode 852 + purePhoneNumber 61234567.
    const hongKong = await loginAs(app, db, { merchant: '140105', phone: '+852 61234567' })
    expect(hongKong.profile.phone).toBe('+852****4567')
    // The login profile and the Me page show the same masked number.
    const me = await signedGet(app, hongKong, '/api/me')
    expect(me.json().maskedPhone).toBe(hongKong.profile.phone)
    await app.close()
    for (const secret of [session.token, session.signingKey, '13800138000', codes.loginCode, codes.phoneCode]) {
      expect(logs.text()).not.toContain(secret)
    }
  })
})
