/**
 * Golden vectors: each signed function's signValue is recomputed here by hand (the concatenated string written
 * out, hashed with node:crypto) and compared with what the SDK actually sends. Where Oceanpayment published a
 * signValue for its sandbox terminal 995378 / 99537801 / 12345678 (Postman collection Oceanpayment/Order-Management),
 * the test also pins that published value.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  signNotification,
  signRequest,
  signValue,
  verifyNotification,
  verifyRequest,
  verifySignature,
  type OperationName,
} from '../../../server/src/gateway'
import { answer, DEMO, fakeTransport, formBody, SANDBOX, testClient, xmlResponse, type Credentials } from './fake-gateway'

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const PAYMENT_ID = '231220170723834010513'

/** Sends one call through a client and returns the form body it sent. */
async function sentBody(
  credentials: Credentials,
  operation: OperationName,
  call: (client: ReturnType<typeof testClient>) => Promise<unknown>,
  answerFields: Record<string, string> = {},
): Promise<Record<string, string>> {
  const { transport, calls } = fakeTransport(() => xmlResponse(answer(operation, credentials, answerFields)))
  await call(testClient(transport, {}, credentials))
  expect(calls).toHaveLength(1)
  return formBody(calls[0]!)
}

describe('request signValue golden vectors', () => {
  it('order status query — Oceanpayment example', async () => {
    const expected = sha256('995378' + '99537801' + 'ae866' + '12345678')
    expect(expected).toBe('2e27426ca627e4734ca9c43bd18e593c4af1848688486a3c167d39f7f75cf7b2')
    const body = await sentBody(SANDBOX, 'orderStatus', (c) => c.orderStatus({ order_number: ['ae866'] }))
    expect(body.signValue).toBe(expected)
    expect(body).toMatchObject({ account: '995378', terminal: '99537801', order_number: 'ae866' })
  })

  it('order status query with several order numbers signs the comma-separated list', async () => {
    const expected = sha256('140105' + '14010588' + 'A1,A2,A3' + 'demo14010588sc')
    const body = await sentBody(DEMO, 'orderStatus', (c) => c.orderStatus({ order_number: ['A1', 'A2', 'A3'] }))
    expect(body.signValue).toBe(expected)
  })

  it('successful orders query — Oceanpayment example (no pages)', async () => {
    const expected = sha256('995378' + '99537801' + '2023-12-25 15:29:42' + '2023-12-26 15:29:45' + '12345678')
    expect(expected).toBe('3bf8550e7773b414a35ac966e5855d8781c5264224dfdb9418f13ceefb79ebda')
    const body = await sentBody(SANDBOX, 'successfulOrders', (c) =>
      c.successfulOrders({ order_beginDate: '2023-12-25 15:29:42', order_endDate: '2023-12-26 15:29:45' }),
    )
    expect(body.signValue).toBe(expected)
  })

  it('successful orders query with pages (assumed: pages signed when sent)', async () => {
    const expected = sha256('140105' + '14010588' + '2024-01-01 00:00:00' + '2024-01-31 23:59:59' + '2' + 'demo14010588sc')
    const body = await sentBody(DEMO, 'successfulOrders', (c) =>
      c.successfulOrders({ order_beginDate: '2024-01-01 00:00:00', order_endDate: '2024-01-31 23:59:59', pages: '2' }),
    )
    expect(body.signValue).toBe(expected)
  })

  it('business orders query — Oceanpayment example; count and date_type not signed', async () => {
    const expected = sha256('995378' + '99537801' + '2023-12-25 15:29:42' + '2023-12-26 15:29:45' + '0' + '12345678')
    expect(expected).toBe('a54dd863aaa1cabcd7285da666fc7f6fdb92cfd3151334b3e1f271332fe1fc19')
    const body = await sentBody(SANDBOX, 'businessOrders', (c) =>
      c.businessOrders({ order_beginDate: '2023-12-25 15:29:42', order_endDate: '2023-12-26 15:29:45', pages: '0', count: '50', date_type: '1' }),
    )
    expect(body.signValue).toBe(expected)
    expect(body).toMatchObject({ count: '50', date_type: '1' })
  })

  it('disputed orders query — Oceanpayment example; notice_type and order_number not signed', async () => {
    const expected = sha256('995378' + '99537801' + '2023-12-25 15:29:42' + '2023-12-26 15:29:45' + '0' + '12345678')
    const body = await sentBody(SANDBOX, 'disputedOrders', (c) =>
      c.disputedOrders({
        order_beginDate: '2023-12-25 15:29:42',
        order_endDate: '2023-12-26 15:29:45',
        pages: '0',
        notice_type: 'disputes-period',
        order_number: '145755',
      }),
    )
    expect(body.signValue).toBe(expected)
    expect(expected).toBe('a54dd863aaa1cabcd7285da666fc7f6fdb92cfd3151334b3e1f271332fe1fc19')
  })

  it('pre-authorization capture — Oceanpayment example (payment_id, authType, amount)', async () => {
    const expected = sha256('995378' + '99537801' + PAYMENT_ID + '1' + '10' + '12345678')
    expect(expected).toBe('0ebca4617f30d89bdac0a25cf2033ca920e1f9bece180f904f75efc1c5257735')
    const body = await sentBody(SANDBOX, 'preAuthorization', (c) =>
      c.preAuthorization({ payment_id: PAYMENT_ID, payment_authType: '1', order_amount: '10' }),
    )
    expect(body.signValue).toBe(expected)
  })

  it('pre-authorization void without amount signs nothing for the absent amount', async () => {
    const expected = sha256('140105' + '14010588' + 'P-77' + '2' + 'demo14010588sc')
    const body = await sentBody(DEMO, 'preAuthorization', (c) => c.preAuthorization({ payment_id: 'P-77', payment_authType: '2' }))
    expect(body.signValue).toBe(expected)
    expect(body).not.toHaveProperty('order_amount')
  })

  it('offline reverse (authType 3) — Oceanpayment example (order_number, authType)', async () => {
    const expected = sha256('995378' + '99537801' + PAYMENT_ID + '3' + '12345678')
    expect(expected).toBe('14b420a0660f292dacb54f7d5c790bb80d9175635e47e32956637f50a39e4bc4')
    const body = await sentBody(SANDBOX, 'preAuthorization', (c) => c.preAuthorization({ order_number: PAYMENT_ID, payment_authType: '3' }))
    expect(body.signValue).toBe(expected)
  })

  it('refund request — Oceanpayment example (no refund_number)', () => {
    const expected = sha256('995378' + '99537801' + PAYMENT_ID + '1' + '0.1' + 'ProductDamage' + '12345678')
    expect(expected).toBe('c719beb74b87d4f200a1c9c42aa87d3ecdab6b78aa9f2f4f9a126b16cb1d4a91')
    const params = { ...SANDBOX, payment_id: PAYMENT_ID, refund_type: '1', refund_amount: '0.1', refund_description: 'ProductDamage' }
    expect(signRequest('refund', params, '12345678')).toBe(expected)
  })

  it('refund request with refund_number (as the client always sends it); refund_reference not signed', async () => {
    const expected = sha256('995378' + '99537801' + PAYMENT_ID + 'RF-2024-0001' + '2' + '12.50' + '商品瑕疵' + '12345678')
    const body = await sentBody(
      SANDBOX,
      'refund',
      (c) =>
        c.refund({
          payment_id: PAYMENT_ID,
          refund_number: 'RF-2024-0001',
          refund_type: '2',
          refund_amount: '12.50',
          refund_description: '商品瑕疵',
          refund_reference: 'REF-9',
        }),
      { payment_id: PAYMENT_ID, refund_id: 'RID-1', refund_number: 'RF-2024-0001', refund_results: '00' },
    )
    expect(body.signValue).toBe(expected)
    expect(body.refund_reference).toBe('REF-9')
  })

  it('refund query by refund_id — Oceanpayment example', async () => {
    const expected = sha256('995378' + '99537801' + '0' + '12345678')
    expect(expected).toBe('9aa2eb3fbba5ae6cc151f7d7500c77033cd4ca1d6b92a0fb3ed14cb63e02b226')
    const body = await sentBody(SANDBOX, 'refundQuery', (c) => c.refundQuery({ refund_id: '0' }))
    expect(body.signValue).toBe(expected)
  })

  it('refund query by refund_number (assumed)', async () => {
    const expected = sha256('140105' + '14010588' + 'RF-2024-0001' + 'demo14010588sc')
    const body = await sentBody(DEMO, 'refundQuery', (c) => c.refundQuery({ refund_number: 'RF-2024-0001' }))
    expect(body.signValue).toBe(expected)
  })

  it('tracking numbers upload (assumed rule)', async () => {
    const expected = sha256('995378' + '99537801' + PAYMENT_ID + '10' + 'https://17track.net' + 'N/A' + '12345678')
    const body = await sentBody(SANDBOX, 'trackingUpload', (c) =>
      c.trackingUpload({ payment_id: PAYMENT_ID, tracking_number: '10', tracking_site: 'https://17track.net', tracking_handler: 'N/A' }),
    )
    expect(body.signValue).toBe(expected)
  })

  it('tracking upload by order number with several tracking numbers', async () => {
    const expected = sha256('140105' + '14010588' + 'ORD-1' + 'AB1,CD2' + 'www.ups.com' + 'ops' + 'demo14010588sc')
    const body = await sentBody(DEMO, 'trackingUpload', (c) =>
      c.trackingUpload({ order_number: 'ORD-1', tracking_number: ['AB1', 'CD2'], tracking_site: 'www.ups.com', tracking_handler: 'ops' }),
    )
    expect(body.signValue).toBe(expected)
    expect(body.tracking_number).toBe('AB1,CD2')
  })

  it('customs submission — Oceanpayment example (payment_id, type, pay_userId, pay_userName)', async () => {
    const expected = sha256('995378' + '99537801' + PAYMENT_ID + '1' + '370481199308167756' + 'aiden' + '12345678')
    expect(expected).toBe('1f8b244b8c8c6d2e9b3f233b6fee34cc778fa850a5e43aec452a8ce902299855')
    const body = await sentBody(SANDBOX, 'customsSubmission', (c) =>
      c.customsSubmission({
        type: '1',
        payment_id: PAYMENT_ID,
        pay_userId: '370481199308167756',
        pay_userName: 'aiden',
        price: '10',
        total_amount: '100',
        customs: '01',
        customs_number: '00145',
        customs_name: 'user',
        shipping_fee: '9.9',
      }),
    )
    expect(body.signValue).toBe(expected)
  })

  it('verifyRequest accepts the signed params and refuses a changed one', () => {
    const params = { ...SANDBOX, order_number: 'ae866', signValue: '2E27426CA627E4734CA9C43BD18E593C4AF1848688486A3C167D39F7F75CF7B2' }
    expect(verifyRequest('orderStatus', params, '12345678')).toBe(true)
    expect(verifyRequest('orderStatus', { ...params, order_number: 'ae867' }, '12345678')).toBe(false)
    expect(verifyRequest('orderStatus', params, '12345679')).toBe(false)
  })

  it('signValue is plain concatenation, lowercase hex', () => {
    expect(signValue(['a', 'b'], 'c')).toBe(sha256('abc'))
    expect(signValue([], 'x')).toMatch(/^[0-9a-f]{64}$/)
  })

  it('the JSON calls are not signed', () => {
    expect(() => signRequest('healthCheck', { site: 'a.com' }, 'x')).toThrow(/not signed/)
  })
})

describe('verifySignature', () => {
  const hex = sha256('x')
  it('is case-insensitive', () => {
    expect(verifySignature(hex, hex.toUpperCase())).toBe(true)
  })
  it('refuses a different, a short, an empty or a non-hex value', () => {
    expect(verifySignature(hex, sha256('y'))).toBe(false)
    expect(verifySignature(hex, hex.slice(0, 63))).toBe(false)
    expect(verifySignature(hex, '')).toBe(false)
    expect(verifySignature(hex, `${hex.slice(0, 63)}g`)).toBe(false)
  })
})

describe('notification signatures', () => {
  const notification = {
    account: '995378',
    terminal: '99537801',
    order_number: 'ae866',
    payment_id: PAYMENT_ID,
    push_id: 'RID-1',
    push_status: '1',
    push_details: 'refund ok',
    notice_type: 'refund',
    order_amount: '0.10',
  }

  it('business-order notification — by hand', () => {
    const expected = sha256('995378' + '99537801' + 'ae866' + PAYMENT_ID + 'RID-1' + '1' + 'refund ok' + '12345678')
    expect(signNotification(notification, '12345678')).toBe(expected)
    expect(verifyNotification({ ...notification, signValue: expected.toUpperCase() }, '12345678')).toBe(true)
  })

  it('a notification with a bad signature is rejected', () => {
    const signed = { ...notification, signValue: signNotification(notification, '12345678') }
    expect(verifyNotification({ ...signed, push_status: '0' }, '12345678')).toBe(false)
    expect(verifyNotification(signed, 'other-secure-code')).toBe(false)
    expect(verifyNotification({ ...notification, signValue: '' }, '12345678')).toBe(false)
    expect(verifyNotification(notification, '12345678')).toBe(false)
  })

  it('payment notification — by hand', () => {
    const payment = {
      account: '995378',
      terminal: '99537801',
      order_number: 'ae866',
      order_currency: 'USD',
      order_amount: '0.10',
      order_notes: '',
      card_number: '411111***1111',
      payment_id: PAYMENT_ID,
      payment_authType: '0',
      payment_status: '1',
      payment_details: '80000:Transaction Approved',
      payment_risk: '',
    }
    const expected = sha256(
      '995378' + '99537801' + 'ae866' + 'USD' + '0.10' + '' + '411111***1111' + PAYMENT_ID + '0' + '1' + '80000:Transaction Approved' + '' + '12345678',
    )
    expect(signNotification(payment, '12345678', 'payment')).toBe(expected)
    expect(verifyNotification({ ...payment, signValue: expected }, '12345678', 'payment')).toBe(true)
  })
})
