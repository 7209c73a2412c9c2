/**
 * The order book is stateful: refunds hold back and then settle (or fail on a short balance), captures and voids
 * move a pre-authorization once, tracking uploads overwrite, customs allow one first submission, and list
 * queries page through the real records of their date window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../../server/src/db'
import { OPERATIONS, parseXml, type OperationName, type XmlValue } from '../../../../server/src/gateway'
import { formatBeijingDateTime } from '@contract/beijing-time'
import { insertCase } from '../../../../server/src/dev/oceanpayment-sandbox/store/cases'
import { testStores } from '../../stores'
import { findPayment, openSandbox, postForm, REFUNDABLE_SALE, SETTLE_DELAY_MS, TEST_TERMINAL, type SandboxUnderTest } from './support'

const DAY = 24 * 60 * 60 * 1000

interface Parsed {
  code: string
  details: string
  fields: Record<string, string>
  records: Array<Record<string, string>>
}

async function call(sandbox: SandboxUnderTest, operation: OperationName, params: Record<string, string>): Promise<Parsed> {
  const spec = OPERATIONS[operation].response
  const { value } = parseXml((await postForm(sandbox, operation, params)).body)
  const root = value as Record<string, XmlValue>
  const list = spec.records ? root[spec.records.element] : undefined
  const records = (list === undefined || list === '' ? [] : Array.isArray(list) ? list : [list]) as Array<Record<string, string>>
  return {
    code: (root[spec.resultField] as string | undefined) ?? (spec.resultOptional ? '00' : ''),
    details: (root[spec.detailsField] as string | undefined) ?? '',
    fields: root as Record<string, string>,
    records,
  }
}

/** "12.34" for a minor-unit count in a 2-decimal currency. */
const usd = (minor: bigint): string => `${minor / BigInt(100)}.${String(minor % BigInt(100)).padStart(2, '0')}`

describe.each(testStores())('sandbox state on the $kind store', (store) => {
  let db: Db
  let sandbox: SandboxUnderTest

  beforeAll(async () => {
    db = await store.open()
    sandbox = await openSandbox(db)
  })
  afterAll(async () => {
    await sandbox.app.close()
    await store.cleanup()
  })

  const refund = (payment_id: string, refund_number: string, refund_amount: string, refund_type = '2') =>
    call(sandbox, 'refund', { payment_id, refund_number, refund_type, refund_amount, refund_description: 'test' })
  const statusOf = async (order_number: string, payment_id: string) =>
    (await call(sandbox, 'orderStatus', { order_number })).records.find((record) => record.payment_id === payment_id)

  it('refunds: pending holds the amount back, over-refunds are refused, settlement succeeds later', async () => {
    const sale = await findPayment(db, REFUNDABLE_SALE)
    const total = BigInt(sale.amount_minor)
    const first = await refund(sale.payment_id, 'LC-1', usd(total - BigInt(1)))
    expect(first.code).toBe('00')
    expect((await statusOf(sale.order_number, sale.payment_id))?.refund_status).toBe('1')
    expect((await refund(sale.payment_id, 'LC-2', '0.02')).code).toBe('41')
    expect((await refund(sale.payment_id, 'LC-1', '0.01')).code).toBe('50')
    expect((await refund(sale.payment_id, 'LC-3', '0.01')).code).toBe('00')
    expect((await refund(sale.payment_id, 'LC-4', '0.01')).code).toBe('40')
    expect((await call(sandbox, 'refundQuery', { refund_number: 'LC-1' })).records[0]?.refund_status).toBe('-1')

    sandbox.clock.advance(SETTLE_DELAY_MS + 1_000)
    const settled = await call(sandbox, 'refundQuery', { refund_number: 'LC-1' })
    expect(settled.records[0]).toMatchObject({ refund_status: '1', refund_amount: usd(total - BigInt(1)), payment_id: sale.payment_id })
    expect((await statusOf(sale.order_number, sale.payment_id))?.refund_status).toBe('3')
  })

  it('refunds: a full refund must be for the whole amount; a short balance makes a refund fail and frees the amount', async () => {
    const sale = await findPayment(db, `${REFUNDABLE_SALE} and o.payment_id > '99537801000020'`)
    const total = BigInt(sale.amount_minor)
    expect((await refund(sale.payment_id, 'FB-0', '0.01', '1')).code).toBe('40')

    const balance = await sandbox.app.inject({ method: 'PUT', url: '/sandbox/oceanpayment/dev/balances', payload: { account: '995378', currency: 'USD', amount: '0.00' } })
    expect(balance.statusCode).toBe(200)
    expect((await refund(sale.payment_id, 'FB-1', usd(total), '1')).code).toBe('00')
    sandbox.clock.advance(SETTLE_DELAY_MS + 1_000)
    const failed = await call(sandbox, 'refundQuery', { refund_number: 'FB-1' })
    expect(failed.records[0]).toMatchObject({ refund_status: '0', refund_details: expect.stringContaining('insufficient') })
    expect((await statusOf(sale.order_number, sale.payment_id))?.refund_status).toBe('0')

    await sandbox.app.inject({ method: 'PUT', url: '/sandbox/oceanpayment/dev/balances', payload: { account: '995378', currency: 'USD', amount: '100000.00' } })
    expect((await refund(sale.payment_id, 'FB-2', usd(total), '1')).code).toBe('00')
  })

  it('pre-authorization: capture once and at most the authorized amount; void only while pending', async () => {
    const open = await db.query<{ payment_id: string; order_number: string; amount_minor: string; currency: string }>(
      `select payment_id, order_number, amount_minor::text as amount_minor, currency from sandbox_orders
       where terminal = $1 and auth_status = 'pending' and currency not in ('JPY') order by payment_id limit 2`,
      [TEST_TERMINAL.terminal],
    )
    const [toCapture, toVoid] = open.rows
    if (toCapture === undefined || toVoid === undefined) throw new Error('seed has too few pending pre-authorizations')
    const authorized = BigInt(toCapture.amount_minor)
    expect((await call(sandbox, 'preAuthorization', { payment_id: toCapture.payment_id, payment_authType: '1', order_amount: usd(authorized + BigInt(1)) })).code).toBe('42')
    const captured = await call(sandbox, 'preAuthorization', { payment_id: toCapture.payment_id, payment_authType: '1', order_amount: usd(authorized - BigInt(100)) })
    expect(captured).toMatchObject({ code: '00', fields: { order_amount: usd(authorized - BigInt(100)) } })
    expect((await statusOf(toCapture.order_number, toCapture.payment_id))?.auth_status).toBe('1')
    expect((await call(sandbox, 'preAuthorization', { payment_id: toCapture.payment_id, payment_authType: '1' })).code).toBe('42')
    expect((await call(sandbox, 'preAuthorization', { payment_id: toCapture.payment_id, payment_authType: '2' })).code).toBe('42')
    // Only the captured amount can be refunded.
    expect((await refund(toCapture.payment_id, 'PA-1', usd(authorized))).code).toBe('41')

    expect((await refund(toVoid.payment_id, 'PA-2', '0.01')).code).toBe('40')
    expect((await call(sandbox, 'preAuthorization', { payment_id: toVoid.payment_id, payment_authType: '2' })).code).toBe('00')
    expect((await statusOf(toVoid.order_number, toVoid.payment_id))?.auth_status).toBe('2')
    expect((await call(sandbox, 'preAuthorization', { payment_id: toVoid.payment_id, payment_authType: '1' })).code).toBe('42')

    const online = await findPayment(db, `o.channel = 'online' and o.payment_status = 1 and o.auth_status is null`)
    expect((await call(sandbox, 'preAuthorization', { order_number: online.order_number, payment_authType: '3' })).code).toBe('42')
  })

  it('tracking: a second upload overwrites the first; by order number it finds the successful payment', async () => {
    const sale = await findPayment(db, REFUNDABLE_SALE)
    const upload = (tracking_number: string) =>
      call(sandbox, 'trackingUpload', { order_number: sale.order_number, tracking_number, tracking_site: 'https://www.dhl.com', tracking_handler: 'ops' })
    expect((await upload('AAA1,AAA2')).code).toBe('01')
    expect((await upload('BBB1')).code).toBe('01')
    const { rows } = await db.query<{ tracking_number: string }>('select tracking_number from sandbox_orders where payment_id = $1', [sale.payment_id])
    expect(rows[0]?.tracking_number).toBe('BBB1')
    expect((await call(sandbox, 'trackingUpload', { payment_id: 'NOPE', tracking_site: 'dhl.com', tracking_handler: 'ops' })).code).toBe('30')
  })

  it('customs: one first submission per order, resubmissions only after one', async () => {
    const [sale, other] = (
      await db.query<{ payment_id: string }>(
        `select payment_id from sandbox_orders where terminal = $1 and payment_status = 1 order by payment_id desc limit 2`,
        [TEST_TERMINAL.terminal],
      )
    ).rows
    const submit = (payment_id: string, type: string) =>
      call(sandbox, 'customsSubmission', { type, payment_id, price: '1.00', total_amount: '1.00', customs: 'HZ', customs_number: 'N1', customs_name: 'Demo', shipping_fee: '0' })
    expect((await submit(other?.payment_id ?? '', '2')).code).toBe('44')
    expect((await submit(sale?.payment_id ?? '', '1')).code).toBe('00')
    expect((await submit(sale?.payment_id ?? '', '1')).code).toBe('43')
    expect((await submit(sale?.payment_id ?? '', '2')).code).toBe('00')
    expect((await submit(sale?.payment_id ?? '', '2')).code).toBe('00')
  })

  it('successful orders page through exactly the successful payments of the window', async () => {
    const end = sandbox.clock.now()
    const begin = new Date(end.getTime() - 45 * DAY)
    const { rows } = await db.query<{ payment_id: string }>(
      `select payment_id from sandbox_orders where terminal = $1 and payment_status = 1 and created_at between $2 and $3`,
      [TEST_TERMINAL.terminal, begin, end],
    )
    const window = { order_beginDate: formatBeijingDateTime(begin), order_endDate: formatBeijingDateTime(end) }
    const seen: string[] = []
    const first = await call(sandbox, 'successfulOrders', window)
    const pages = Number(first.fields.totalpages)
    expect(Number(first.fields.count)).toBe(rows.length)
    for (let page = 1; page <= pages + 1; page += 1) {
      const answer = await call(sandbox, 'successfulOrders', { ...window, pages: String(page) })
      expect(answer.fields.pages).toBe(String(page))
      for (const record of answer.records) {
        expect(record.payment_dateTime >= window.order_beginDate && record.payment_dateTime <= window.order_endDate).toBe(true)
        seen.push(record.payment_id)
      }
      if (page === pages + 1) expect(answer.records).toEqual([])
    }
    expect(seen.sort()).toEqual(rows.map((row) => row.payment_id).sort())
  })

  it('a window ends with the whole of its last second: an exception at 12:00:05.750 is within "… 12:00:05"', async () => {
    // The API speaks whole seconds; the store keeps milliseconds (the seed clamps recent cases to "now").
    const sale = await findPayment(db, 'o.payment_status = 1')
    const exceptionAt = new Date(Math.floor(sandbox.clock.now().getTime() / 1000) * 1000 - 10_000 + 750)
    await insertCase(db, {
      caseId: 'CS-LAST-SECOND',
      paymentId: sale.payment_id,
      terminal: TEST_TERMINAL.terminal,
      noticeType: 'fraud',
      pushStatus: 1,
      details: 'fraud in the last second of the window',
      amountMinor: BigInt(100),
      currency: 'USD',
      exceptionAt,
      reviewedAt: exceptionAt,
    })
    const window = { order_beginDate: formatBeijingDateTime(new Date(exceptionAt.getTime() - DAY)), order_endDate: formatBeijingDateTime(exceptionAt) }
    const answer = await call(sandbox, 'businessOrders', { ...window, count: '100', date_type: '2' })
    expect(answer.records.map((record) => record.push_id)).toContain('CS-LAST-SECOND')
    const before = { ...window, order_endDate: formatBeijingDateTime(new Date(exceptionAt.getTime() - 1_000)) }
    const earlier = await call(sandbox, 'businessOrders', { ...before, count: '100', date_type: '2' })
    expect(earlier.records.map((record) => record.push_id)).not.toContain('CS-LAST-SECOND')
  })

  it('business orders honour count and date_type; disputes filter by notice type', async () => {
    const end = sandbox.clock.now()
    const window = { order_beginDate: formatBeijingDateTime(new Date(end.getTime() - 100 * DAY)), order_endDate: formatBeijingDateTime(end) }
    const byException = await call(sandbox, 'businessOrders', { ...window, count: '10', date_type: '2' })
    const total = Number(byException.fields.count)
    expect(total).toBeGreaterThan(10)
    expect(byException.records).toHaveLength(10)
    expect(byException.fields.totalpages).toBe(String(Math.ceil(total / 10)))
    const all = await call(sandbox, 'businessOrders', { ...window, count: '100', date_type: '2' })
    expect(all.records).toHaveLength(total)

    // A window that ends before any exception but covers the payments: by transaction time only.
    const { rows } = await db.query<{ first: Date }>(
      `select least((select min(exception_at) from sandbox_cases where terminal = $1),
                    (select min(requested_at) from sandbox_refunds where terminal = $1 and status <> 'pending')) as first`,
      [TEST_TERMINAL.terminal],
    )
    const early = { order_beginDate: window.order_beginDate, order_endDate: formatBeijingDateTime(new Date((rows[0]?.first ?? end).getTime() - 1_000)) }
    expect(Number((await call(sandbox, 'businessOrders', { ...early, date_type: '2' })).fields.count)).toBe(0)
    expect(Number((await call(sandbox, 'businessOrders', { ...early, date_type: '1' })).fields.count)).toBeGreaterThan(0)

    const disputes = await call(sandbox, 'disputedOrders', window)
    const periods = await call(sandbox, 'disputedOrders', { ...window, notice_type: 'disputes-period' })
    const onlyDisputes = await call(sandbox, 'disputedOrders', { ...window, notice_type: 'dispute' })
    expect(Number(periods.fields.count) + Number(onlyDisputes.fields.count)).toBe(Number(disputes.fields.count))
    expect(periods.records.every((record) => record.notice_type === 'disputes-period')).toBe(true)
    const one = onlyDisputes.records[0]
    const byPayment = await call(sandbox, 'disputedOrders', { ...window, payment_id: one?.payment_id ?? '' })
    expect(byPayment.records.every((record) => record.payment_id === one?.payment_id)).toBe(true)
  })
})
