/**
 * Every SDK function against the sandbox over real HTTP (app.listen on 127.0.0.1, fetchTransport), on each store;
 * then a notification run; and all the log output of it searched for every known secureCode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../../server/src/db'
import { KNOWN_MERCHANTS } from '../../../../server/src/config/known-merchants'
import { createGatewayClient, GatewayRejectedError, parseXml, verifyNotification, type GatewayClient } from '../../../../server/src/gateway'
import { fetchTransport } from '../../../../server/src/outbound/transport'
import { formatBeijingDateTime } from '@contract/beijing-time'
import { testStores } from '../../stores'
import { findPayment, openSandbox, REFUNDABLE_SALE, SETTLE_DELAY_MS, TEST_TERMINAL, type SandboxUnderTest } from './support'

const DAY = 24 * 60 * 60 * 1000

describe.each(testStores())('SDK ↔ sandbox over HTTP on the $kind store', (store) => {
  let db: Db
  let sandbox: SandboxUnderTest
  let client: GatewayClient
  let window: { order_beginDate: string; order_endDate: string }

  beforeAll(async () => {
    db = await store.open()
    sandbox = await openSandbox(db, { listen: true })
    const base = sandbox.baseUrl
    client = createGatewayClient({
      baseUrls: { query: base, secure: base, checkout: base, cardBin: base },
      credentials: TEST_TERMINAL,
      transport: fetchTransport,
      timeoutMs: 5_000,
    })
    const now = sandbox.clock.now()
    window = { order_beginDate: formatBeijingDateTime(new Date(now.getTime() - 100 * DAY)), order_endDate: formatBeijingDateTime(now) }
  })
  afterAll(async () => {
    await sandbox.app.close()
    await store.cleanup()
  })

  it('order status: every attempt of the order, newest first, signed per record', async () => {
    const { rows } = await db.query<{ order_number: string }>(
      `select order_number from sandbox_orders where terminal = $1 group by order_number having count(*) > 1 limit 1`,
      [TEST_TERMINAL.terminal],
    )
    const retried = rows[0]?.order_number ?? ''
    const single = await findPayment(db, 'o.payment_status = 0')
    const result = await client.orderStatus({ order_number: [retried, single.order_number] })
    expect(result.resultCode).toBe('00')
    const attempts = result.records.filter((record) => record.order_number === retried)
    expect(attempts.map((record) => record.payment_results)).toEqual(['1', '0'])
    expect(result.records.some((record) => record.payment_id === single.payment_id)).toBe(true)
  })

  it('successful orders, business orders and disputed orders list real records of the window', async () => {
    const successful = await client.successfulOrders(window)
    expect(Number(successful.fields.count)).toBeGreaterThan(0)
    expect(successful.records.length).toBe(Math.min(Number(successful.fields.count), 50))
    expect(successful.records.every((record) => record.terminal === TEST_TERMINAL.terminal)).toBe(true)

    const business = await client.businessOrders({ ...window, count: '50', date_type: '2' })
    const types = new Set(business.records.map((record) => record.notice_type))
    for (const type of ['chargeBack', 'retrieval', 'fraud']) expect(types).toContain(type)

    const disputes = await client.disputedOrders({ ...window, notice_type: 'dispute' })
    expect(disputes.records.length).toBeGreaterThan(0)
    expect(disputes.records.every((record) => record.notice_type === 'dispute')).toBe(true)
  })

  it('refund, then refund query by id and by number, until it settles', async () => {
    const sale = await findPayment(db, REFUNDABLE_SALE)
    const refund = await client.refund({
      payment_id: sale.payment_id,
      refund_number: 'RT-HTTP-1',
      refund_type: '2',
      refund_amount: '1.00',
      refund_description: 'round trip',
    })
    expect(refund).toMatchObject({ resolvedBy: 'response', resultCode: '00', paymentId: sale.payment_id })
    expect(refund.refundId).not.toBe('')
    const pending = await client.refundQuery({ refund_id: refund.refundId })
    expect(pending.records[0]).toMatchObject({ refund_number: 'RT-HTTP-1', refund_status: '-1', refund_amount: '1.00' })
    sandbox.clock.advance(SETTLE_DELAY_MS + 1_000)
    const settled = await client.refundQuery({ refund_number: 'RT-HTTP-1' })
    expect(settled.records[0]).toMatchObject({ refund_id: refund.refundId, refund_status: '1' })
  })

  it('pre-authorization capture, void and offline reverse', async () => {
    const open = await db.query<{ payment_id: string }>(
      `select payment_id from sandbox_orders where terminal = $1 and auth_status = 'pending' order by payment_id limit 2`,
      [TEST_TERMINAL.terminal],
    )
    const [first, second] = open.rows
    expect(second).toBeDefined()
    const captured = await client.preAuthorization({ payment_authType: '1', payment_id: first?.payment_id ?? '' })
    expect(captured.resultCode).toBe('00')
    const voided = await client.preAuthorization({ payment_authType: '2', payment_id: second?.payment_id ?? '' })
    expect(voided.resultCode).toBe('00')
    const offline = await findPayment(db, `o.channel = 'offline' and o.payment_status = 1 and o.auth_status is null`)
    const reversed = await client.preAuthorization({ payment_authType: '3', order_number: offline.order_number })
    expect(reversed.resultCode).toBe('00')
  })

  it('tracking upload and customs submission', async () => {
    const sale = await findPayment(db, REFUNDABLE_SALE)
    const tracking = await client.trackingUpload({
      payment_id: sale.payment_id,
      tracking_number: ['1Z999', '1Z998'],
      tracking_site: 'https://www.ups.com',
      tracking_handler: 'warehouse',
    })
    expect(tracking.resultCode).toBe('01')
    const customs = await client.customsSubmission({
      type: '1',
      payment_id: sale.payment_id,
      price: '10.00',
      total_amount: '12.00',
      customs: 'SHANGHAI',
      customs_number: 'CN3100000001',
      customs_name: 'Demo Trading',
      shipping_fee: '2.00',
    })
    expect(customs.resultCode).toBe('00')
  })

  it('health examination and card BIN verification (credential headers)', async () => {
    const health = await client.healthCheck({ site: 'shop.example.com' })
    expect(health.resultCode).toBe('00')
    expect(health.fields.site_status).toBe('1')
    const bins = await client.cardBin({ card_bin: ['411111', '555555', '378282'] })
    expect(bins.records.map((record) => record.card_brand)).toEqual(['VISA', 'MasterCard', 'AmericanExpress'])
  })

  it('a rejection comes back as a typed error with the table code', async () => {
    const sale = await findPayment(db, REFUNDABLE_SALE)
    const error = await client
      .preAuthorization({ payment_authType: '1', payment_id: sale.payment_id })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(GatewayRejectedError)
    expect(error).toMatchObject({ resultCode: '42', kind: 'state' })
  })

  it('notifications are delivered signed, and no secureCode appears anywhere in the logs', async () => {
    const sale = await findPayment(db, REFUNDABLE_SALE)
    const raised = await sandbox.app.inject({
      method: 'POST',
      url: '/sandbox/oceanpayment/dev/cases',
      payload: { payment_id: sale.payment_id, notice_type: 'chargeBack' },
    })
    expect(raised.statusCode).toBe(201)
    await expect.poll(() => sandbox.received.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2)
    for (const request of sandbox.received) {
      const { value } = parseXml(request.body ?? '')
      const fields = value as Record<string, string>
      expect(verifyNotification(fields, TEST_TERMINAL.secureCode)).toBe(true)
    }
    const text = sandbox.logs.text()
    expect(text).toContain('sandbox notification delivered')
    for (const merchant of KNOWN_MERCHANTS) {
      for (const { secureCode } of merchant.terminals) expect(text).not.toContain(secureCode)
    }
  })
})
