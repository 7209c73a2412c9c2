/**
 * How the app mounts the sandbox (outside production only, seeding itself on first use), and the seeding and
 * import functions the lead uses: deterministic for a clock and seed, idempotent, and visible to queries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../../server/src/db'
import { migrate } from '../../../../server/src/db/migrate'
import { parseXml, signRequest } from '../../../../server/src/gateway'
import { generateTerminalHistory, importSandboxOrders, seedSandbox } from '../../../../server/src/dev/oceanpayment-sandbox'
import { buildTestApp, testConfig } from '../../harness'
import { testStores } from '../../stores'
import { TEST_TERMINAL } from './support'

const NOW = new Date('2025-06-15T04:00:00Z')

function orderStatusRequest(orderNumber: string) {
  const params = { account: TEST_TERMINAL.account, terminal: TEST_TERMINAL.terminal, order_number: orderNumber }
  return {
    method: 'POST' as const,
    url: '/sandbox/oceanpayment/service/check/normal',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...params, signValue: signRequest('orderStatus', params, TEST_TERMINAL.secureCode) }).toString(),
  }
}

describe('seeded history', () => {
  it('is the same for the same terminal, clock and seed, and different for another seed', () => {
    const a = generateTerminalHistory('99537801', { now: NOW, seed: 's', count: 150 })
    const b = generateTerminalHistory('99537801', { now: NOW, seed: 's', count: 150 })
    const c = generateTerminalHistory('99537801', { now: NOW, seed: 't', count: 150 })
    expect(a).toEqual(b)
    expect(c).not.toEqual(a)
    const ninetyDaysAgo = NOW.getTime() - 90 * 24 * 60 * 60 * 1000
    expect(a.orders.every((order) => order.createdAt.getTime() >= ninetyDaysAgo && order.createdAt <= NOW)).toBe(true)
    expect(new Set(a.orders.map((order) => order.paymentStatus))).toEqual(new Set([-1, 0, 1]))
    expect(a.orders.some((order) => order.authStatus === 'pending')).toBe(true)
    expect(a.refunds.length).toBeGreaterThan(0)
  })
})

describe.each(testStores())('sandbox mounting and seeding on the $kind store', (store) => {
  let db: Db
  beforeAll(async () => {
    db = await store.open()
    await migrate(db)
  })
  afterAll(() => store.cleanup())

  it('is mounted by the app outside production and seeds itself on first use', async () => {
    const { app } = buildTestApp(db)
    const response = await app.inject(orderStatusRequest('SO7801000001'))
    await app.close()
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/xml/)
    const answer = parseXml(response.body).value as { paymentInfo: { order_number: string } | Array<{ order_number: string }> }
    const records = Array.isArray(answer.paymentInfo) ? answer.paymentInfo : [answer.paymentInfo]
    expect(records[0]?.order_number).toBe('SO7801000001')
  })

  it('does not exist when sandboxes are not mounted', async () => {
    const { app } = buildTestApp(db, { ...testConfig(), sandboxesMounted: false })
    const response = await app.inject(orderStatusRequest('SO7801000001'))
    await app.close()
    expect(response.statusCode).toBe(404)
  })

  it('seeding again adds nothing; imported orders are kept and answer queries', async () => {
    expect(await seedSandbox(db, { now: NOW })).toMatchObject({ orders: 0, refunds: 0, cases: 0 })
    const order = { paymentId: 'IMP0001', terminal: '99537801', orderNumber: 'IMPORTED-1', currency: 'JPY', amountMinor: BigInt(1200), createdAt: NOW }
    expect(await importSandboxOrders(db, [order])).toEqual({ inserted: 1, skipped: 0 })
    expect(await importSandboxOrders(db, [order])).toEqual({ inserted: 0, skipped: 1 })
    const { app } = buildTestApp(db)
    const response = await app.inject(orderStatusRequest('IMPORTED-1'))
    await app.close()
    expect(parseXml(response.body).value).toMatchObject({ paymentInfo: { payment_id: 'IMP0001', order_amount: '1200', order_currency: 'JPY' } })
  })
})
