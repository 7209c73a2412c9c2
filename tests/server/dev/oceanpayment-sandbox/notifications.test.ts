/**
 * Business-order notifications: signed per oceanpayment-api.md, retried with backoff until the receiver answers
 * exactly `receive-ok`, at most five attempts, recorded in the store so a restarted server finishes the job.
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../../server/src/db'
import { parseXml, verifyNotification, type XmlValue } from '../../../../server/src/gateway'
import type { HttpResponse } from '../../../../server/src/outbound/transport'
import { testStores } from '../../stores'
import { findPayment, movableClock, NOTICE_URL, openSandbox, postForm, REFUNDABLE_SALE, SETTLE_DELAY_MS, TEST_TERMINAL, type SandboxUnderTest } from './support'

const notOk = (body: string, status = 200): HttpResponse => ({ status, headers: {}, body })

function fieldsOf(body: string | undefined): Record<string, string> {
  const { root, value } = parseXml(body ?? '')
  expect(root).toBe('response')
  return value as Record<string, XmlValue> as Record<string, string>
}

async function deliveries(db: Db, paymentId: string) {
  const { rows } = await db.query<{ state: string; attempts: number; last_status: number | null }>(
    'select state, attempts, last_status from sandbox_notifications where payment_id = $1',
    [paymentId],
  )
  return rows
}

describe.each(testStores())('sandbox notifications on the $kind store', (store) => {
  const apps: SandboxUnderTest[] = []
  afterAll(async () => {
    for (const sandbox of apps) await sandbox.app.close()
    await store.cleanup()
  })
  const open = async (db: Db, options: Parameters<typeof openSandbox>[1] = {}) => {
    const sandbox = await openSandbox(db, options)
    apps.push(sandbox)
    return sandbox
  }
  const raise = (sandbox: SandboxUnderTest, payment_id: string, notice_type: string) =>
    sandbox.app.inject({ method: 'POST', url: '/sandbox/oceanpayment/dev/cases', payload: { payment_id, notice_type } })

  it('retries a case notification until the answer is exactly receive-ok, the same signed body each time', async () => {
    const db = await store.open()
    const sandbox = await open(db, { answers: [notOk('', 500), notOk('ok'), new Error('connection reset'), notOk('receive-ok')] })
    const sale = await findPayment(db, REFUNDABLE_SALE)
    const raised = await raise(sandbox, sale.payment_id, 'retrieval')
    expect(raised.statusCode).toBe(201)
    await expect.poll(() => deliveries(db, sale.payment_id), { timeout: 5_000 }).toEqual([{ state: 'delivered', attempts: 4, last_status: 200 }])
    expect(sandbox.received).toHaveLength(4)
    expect(new Set(sandbox.received.map((request) => request.body)).size).toBe(1)
    expect(sandbox.received.every((request) => request.url === NOTICE_URL && request.method === 'POST')).toBe(true)

    const fields = fieldsOf(sandbox.received[0]?.body)
    expect(fields).toMatchObject({
      account: TEST_TERMINAL.account,
      terminal: TEST_TERMINAL.terminal,
      payment_id: sale.payment_id,
      order_number: sale.order_number,
      notice_type: 'retrieval',
      push_status: '1',
      push_id: raised.json<{ case_id: string }>().case_id,
    })
    expect(verifyNotification(fields, TEST_TERMINAL.secureCode)).toBe(true)
    expect(verifyNotification({ ...fields, push_status: '0' }, TEST_TERMINAL.secureCode)).toBe(false)
    expect(verifyNotification(fields, 'demo14010588sc')).toBe(false)
  })

  it('gives up after five attempts in total', async () => {
    const db = await store.open()
    const sandbox = await open(db, { answers: Array.from({ length: 8 }, () => notOk('nope')) })
    const sale = await findPayment(db, REFUNDABLE_SALE)
    await raise(sandbox, sale.payment_id, 'fraud')
    await expect.poll(() => deliveries(db, sale.payment_id), { timeout: 5_000 }).toEqual([{ state: 'failed', attempts: 5, last_status: 200 }])
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(sandbox.received).toHaveLength(5)
    const listed = await sandbox.app.inject({ method: 'GET', url: `/sandbox/oceanpayment/dev/notifications?payment_id=${sale.payment_id}` })
    expect(listed.json()).toMatchObject({ notifications: [{ payment_id: sale.payment_id, notice_type: 'fraud', state: 'failed', attempts: 5 }] })
  })

  it('a restarted server delivers what the previous one left pending', async () => {
    const db = await store.open()
    const clock = movableClock()
    // Long retry delay: the first process fails once and stops before the retry is due.
    const first = await open(db, { clock, answers: [notOk('busy', 503)], retryDelaysMs: [60_000] })
    const sale = await findPayment(db, REFUNDABLE_SALE)
    await raise(first, sale.payment_id, 'chargeBack')
    await expect.poll(() => deliveries(db, sale.payment_id), { timeout: 5_000 }).toEqual([{ state: 'pending', attempts: 1, last_status: 503 }])
    await first.app.close()

    clock.advance(61_000)
    const second = await open(db, { clock, retryDelaysMs: [60_000] })
    await expect.poll(() => deliveries(db, sale.payment_id), { timeout: 5_000 }).toEqual([{ state: 'delivered', attempts: 2, last_status: 200 }])
    expect(second.received).toHaveLength(1)
  })

  it('notifies a refund once it is final, and a dispute as a chargeBack in dispute', async () => {
    const db = await store.open()
    const sandbox = await open(db)
    const sale = await findPayment(db, REFUNDABLE_SALE)
    const requested = await postForm(sandbox, 'refund', {
      payment_id: sale.payment_id,
      refund_number: 'NT-1',
      refund_type: '2',
      refund_amount: '0.50',
      refund_description: 'notice',
    })
    const refundId = (parseXml(requested.body).value as Record<string, string>).refund_id
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(sandbox.received).toHaveLength(0) // still pending: nothing to tell yet
    sandbox.clock.advance(SETTLE_DELAY_MS + 1_000)
    await expect.poll(() => sandbox.received.length, { timeout: 5_000 }).toBe(1)
    const refund = fieldsOf(sandbox.received[0]?.body)
    expect(refund).toMatchObject({ notice_type: 'partialRefund', push_status: '1', push_id: refundId, refund_number: 'NT-1' })
    expect(verifyNotification(refund, TEST_TERMINAL.secureCode)).toBe(true)

    await raise(sandbox, sale.payment_id, 'dispute')
    await expect.poll(() => sandbox.received.length, { timeout: 5_000 }).toBe(2)
    expect(fieldsOf(sandbox.received[1]?.body)).toMatchObject({ notice_type: 'chargeBack', push_status: '2' })
    expect((await raise(sandbox, 'NO-SUCH-PAYMENT', 'fraud')).statusCode).toBe(404)
    expect((await raise(sandbox, sale.payment_id, 'refund')).statusCode).toBe(400)
  })
})
