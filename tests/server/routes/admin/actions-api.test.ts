/**
 * The admin side of actions: the action log (filters, keyset cursor, newest first, needs-attention flag), its CSV
 * (RFC 4180, Beijing time, formula-safe), the PIN reset, the daily refund limits, the account list's PIN/limit
 * state, 404s for another merchant's account, and the bearer token on every route.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AdminActionsPage } from '@contract/actions'
import type { AdminAccountActions, MiniProgramAccount } from '@contract/admin'
import type { App } from '../../../../server/src/app'
import type { Db } from '../../../../server/src/db'
import { migrate } from '../../../../server/src/db/migrate'
import { actionsRepository, type NewAction } from '../../../../server/src/repositories/actions'
import { merchantsRepository } from '../../../../server/src/repositories/merchants'
import { testConfig } from '../../harness'
import { testStores } from '../../stores'
import { buildAuthTestApp } from '../../support/signed-client'

const TOKEN = 'admin-token-for-tests-0123456789abcdef'
const auth = { authorization: `Bearer ${TOKEN}` }

function action(accountId: string, fields: Partial<NewAction>): NewAction {
  return {
    id: randomUUID(),
    merchant: '140105',
    accountId,
    username: '王小明',
    maskedPhone: '138****8000',
    kind: 'refund',
    paymentId: 'P1',
    orderNumber: 'O1',
    currency: 'USD',
    amountMinor: BigInt(1250),
    status: 'succeeded',
    failure: null,
    gatewayCode: '00',
    gatewayRef: null,
    detail: {},
    requestId: 'req-1',
    idempotencyKey: null,
    nextCheckAt: null,
    ...fields,
  }
}

describe.each(testStores())('admin API for actions on the $kind store', (store) => {
  let db: Db
  let app: App
  let alice: MiniProgramAccount
  let bob: MiniProgramAccount
  let foreign: MiniProgramAccount
  const ids: string[] = []

  const get = (url: string) => app.inject({ method: 'GET', url, headers: auth })

  beforeAll(async () => {
    db = await store.open()
    await migrate(db)
    await merchantsRepository(db).upsert({ account: '140105', name: 'Demo' })
    await merchantsRepository(db).upsert({ account: '150207', name: 'Other' })
    app = buildAuthTestApp(db, { config: testConfig({ ADMIN_TOKEN: TOKEN }) }).app
    const create = async (merchant: string, phone: string) =>
      (await app.inject({ method: 'POST', url: `/admin/api/merchants/${merchant}/users`, headers: auth, payload: { phone, username: `u${phone.slice(-4)}` } })).json() as MiniProgramAccount
    alice = await create('140105', '13800138000')
    bob = await create('140105', '13900139000')
    foreign = await create('150207', '13600136000')
    const repo = actionsRepository(db)
    // Seven actions an hour apart, oldest first; the oldest is an unknown refund from two days ago.
    const rows: Array<Partial<NewAction>> = [
      { status: 'unknown', nextCheckAt: new Date() },
      { kind: 'tracking', currency: null, amountMinor: null, accountId: bob.id },
      { kind: 'capture', status: 'failed', failure: 'amount-exceeds-authorized' },
      { status: 'unknown', nextCheckAt: new Date() },
      { kind: 'order-query', currency: null, amountMinor: null, paymentId: null, orderNumber: null },
      { orderNumber: '=HYPERLINK("http://evil")', detail: { reason: 'x' } },
      { kind: 'refund', currency: 'JPY', amountMinor: BigInt(2761), orderNumber: 'A,"B"\r\nC' },
    ]
    for (const [i, fields] of rows.entries()) {
      const row = await repo.insert(action(alice.id, fields))
      ids.push(row.id)
      const hoursAgo = i === 0 ? 48 : rows.length - i
      await db.query(`update actions set created_at = now() - make_interval(hours => $2) where id = $1`, [row.id, hoursAgo])
    }
    await db.query(`insert into actions (id, merchant, account_id, username, masked_phone, kind, status, request_id)
                    values ($1, '150207', $2, 'x', '136****6000', 'card-bin', 'succeeded', 'r')`, [randomUUID(), foreign.id])
  })
  afterAll(async () => {
    await app.close()
    await store.cleanup()
  })

  it('requires the bearer token on every new route', async () => {
    for (const [method, url] of [
      ['GET', '/admin/api/merchants/140105/actions'],
      ['GET', '/admin/api/merchants/140105/actions.csv'],
      ['POST', `/admin/api/merchants/140105/users/${alice.id}/pin-reset`],
      ['PUT', `/admin/api/merchants/140105/users/${alice.id}/refund-limits`],
    ] as const) {
      const res = await app.inject({ method, url, payload: method === 'PUT' ? { limits: [] } : undefined })
      expect(res.statusCode, url).toBe(401)
      const wrong = await app.inject({ method, url, headers: { authorization: 'Bearer nope' } })
      expect(wrong.statusCode, url).toBe(401)
    }
  })

  it("lists the merchant's log newest first, page by page, with needs-attention on an unknown older than 24 h", async () => {
    const first = await get('/admin/api/merchants/140105/actions?limit=3')
    expect(first.statusCode, first.body).toBe(200)
    const page1 = first.json() as AdminActionsPage
    expect(page1.items.map((i) => i.id)).toEqual([ids[6], ids[5], ids[4]])
    const page2 = (await get(`/admin/api/merchants/140105/actions?limit=3&cursor=${page1.nextCursor}`)).json() as AdminActionsPage
    expect(page2.items.map((i) => i.id)).toEqual([ids[3], ids[2], ids[1]])
    const page3 = (await get(`/admin/api/merchants/140105/actions?limit=3&cursor=${page2.nextCursor}`)).json() as AdminActionsPage
    expect(page3.items.map((i) => i.id)).toEqual([ids[0]])
    expect(page3.nextCursor).toBeNull()
    expect(page3.items[0]).toMatchObject({ status: 'unknown', needsAttention: true, userId: alice.id, requestId: 'req-1', amount: { currency: 'USD', amount: '12.50' } })
    // A recent unknown one is not flagged yet.
    expect(page2.items[0]).toMatchObject({ status: 'unknown', needsAttention: false })
    expect(page1.items[0]!.amount).toEqual({ currency: 'JPY', amount: '2761' })
    expect(page1.items[0]!.createdAt).toMatch(/\+08:00$/)
  })

  it('filters by kind, status, user and time, and refuses a cursor of another filter', async () => {
    const list = async (query: string) => ((await get(`/admin/api/merchants/140105/actions?${query}`)).json() as AdminActionsPage).items.map((i) => i.id)
    expect(await list('kind=capture')).toEqual([ids[2]])
    expect(await list('status=unknown')).toEqual([ids[3], ids[0]])
    expect(await list(`userId=${bob.id}`)).toEqual([ids[1]])
    const from = new Date(Date.now() - 3.5 * 3600_000).toISOString()
    expect(await list(`from=${encodeURIComponent(from)}`)).toEqual([ids[6], ids[5], ids[4]])
    const to = new Date(Date.now() - 24 * 3600_000).toISOString()
    expect(await list(`to=${encodeURIComponent(to)}`)).toEqual([ids[0]])
    const page = (await get('/admin/api/merchants/140105/actions?limit=1&kind=refund')).json() as AdminActionsPage
    const mixed = await get(`/admin/api/merchants/140105/actions?limit=1&kind=capture&cursor=${page.nextCursor}`)
    expect(mixed.statusCode).toBe(400)
    for (const bad of ['kind=wire', 'status=done', 'userId=nope', 'from=yesterday', 'limit=0', 'limit=201', 'colour=red', 'cursor=%%%']) {
      const res = await get(`/admin/api/merchants/140105/actions?${bad}`)
      expect(res.statusCode, bad).toBe(400)
      expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })
    }
    expect((await get('/admin/api/merchants/999999/actions')).statusCode).toBe(404)
  })

  it('exports the same rows as RFC 4180 CSV in Beijing time, formula-safe', async () => {
    const res = await get('/admin/api/merchants/140105/actions.csv?kind=refund')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    expect(res.headers['content-disposition']).toContain('actions-140105.csv')
    const text = res.body
    expect(text.endsWith('\r\n')).toBe(true)
    const lines = text.split('\r\n')
    expect(lines[0]).toBe(
      'time (Beijing UTC+8),action id,kind,status,failure,needs attention,payment id,order number,amount,currency,gateway code,username,phone (masked),user id,request id',
    )
    // 4 refunds, the header, the empty string after the last CRLF — and the embedded CRLF of one order number.
    expect(text).toContain(`"A,""B""\r\nC",2761,JPY`)
    expect(text).toContain(`,"'=HYPERLINK(""http://evil"")",12.50,USD,`)
    const unknownLine = lines.find((line) => line.includes(ids[0]!))!
    expect(unknownLine).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},/)
    expect(unknownLine).toContain(',refund,unknown,,true,P1,O1,12.50,USD,00,王小明,138****8000,')
    expect(text).not.toContain(ids[2]!)
    const beijing = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    expect(lines[1]!.startsWith(beijing) || lines[1]!.startsWith(new Date(Date.now() + 8 * 3600_000 - 3600_000).toISOString().slice(0, 10))).toBe(true)
    expect((await get('/admin/api/merchants/140105/actions.csv?cursor=x')).statusCode).toBe(400)
  })

  it('resets a PIN (and its lock), 404 for an account of another merchant, and the list shows the PIN state', async () => {
    await db.query(`insert into action_pins (account_id, pin_hash, failed_tries, locked_at) values ($1, 'scrypt$x', 5, now())`, [alice.id])
    await db.query(`insert into action_pins (account_id, pin_hash) values ($1, 'scrypt$y')`, [bob.id])
    type Listed = MiniProgramAccount & AdminAccountActions
    const listed = async () => (await get('/admin/api/merchants/140105/users')).json() as Listed[]
    const before = await listed()
    expect(before.find((a) => a.id === alice.id)!.actionPin).toEqual({ set: true, locked: true })
    expect(before.find((a) => a.id === bob.id)!.actionPin).toEqual({ set: true, locked: false })

    const wrongMerchant = await app.inject({ method: 'POST', url: `/admin/api/merchants/140105/users/${foreign.id}/pin-reset`, headers: auth })
    expect(wrongMerchant.statusCode).toBe(404)
    const reset = await app.inject({ method: 'POST', url: `/admin/api/merchants/140105/users/${alice.id}/pin-reset`, headers: auth })
    expect(reset.statusCode).toBe(204)
    expect((await listed()).find((a) => a.id === alice.id)!.actionPin).toEqual({ set: false, locked: false })
    const pins = await db.query<{ n: number }>('select count(*)::int as n from action_pins')
    expect(pins.rows[0]!.n).toBe(1)
  })

  it('sets, replaces and clears daily refund limits, validating currency and decimals strictly', async () => {
    const put = (id: string, limits: unknown, merchant = '140105') =>
      app.inject({ method: 'PUT', url: `/admin/api/merchants/${merchant}/users/${id}/refund-limits`, headers: auth, payload: { limits } })
    const set = await put(alice.id, [{ currency: 'USD', amount: '1000.5' }, { currency: 'JPY', amount: '50000' }])
    expect(set.statusCode, set.body).toBe(200)
    expect(set.json()).toEqual({ limits: [{ currency: 'USD', amount: '1000.50' }, { currency: 'JPY', amount: '50000' }] })
    const stored = await db.query<{ currency: string; daily_minor: string }>('select currency, daily_minor::text from refund_limits order by currency')
    expect(stored.rows).toEqual([{ currency: 'JPY', daily_minor: '50000' }, { currency: 'USD', daily_minor: '100050' }])
    const listed = (await get('/admin/api/merchants/140105/users')).json() as Array<MiniProgramAccount & AdminAccountActions>
    expect(listed.find((a) => a.id === alice.id)!.refundLimits).toEqual([{ currency: 'JPY', amount: '50000' }, { currency: 'USD', amount: '1000.50' }])
    expect(listed.find((a) => a.id === bob.id)!.refundLimits).toEqual([])

    for (const bad of [
      [{ currency: 'USD', amount: '10.505' }],
      [{ currency: 'JPY', amount: '10.5' }],
      [{ currency: 'USD', amount: '0' }],
      [{ currency: 'USD', amount: '-5' }],
      [{ currency: 'USD', amount: '1e3' }],
      [{ currency: 'XYZ', amount: '10' }],
      [{ currency: 'usd', amount: '10' }],
      [{ currency: 'USD', amount: '10' }, { currency: 'USD', amount: '20' }],
      [{ currency: 'USD', amount: '10', extra: true }],
    ]) {
      const res = await put(alice.id, bad)
      expect(res.statusCode, JSON.stringify(bad)).toBe(400)
      expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })
    }
    expect((await put(foreign.id, [])).statusCode).toBe(404)
    expect((await put(alice.id, [], '999999')).statusCode).toBe(404)
    const unchanged = await db.query<{ n: number }>('select count(*)::int as n from refund_limits')
    expect(unchanged.rows[0]!.n).toBe(2)

    const cleared = await put(alice.id, [])
    expect(cleared.json()).toEqual({ limits: [] })
    const none = await db.query<{ n: number }>('select count(*)::int as n from refund_limits')
    expect(none.rows[0]!.n).toBe(0)
  })
})
