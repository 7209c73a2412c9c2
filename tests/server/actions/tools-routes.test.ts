/**
 * POST /api/tracking-uploads and the tools (/api/tools/order-status, card-bins, health-check) against the built-in
 * Oceanpayment sandbox holding the demo's payments: permissions (403, audited), another merchant's payment, the
 * SDK's limits at the boundary (51 items, 101 numbers, a malformed BIN, bad site/handler: 400, nothing written),
 * overwrite, the "tracking missing" count dropping, gateway failures (502/422) and exactly one audit row per attempt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CardBinResponse, HealthCheckResponse, OrderLookupResponse, TrackingUploadResponse } from '@contract/actions'
import type { App } from '../../../server/src/app'
import type { Db } from '../../../server/src/db'
import { mirrorDemoPaymentsIntoSandbox } from '../../../server/src/dev/demo/sandbox-mirror'
import { buildAuthTestApp, loginAs, signedGet, signedPost, type TestSession } from '../support/signed-client'
import { testConfig } from '../harness'
import { testStores } from '../stores'
import { DEMO, OTHER, seededDb } from '../routes/fixture'
import { oneYearBack } from '../../../server/src/lib/time-range'
import { migrate } from '../../../server/src/db/migrate'
import { loadDemoData } from '../../../server/src/dev/demo/load-demo-data'

const now = new Date()

async function auditRows(db: Db, where = 'true', params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from actions where ${where}`, params)
  return rows[0]!.n
}

async function missingPayments(db: Db, account: string, limit: number): Promise<Array<{ payment_id: string; order_number: string }>> {
  const { rows } = await db.query<{ payment_id: string; order_number: string }>(
    `select payment_id, order_number from transactions
      where account = $1 and status = 'success' and tracking_number is null and payment_time > now() - interval '300 days'
      order by payment_time desc limit $2`,
    [account, limit],
  )
  return rows
}

describe.each(testStores())('tracking upload and tools on the $kind store', (store) => {
  let db: Db
  let app: App
  let lead: TestSession
  let service: TestSession
  let other: TestSession

  const missingCount = async (): Promise<number> => {
    const res = await signedGet(app, lead, '/api/transactions?tracking=missing')
    expect(res.statusCode).toBe(200)
    return (res.json() as { total: { count: number } }).total.count
  }

  beforeAll(async () => {
    db = await store.open()
    await seededDb(db, now)
    await mirrorDemoPaymentsIntoSandbox(db, now)
    app = buildAuthTestApp(db).app
    await app.ready()
    lead = await loginAs(app, db, { merchant: DEMO, phone: '13800138000' })
    service = await loginAs(app, db, { merchant: DEMO, phone: '13900139000', permissions: ['refund'] })
    other = await loginAs(app, db, { merchant: OTHER, phone: '13600136000' })
  }, 180_000)
  afterAll(async () => {
    await app?.close()
    await store.cleanup()
  })

  it("mirrors every payment of the allowed year into the sandbox, the oldest included, with the assistant's fields", async () => {
    const year = await db.query<{ n: number; oldest: string }>(
      `select count(*)::int as n, min(payment_id) filter (where payment_time < now() - interval '300 days') as oldest
         from transactions where account in ($1, $2) and payment_time >= $3`,
      [DEMO, OTHER, oneYearBack(now)],
    )
    const sandbox = await db.query<{ n: number }>(
      `select count(*)::int as n from sandbox_orders s join transactions t using (payment_id)
        where t.amount_minor = s.amount_minor and t.order_number = s.order_number and t.terminal = s.terminal`,
    )
    expect(year.rows[0]!.oldest).not.toBeNull()
    expect(sandbox.rows[0]!.n).toBe(year.rows[0]!.n)
    // An upload for a payment ten months old reaches an order the sandbox has.
    const res = await signedPost(app, lead, '/api/tools/order-status', {
      orderNumbers: [(await db.query<{ order_number: string }>('select order_number from transactions where payment_id = $1', [year.rows[0]!.oldest])).rows[0]!.order_number],
    })
    expect((res.json() as OrderLookupResponse).orders[0]!.status).not.toBe('not-found')
  })

  it('uploads tracking for three orders: each stored, each audited once, and the missing count drops by three', async () => {
    const before = await missingCount()
    const targets = await missingPayments(db, DEMO, 3)
    const audited = await auditRows(db)
    const res = await signedPost(app, lead, '/api/tracking-uploads', {
      items: targets.map((t, i) => ({ paymentId: t.payment_id, trackingNumber: `SF10000${i},SF20000${i}`, trackingSite: 'https://www.sf-express.com', handler: 'Li Lei' })),
    })
    expect(res.statusCode, res.body).toBe(200)
    const { results } = res.json() as TrackingUploadResponse
    expect(results.map((r) => [r.paymentId, r.orderNumber, r.status, r.kind, r.gatewayCode])).toEqual(
      targets.map((t) => [t.payment_id, t.order_number, 'succeeded', 'tracking', '01']),
    )
    expect(results[0]!.actor).toEqual({ username: expect.any(String), maskedPhone: '138****8000' })
    expect(await auditRows(db)).toBe(audited + 3)
    expect(await missingCount()).toBe(before - 3)
    const stored = await db.query<{ tracking_number: string; tracking_site: string }>(
      'select tracking_number, tracking_site from transactions where payment_id = $1',
      [targets[0]!.payment_id],
    )
    expect(stored.rows[0]).toEqual({ tracking_number: 'SF100000,SF200000', tracking_site: 'https://www.sf-express.com' })
    const sandbox = await db.query<{ tracking_number: string; tracking_handler: string }>(
      'select tracking_number, tracking_handler from sandbox_orders where payment_id = $1',
      [targets[0]!.payment_id],
    )
    expect(sandbox.rows[0]).toEqual({ tracking_number: 'SF100000,SF200000', tracking_handler: 'Li Lei' })
  })

  it('a re-upload overwrites, here and at Oceanpayment, and does not move the count again', async () => {
    const [target] = await missingPayments(db, DEMO, 1)
    const send = (number: string) =>
      signedPost(app, lead, '/api/tracking-uploads', { items: [{ paymentId: target!.payment_id, trackingNumber: number, trackingSite: 'ems.com.cn', handler: 'ops' }] })
    expect((await send('EMS111')).statusCode).toBe(200)
    const after = await missingCount()
    const res = await send('EMS222')
    expect((res.json() as TrackingUploadResponse).results[0]!.status).toBe('succeeded')
    expect(await missingCount()).toBe(after)
    const rows = await db.query<{ a: string; b: string }>(
      `select t.tracking_number as a, s.tracking_number as b from transactions t join sandbox_orders s using (payment_id) where payment_id = $1`,
      [target!.payment_id],
    )
    expect(rows.rows[0]).toEqual({ a: 'EMS222', b: 'EMS222' })
  })

  it("fails another merchant's payment and an unknown one as not found, item by item, each audited, the rest uploaded", async () => {
    const [foreign] = await missingPayments(db, OTHER, 1)
    const [mine] = await missingPayments(db, DEMO, 1)
    const audited = await auditRows(db)
    const res = await signedPost(app, lead, '/api/tracking-uploads', {
      items: [
        { paymentId: foreign!.payment_id, trackingNumber: 'X1', trackingSite: 'dhl.com', handler: 'ops' },
        { paymentId: 'NO-SUCH-PAYMENT', trackingNumber: 'X2', trackingSite: 'dhl.com', handler: 'ops' },
        { paymentId: mine!.payment_id, trackingNumber: 'X3', trackingSite: 'dhl.com', handler: 'ops' },
      ],
    })
    expect(res.statusCode).toBe(200)
    const { results } = res.json() as TrackingUploadResponse
    expect(results.map((r) => [r.status, r.failure])).toEqual([
      ['failed', 'payment-not-found'],
      ['failed', 'payment-not-found'],
      ['succeeded', null],
    ])
    // The other merchant's order number is not revealed.
    expect(results[0]!.orderNumber).toBeNull()
    expect(await auditRows(db)).toBe(audited + 3)
    const foreignRow = await db.query<{ tracking_number: string | null }>('select tracking_number from transactions where payment_id = $1', [foreign!.payment_id])
    expect(foreignRow.rows[0]!.tracking_number).toBeNull()
  })

  it('refuses an account without the permission: 403, one audit row per request, nothing uploaded', async () => {
    const [target] = await missingPayments(db, DEMO, 1)
    const refused = await auditRows(db, `failure = 'not-permitted' and account_id = $1`, [service.userId])
    for (const [url, body] of [
      ['/api/tracking-uploads', { items: [{ paymentId: target!.payment_id, trackingNumber: 'Y1', trackingSite: 'dhl.com', handler: 'ops' }] }],
      ['/api/tools/order-status', { orderNumbers: [target!.order_number] }],
      ['/api/tools/card-bins', { bins: ['411111'] }],
      ['/api/tools/health-check', { site: 'shop.example.com' }],
    ] as const) {
      const res = await signedPost(app, service, url, body)
      expect(res.statusCode, url).toBe(403)
      expect(res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } })
    }
    expect(await auditRows(db, `failure = 'not-permitted' and account_id = $1`, [service.userId])).toBe(refused + 4)
    const kinds = await db.query<{ kind: string }>(`select kind from actions where account_id = $1 order by created_at`, [service.userId])
    expect(kinds.rows.map((r) => r.kind).slice(-4)).toEqual(['tracking', 'order-query', 'card-bin', 'health-check'])
    const row = await db.query<{ tracking_number: string | null }>('select tracking_number from transactions where payment_id = $1', [target!.payment_id])
    expect(row.rows[0]!.tracking_number).toBeNull()
  })

  it('refuses bad input at the boundary with a 400 naming the field, writing nothing', async () => {
    const [target] = await missingPayments(db, DEMO, 1)
    const item = { paymentId: target!.payment_id, trackingNumber: 'Z1', trackingSite: 'dhl.com', handler: 'ops' }
    const audited = await auditRows(db)
    const cases: Array<[string, unknown, RegExp]> = [
      ['/api/tracking-uploads', { items: Array.from({ length: 51 }, () => item) }, /items/],
      ['/api/tracking-uploads', { items: [] }, /items/],
      ['/api/tracking-uploads', { items: [{ ...item, trackingSite: 'x'.repeat(101) }] }, /items\[0\]\.trackingSite/],
      ['/api/tracking-uploads', { items: [{ ...item, trackingSite: 'not a site' }] }, /items\[0\]\.trackingSite/],
      ['/api/tracking-uploads', { items: [item, { ...item, handler: 'a handler too long' }] }, /items\[1\]\.handler/],
      ['/api/tracking-uploads', { items: [{ ...item, trackingNumber: 'N'.repeat(201) }] }, /trackingNumber/],
      ['/api/tracking-uploads', { items: [{ ...item, trackingNumber: 'A,,B' }] }, /trackingNumber/],
      ['/api/tracking-uploads', { items: [{ ...item, extra: 1 }] }, /extra|additional/],
      ['/api/tools/order-status', { orderNumbers: Array.from({ length: 101 }, (_, i) => `O${i}`) }, /orderNumbers/],
      ['/api/tools/order-status', { orderNumbers: ['A,B'] }, /orderNumbers/],
      ['/api/tools/order-status', { orderNumbers: ['x'.repeat(51)] }, /orderNumbers/],
      ['/api/tools/card-bins', { bins: ['41111'] }, /bins/],
      ['/api/tools/card-bins', { bins: ['4111a1'] }, /bins/],
      ['/api/tools/card-bins', { bins: Array.from({ length: 101 }, () => '411111') }, /bins/],
      ['/api/tools/health-check', { site: 'https://shop.example.com/path' }, /site/],
    ]
    for (const [url, body, field] of cases) {
      const res = await signedPost(app, lead, url, body)
      expect(res.statusCode, `${url} ${JSON.stringify(body).slice(0, 80)}`).toBe(400)
      const error = (res.json() as { error: { code: string; message: string } }).error
      expect(error.code).toBe('VALIDATION_FAILED')
      expect(error.message).toMatch(field)
    }
    expect(await auditRows(db)).toBe(audited)
    const row = await db.query<{ tracking_number: string | null }>('select tracking_number from transactions where payment_id = $1', [target!.payment_id])
    expect(row.rows[0]!.tracking_number).toBeNull()
  })

  it('looks orders up live: one row per asked number, in order, not-found for unknown ones, one audit row', async () => {
    const { rows } = await db.query<{ order_number: string; payment_id: string; currency: string; status: string }>(
      `select order_number, payment_id, currency, status from transactions where account = $1 and payment_time > now() - interval '300 days'
        order by payment_time desc limit 2`,
      [DEMO],
    )
    const audited = await auditRows(db)
    const asked = [rows[0]!.order_number, 'NOT-AN-ORDER', rows[1]!.order_number]
    const res = await signedPost(app, lead, '/api/tools/order-status', { orderNumbers: asked })
    expect(res.statusCode, res.body).toBe(200)
    const { orders } = res.json() as OrderLookupResponse
    expect(orders.map((o) => o.orderNumber)).toEqual(asked)
    expect(orders[1]).toEqual({ orderNumber: 'NOT-AN-ORDER', paymentId: null, amount: null, status: 'not-found', details: null })
    expect(orders[0]!.status).toBe(rows[0]!.status)
    expect(orders[0]!.amount?.currency).toBe(rows[0]!.currency)
    expect(await auditRows(db)).toBe(audited + 1)
    const audit = await db.query<{ kind: string; status: string; detail: { orderNumbers: string[]; found: number } }>(
      `select kind, status, detail from actions order by created_at desc limit 1`,
    )
    expect(audit.rows[0]).toMatchObject({ kind: 'order-query', status: 'succeeded', detail: { found: 2 } })
  })

  it("does not show another merchant's orders", async () => {
    const { rows } = await db.query<{ order_number: string }>(`select order_number from transactions where account = $1 limit 1`, [OTHER])
    const res = await signedPost(app, lead, '/api/tools/order-status', { orderNumbers: [rows[0]!.order_number] })
    expect((res.json() as OrderLookupResponse).orders[0]!.status).toBe('not-found')
  })

  it('checks card BINs and the site health', async () => {
    const bins = await signedPost(app, lead, '/api/tools/card-bins', { bins: ['411111', '555555', '999999'] })
    expect(bins.statusCode, bins.body).toBe(200)
    const rows = (bins.json() as CardBinResponse).bins
    expect(rows.map((r) => [r.bin, r.brand])).toEqual([['411111', 'VISA'], ['555555', 'MasterCard'], ['999999', 'UNKNOWN']])
    const health = await signedPost(app, lead, '/api/tools/health-check', { site: 'shop.example.com' })
    expect(health.statusCode, health.body).toBe(200)
    expect(health.json()).toEqual({ site: 'shop.example.com', result: '00', details: 'Site reachable', siteStatus: '1', keyStatus: null } satisfies HealthCheckResponse)
    // The sandbox fails reserved test domains (RFC 2606).
    const down = await signedPost(app, lead, '/api/tools/health-check', { site: 'shop.invalid' })
    expect(down.json()).toMatchObject({ siteStatus: '0', details: 'Site unreachable' })
  })

  it('rate-limits per account: 429 with Retry-After, not audited', async () => {
    const limited = await loginAs(app, db, { merchant: OTHER, phone: '13500135000' })
    const audited = await auditRows(db)
    const statuses: number[] = []
    for (let i = 0; i < 31; i += 1) statuses.push((await signedPost(app, limited, '/api/tools/card-bins', { bins: ['411111'] })).statusCode)
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true)
    expect(statuses[30]).toBe(429)
    const res = await signedPost(app, limited, '/api/tools/card-bins', { bins: ['411111'] })
    expect(res.headers['retry-after']).toMatch(/^\d+$/)
    expect(await auditRows(db)).toBe(audited + 30)
    void other
  })
})

describe.each(testStores())('tools when Oceanpayment fails, on the $kind store', (store) => {
  let db: Db
  afterAll(() => store.cleanup())

  it('answers GATEWAY_UNAVAILABLE (502) when Oceanpayment does not answer, GATEWAY_REJECTED (422) when it refuses; each audited as failed', async () => {
    db = await store.open()
    // A small demo is enough here: one payment of terminal 14010588 is all this test needs.
    await migrate(db)
    await loadDemoData(db, { size: 200, secondSize: 20, now, seed: 7 })
    const down = buildAuthTestApp(db, { config: testConfig({ OCEANPAYMENT_API_BASE: 'http://127.0.0.1:9' }) }).app
    const wrongKey = buildAuthTestApp(db, { config: testConfig({ OCEANPAYMENT_TERMINALS: '140105:14010588:not-the-secure-code' }) }).app
    try {
      const { rows } = await db.query<{ payment_id: string }>(
        `select payment_id from transactions where account = $1 and terminal = '14010588' and status = 'success' and tracking_number is null limit 1`,
        [DEMO],
      )
      const item = { paymentId: rows[0]!.payment_id, trackingNumber: 'T1', trackingSite: 'dhl.com', handler: 'ops' }
      const a = await loginAs(down, db, { merchant: DEMO, phone: '13800138000' })
      const b = await loginAs(wrongKey, db, { merchant: DEMO, phone: '13800138000' })
      const before = await auditRows(db)

      const unavailable = await signedPost(down, a, '/api/tools/card-bins', { bins: ['411111'] })
      expect(unavailable.statusCode).toBe(502)
      expect(unavailable.json()).toMatchObject({ error: { code: 'GATEWAY_UNAVAILABLE' } })
      const rejected = await signedPost(wrongKey, b, '/api/tools/order-status', { orderNumbers: ['ANY'] })
      expect(rejected.statusCode, rejected.body).toBe(422)
      expect(rejected.json()).toMatchObject({ error: { code: 'GATEWAY_REJECTED' } })
      expect(rejected.body).not.toContain('not-the-secure-code')

      const upload = await signedPost(down, a, '/api/tracking-uploads', { items: [item] })
      expect((upload.json() as TrackingUploadResponse).results[0]).toMatchObject({ status: 'failed', failure: 'gateway-unavailable' })
      const refused = await signedPost(wrongKey, b, '/api/tracking-uploads', { items: [item] })
      expect((refused.json() as TrackingUploadResponse).results[0]).toMatchObject({ status: 'failed', failure: 'gateway-rejected', gatewayCode: '20' })
      const row = await db.query<{ tracking_number: string | null }>('select tracking_number from transactions where payment_id = $1', [item.paymentId])
      expect(row.rows[0]!.tracking_number).toBeNull()

      const audit = await db.query<{ kind: string; status: string; failure: string; gateway_code: string | null }>(
        'select kind, status, failure, gateway_code from actions order by created_at',
      )
      expect(audit.rows.slice(before)).toEqual([
        { kind: 'card-bin', status: 'failed', failure: 'gateway-unavailable', gateway_code: null },
        { kind: 'order-query', status: 'failed', failure: 'gateway-rejected', gateway_code: '20' },
        { kind: 'tracking', status: 'failed', failure: 'gateway-unavailable', gateway_code: null },
        { kind: 'tracking', status: 'failed', failure: 'gateway-rejected', gateway_code: '20' },
      ])
    } finally {
      await down.close()
      await wrongKey.close()
    }
  }, 180_000)
})
