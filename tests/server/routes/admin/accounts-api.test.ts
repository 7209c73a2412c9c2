import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MiniProgramAccount } from '@contract/admin'
import type { App } from '../../../../server/src/app'
import type { Db } from '../../../../server/src/db'
import { migrate } from '../../../../server/src/db/migrate'
import { merchantsRepository } from '../../../../server/src/repositories/merchants'
import { testConfig } from '../../harness'
import { testStores } from '../../stores'
import { buildAuthTestApp, loginAs, signedGet } from '../../support/signed-client'

const TOKEN = 'admin-token-for-tests-0123456789abcdef'
const auth = { authorization: `Bearer ${TOKEN}` }

async function prepare(db: Db): Promise<void> {
  await migrate(db)
  const merchants = merchantsRepository(db)
  await merchants.upsert({ account: '140105', name: '海洋示范贸易有限公司' })
  await merchants.upsert({ account: '150207', name: 'Harbour Outdoor Goods Ltd.' })
}

function adminApp(db: Db): App {
  return buildAuthTestApp(db, { config: testConfig({ ADMIN_TOKEN: TOKEN }) }).app
}

const phoneOf = (i: number) => `1390000${String(i).padStart(4, '0')}`

function create(app: App, merchant: string, body: object) {
  return app.inject({ method: 'POST', url: `/admin/api/merchants/${merchant}/users`, headers: auth, payload: body })
}

describe.each(testStores())('admin API for mini-program accounts on the $kind store', (store) => {
  let db: Db
  let app: App
  beforeAll(async () => {
    db = await store.open()
    await prepare(db)
    app = adminApp(db)
  })
  afterAll(async () => {
    await app.close()
    await store.cleanup()
  })

  it('creates, lists, edits, disables, enables and deletes an account', async () => {
    const created = await create(app, '140105', {
      phone: '+86 138-0013-8000',
      username: '  王小明 ',
      position: '财务',
      enabled: true,
      permissions: ['refund', 'capture', 'refund'],
    })
    expect(created.statusCode).toBe(201)
    const account = created.json() as MiniProgramAccount
    expect(account).toMatchObject({
      merchantAccount: '140105',
      phone: '13800138000',
      username: '王小明',
      position: '财务',
      enabled: true,
      permissions: ['capture', 'refund'],
    })

    const list = await app.inject({ method: 'GET', url: '/admin/api/merchants/140105/users', headers: auth })
    expect(list.statusCode).toBe(200)
    expect(list.json()).toEqual([account])

    const url = `/admin/api/merchants/140105/users/${account.id}`
    const edited = await app.inject({ method: 'PATCH', url, headers: auth, payload: { position: '经理', permissions: [] } })
    expect(edited.statusCode).toBe(200)
    expect(edited.json()).toMatchObject({ position: '经理', permissions: [], username: '王小明' })

    const disabled = await app.inject({ method: 'PATCH', url, headers: auth, payload: { enabled: false } })
    expect(disabled.json().enabled).toBe(false)
    const enabled = await app.inject({ method: 'PATCH', url, headers: auth, payload: { enabled: true } })
    expect(enabled.json().enabled).toBe(true)

    const merchants = await app.inject({ method: 'GET', url: '/admin/api/merchants', headers: auth })
    expect(merchants.json()).toContainEqual({ account: '140105', name: '海洋示范贸易有限公司', accounts: 1 })

    expect((await app.inject({ method: 'DELETE', url, headers: auth })).statusCode).toBe(204)
    expect((await app.inject({ method: 'DELETE', url, headers: auth })).statusCode).toBe(404)
    expect((await app.inject({ method: 'PATCH', url, headers: auth, payload: { enabled: true } })).statusCode).toBe(404)
  })

  it('logs an account out at once when the admin disables or deletes it', async () => {
    const session = await loginAs(app, db, { merchant: '150207', phone: '13700000001' })
    const url = `/admin/api/merchants/150207/users/${session.userId}`
    expect((await signedGet(app, session, '/api/auth/profile')).statusCode).toBe(200)
    await app.inject({ method: 'PATCH', url, headers: auth, payload: { enabled: false } })
    expect((await signedGet(app, session, '/api/auth/profile')).json().error.code).toBe('SESSION_EXPIRED')

    await app.inject({ method: 'PATCH', url, headers: auth, payload: { enabled: true } })
    const again = await loginAs(app, db, { merchant: '150207', phone: '13700000001' })
    expect((await app.inject({ method: 'DELETE', url, headers: auth })).statusCode).toBe(204)
    expect((await signedGet(app, again, '/api/auth/profile')).json().error.code).toBe('SESSION_EXPIRED')
  })

  it('refuses every bad input with 400 VALIDATION_FAILED naming the field', async () => {
    const valid = { phone: '13600000000', username: 'ok' }
    const cases: Array<[object, RegExp]> = [
      [{ ...valid, role: 'admin' }, /role|additional/],
      [{ ...valid, phone: '12345' }, /phone/],
      [{ ...valid, phone: '23800138000' }, /phone/],
      [{ ...valid, phone: '+0123' }, /phone/],
      [{ ...valid, username: '' }, /username/],
      [{ ...valid, username: '   ' }, /username/],
      [{ ...valid, username: 'x'.repeat(33) }, /username/],
      [{ ...valid, permissions: ['refund', 'delete-everything'] }, /permissions/],
      [{ ...valid, enabled: 'maybe' }, /enabled/],
      [{ phone: '13600000000' }, /username/],
      [{ username: 'x' }, /phone/],
    ]
    for (const [body, field] of cases) {
      const response = await create(app, '140105', body)
      expect({ body, status: response.statusCode }).toEqual({ body, status: 400 })
      expect(response.json().error.code).toBe('VALIDATION_FAILED')
      expect(response.json().error.message).toMatch(field)
    }
    const created = (await create(app, '140105', valid)).json() as MiniProgramAccount
    const url = `/admin/api/merchants/140105/users/${created.id}`
    for (const body of [{}, { id: 'x' }, { phone: 'nope' }, { permissions: ['root'] }]) {
      const response = await app.inject({ method: 'PATCH', url, headers: auth, payload: body })
      expect(response.statusCode).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION_FAILED')
    }
    const badId = await app.inject({ method: 'PATCH', url: '/admin/api/merchants/140105/users/42', headers: auth, payload: { enabled: true } })
    expect(badId.statusCode).toBe(400)
    await app.inject({ method: 'DELETE', url, headers: auth })
  })

  it('refuses a phone already bound at the merchant (409), but allows it at another merchant', async () => {
    expect((await create(app, '140105', { phone: '13500000000', username: 'a' })).statusCode).toBe(201)
    const twice = await create(app, '140105', { phone: '+8613500000000', username: 'b' })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().error.code).toBe('PHONE_ALREADY_BOUND')
    expect((await create(app, '150207', { phone: '13500000000', username: 'c' })).statusCode).toBe(201)
    const other = (await create(app, '140105', { phone: '13500000001', username: 'd' })).json() as MiniProgramAccount
    const steal = await app.inject({
      method: 'PATCH',
      url: `/admin/api/merchants/140105/users/${other.id}`,
      headers: auth,
      payload: { phone: '13500000000' },
    })
    expect(steal.json().error.code).toBe('PHONE_ALREADY_BOUND')
  })

  it('answers 404 for an unknown merchant and 401 without the right token', async () => {
    const unknown = await app.inject({ method: 'GET', url: '/admin/api/merchants/999999/users', headers: auth })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('NOT_FOUND')
    expect((await create(app, '999999', { phone: '13600000009', username: 'x' })).statusCode).toBe(404)

    for (const headers of [{}, { authorization: `Bearer ${TOKEN}x` }, { authorization: TOKEN }, { authorization: 'Bearer ' }]) {
      const response = await app.inject({ method: 'GET', url: '/admin/api/merchants/140105/users', headers })
      expect(response.statusCode).toBe(401)
      expect(response.json().error.code).toBe('UNAUTHORIZED')
      expect(response.headers['www-authenticate']).toContain('Bearer')
    }
    const write = await app.inject({
      method: 'POST',
      url: '/admin/api/merchants/140105/users',
      payload: { phone: '13600000010', username: 'x' },
    })
    expect(write.statusCode).toBe(401)
  })
})

describe.each(testStores())('the 10-account limit on the $kind store', (store) => {
  afterAll(() => store.cleanup())

  async function expectTenAfterTwentyConcurrent(apps: [App, App], db: Db): Promise<void> {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => create(apps[i % 2], '140105', { phone: phoneOf(i), username: `u${i}` })),
    )
    const statuses = responses.map((r) => r.statusCode).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(10)
    expect(statuses.filter((s) => s === 409)).toHaveLength(10)
    for (const response of responses.filter((r) => r.statusCode === 409)) {
      expect(response.json().error.code).toBe('ACCOUNT_LIMIT_REACHED')
    }
    const { rows } = await db.query<{ n: number; slots: number }>(
      "select count(*)::int as n, count(distinct slot)::int as slots from miniprogram_accounts where merchant = '140105'",
    )
    expect(rows[0]).toEqual({ n: 10, slots: 10 })

    const eleventh = await create(apps[0], '140105', { phone: phoneOf(99), username: 'eleventh' })
    expect(eleventh.statusCode).toBe(409)
    expect(eleventh.json().error).toMatchObject({ code: 'ACCOUNT_LIMIT_REACHED', message: expect.stringContaining('10') })

    // Another merchant is not affected; deleting one frees a slot.
    expect((await create(apps[1], '150207', { phone: phoneOf(99), username: 'other' })).statusCode).toBe(201)
    const list = (await apps[1].inject({ method: 'GET', url: '/admin/api/merchants/140105/users', headers: auth })).json() as MiniProgramAccount[]
    expect(list).toHaveLength(10)
    const removed = await apps[1].inject({ method: 'DELETE', url: `/admin/api/merchants/140105/users/${list[3].id}`, headers: auth })
    expect(removed.statusCode).toBe(204)
    expect((await create(apps[0], '140105', { phone: phoneOf(99), username: 'eleventh' })).statusCode).toBe(201)
    expect((await create(apps[0], '140105', { phone: phoneOf(98), username: 'twelfth' })).statusCode).toBe(409)
  }

  it('holds under 20 concurrent creations in one process', async () => {
    const db = await store.open()
    await prepare(db)
    const one = adminApp(db)
    const two = adminApp(db)
    await expectTenAfterTwentyConcurrent([one, two], db)
    await one.close()
    await two.close()
  })

  it.runIf(store.kind === 'postgres')('holds across two processes (two pools, two apps)', async () => {
    const [first, second] = await store.openPair!()
    await prepare(first)
    const one = adminApp(first)
    const two = adminApp(second)
    await expectTenAfterTwentyConcurrent([one, two], first)
    await one.close()
    await two.close()
  })

  it('is enforced by the database itself, not only by the code', async () => {
    const db = await store.open()
    await prepare(db)
    const insert = (slot: number) =>
      db.query(
        `insert into miniprogram_accounts (id, merchant, slot, phone, username) values (gen_random_uuid(), '140105', $1, $2, 'x')`,
        [slot, phoneOf(slot)],
      )
    for (let slot = 1; slot <= 10; slot += 1) await insert(slot)
    await expect(insert(11)).rejects.toThrow()
    await expect(insert(0)).rejects.toThrow()
    await expect(
      db.query(`insert into miniprogram_accounts (id, merchant, slot, phone, username) values (gen_random_uuid(), '140105', 5, '13111111111', 'x')`),
    ).rejects.toThrow()
  })
})
