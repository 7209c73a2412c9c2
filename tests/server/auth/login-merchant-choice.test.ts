/**
 * A phone bound at several merchants: the login's 409 names the merchants as data (account and name), so the
 * mini-program offers the choice without parsing the message, and the login with the chosen one succeeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiErrorBody } from '@contract/api'
import type { LoginResponse } from '@contract/auth'
import type { Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { merchantsRepository } from '../../../server/src/repositories/merchants'
import { testStores } from '../stores'
import { buildAuthTestApp, fakeCodes, loginAs, randomClientAddress } from '../support/signed-client'

describe.each(testStores())('login with a phone at several merchants on the $kind store', (store) => {
  let db: Db
  beforeAll(async () => {
    db = await store.open()
    await migrate(db)
    const merchants = merchantsRepository(db)
    await merchants.upsert({ account: '140105', name: '海洋示范贸易有限公司' })
    await merchants.upsert({ account: '150207', name: 'Harbour Outdoor Goods Ltd.' })
  })
  afterAll(() => store.cleanup())

  it('answers 409 CONFLICT with the merchants to choose from, then logs in to the one chosen', async () => {
    const { app, logs } = buildAuthTestApp(db)
    await loginAs(app, db, { merchant: '150207', phone: '13900000042' })
    await loginAs(app, db, { merchant: '140105', phone: '13900000042' })

    const ambiguous = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: fakeCodes('13900000042'),
      remoteAddress: randomClientAddress(),
    })
    expect(ambiguous.statusCode).toBe(409)
    const body = ambiguous.json() as ApiErrorBody
    expect(body.error.code).toBe('CONFLICT')
    expect(body.error.merchants).toEqual([
      { account: '140105', name: '海洋示范贸易有限公司' },
      { account: '150207', name: 'Harbour Outdoor Goods Ltd.' },
    ])

    const chosen = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { ...fakeCodes('13900000042'), merchantAccount: '150207' },
      remoteAddress: randomClientAddress(),
    })
    expect(chosen.statusCode).toBe(200)
    expect((chosen.json() as LoginResponse).profile.merchantName).toBe('Harbour Outdoor Goods Ltd.')
    await app.close()
    // Logged like every other rejection, without the phone.
    expect(logs.text()).toContain('request rejected')
    expect(logs.text()).not.toContain('13900000042')
  })

  it('other login errors keep the plain envelope (no merchants field)', async () => {
    const { app } = buildAuthTestApp(db)
    const unbound = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: fakeCodes('13900000043'),
      remoteAddress: randomClientAddress(),
    })
    expect(unbound.statusCode).toBe(403)
    expect(unbound.json()).toEqual({ error: { code: 'PHONE_NOT_BOUND', message: expect.any(String) } })
    await app.close()
  })
})
