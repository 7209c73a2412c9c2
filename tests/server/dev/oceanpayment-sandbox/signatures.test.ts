/**
 * The sandbox admits only what Oceanpayment would: every signed field and every character of signValue is
 * covered (table-driven over every form operation), unknown terminals and accounts are refused, the JSON calls
 * check their secureCode header, and each class of invalid parameter gets its own result code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../../server/src/db'
import { OPERATIONS, parseXml, signRequest, validateParams, type OperationName } from '../../../../server/src/gateway'
import { testStores } from '../../stores'
import { openSandbox, postForm, TEST_TERMINAL, type SandboxUnderTest } from './support'

type Answer = Record<string, string>

function answerOf(operation: OperationName, body: string): { code: string; details: string; raw: Answer } {
  const spec = OPERATIONS[operation].response
  const { root, value } = parseXml(body)
  expect(root).toBe(spec.root)
  const raw = value as Answer
  return { code: raw[spec.resultField] ?? '', details: raw[spec.detailsField] ?? '', raw }
}

/** Valid parameters of every form call (values need not exist: the signature is checked before the book). */
const VALID: Array<[string, OperationName, Record<string, string>]> = [
  ['order status', 'orderStatus', { order_number: 'SO-1,SO-2' }],
  ['successful orders', 'successfulOrders', { order_beginDate: '2025-05-01 00:00:00', order_endDate: '2025-05-31 23:59:59', pages: '2' }],
  ['business orders', 'businessOrders', { order_beginDate: '2025-05-01 00:00:00', order_endDate: '2025-05-31 23:59:59', pages: '1', count: '50', date_type: '1' }],
  ['disputed orders', 'disputedOrders', { order_beginDate: '2025-05-01 00:00:00', order_endDate: '2025-05-31 23:59:59', pages: '1', notice_type: 'dispute' }],
  ['capture', 'preAuthorization', { payment_id: '995378010000041', payment_authType: '1', order_amount: '10.50' }],
  ['offline reverse', 'preAuthorization', { order_number: 'SO-1', payment_authType: '3' }],
  ['refund', 'refund', { payment_id: '995378010000041', refund_number: 'RN-1', refund_type: '2', refund_amount: '1.25', refund_description: 'damaged', refund_reference: 'REF-1' }],
  ['refund query by id', 'refundQuery', { refund_id: 'RF0011' }],
  ['refund query by number', 'refundQuery', { refund_number: 'RN-1' }],
  ['tracking by payment', 'trackingUpload', { payment_id: '995378010000041', tracking_number: '1Z1,1Z2', tracking_site: 'https://www.ups.com', tracking_handler: 'warehouse' }],
  ['tracking by order', 'trackingUpload', { order_number: 'SO-1', tracking_site: 'www.dhl.com', tracking_handler: 'ops' }],
  ['customs', 'customsSubmission', { type: '1', payment_id: '995378010000041', pay_userId: '110101199001011234', pay_userName: 'Li Lei', price: '10.00', total_amount: '12.00', customs: 'SHANGHAI', customs_number: 'CN31', customs_name: 'Demo', shipping_fee: '2.00' }],
]

/** Another value of the field: a different member of its list, or its last character changed (format kept). */
function tamperField(operation: OperationName, field: string, value: string): string {
  const choices = OPERATIONS[operation].fields[field]?.enum
  return choices === undefined ? tamper(value) : (choices.find((choice) => choice !== value) ?? tamper(value))
}

function tamper(value: string): string {
  const last = value.at(-1) ?? ''
  let replacement = 'x'
  if (/\d/.test(last)) replacement = String((Number(last) + 1) % 10)
  else if (/[a-y]/i.test(last)) replacement = String.fromCharCode(last.charCodeAt(0) + 1)
  else if (/z/i.test(last)) replacement = last === 'z' ? 'a' : 'A'
  return value.slice(0, -1) + replacement
}

describe.each(testStores())('sandbox admission on the $kind store', (store) => {
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

  describe.each(VALID)('%s', (_name, operation, params) => {
    const signed = Object.keys(params).filter((field) => {
      const full: Record<string, string> = { account: TEST_TERMINAL.account, terminal: TEST_TERMINAL.terminal, ...params }
      return signRequest(operation, full, 'x') !== signRequest(operation, { ...full, [field]: tamperField(operation, field, full[field] ?? '') }, 'x')
    })

    it('is admitted when signed correctly (the answer is not a signature or parameter error)', async () => {
      const { code } = answerOf(operation, (await postForm(sandbox, operation, params)).body)
      expect(['20', '21', '10', '11', '12', '13', '14', '15', '16', '17']).not.toContain(code)
    })

    it('signs at least one business field', () => {
      expect(signed.length).toBeGreaterThan(0)
    })

    it('rejects a tampered value of every signed field with code 20', async () => {
      for (const field of signed) {
        const signValue = signRequest(operation, { ...TEST_TERMINAL, ...params }, TEST_TERMINAL.secureCode)
        const tampered = { ...params, [field]: tamperField(operation, field, params[field] ?? '') }
        const response = await postForm(sandbox, operation, tampered, { signValue })
        // A change that also breaks a parameter rule (authType 3 → 1 needs a payment_id) is refused for that.
        const { account, terminal } = TEST_TERMINAL
        const stillValid = validateParams(operation, { account, terminal, ...tampered, signValue }, { requireSignValue: true }).length === 0
        if (!(operation === 'preAuthorization' && field === 'payment_authType')) expect({ field, stillValid }).toEqual({ field, stillValid: true })
        const { code } = answerOf(operation, response.body)
        if (stillValid) expect({ field, code }).toEqual({ field, code: '20' })
        else expect({ field, code }).not.toEqual({ field, code: '00' })
      }
    })

    it('rejects a change of any one character of signValue with code 20 (case alone does not matter)', async () => {
      const good = signRequest(operation, { ...TEST_TERMINAL, ...params }, TEST_TERMINAL.secureCode)
      for (let index = 0; index < good.length; index += 1) {
        const char = good[index] ?? '0'
        const changed = good.slice(0, index) + (char === '0' ? '1' : '0') + good.slice(index + 1)
        const { code } = answerOf(operation, (await postForm(sandbox, operation, params, { signValue: changed })).body)
        expect({ index, code }).toEqual({ index, code: '20' })
      }
      const upper = answerOf(operation, (await postForm(sandbox, operation, params, { signValue: good.toUpperCase() })).body)
      expect(upper.code).not.toBe('20')
    })

    it('rejects a signature made with another secureCode, and unknown terminals or accounts with code 21', async () => {
      expect(answerOf(operation, (await postForm(sandbox, operation, params, { secureCode: '12345679' })).body).code).toBe('20')
      const unknownTerminal = await postForm(sandbox, operation, params, { credentials: { account: '995378', terminal: '99537899' } })
      expect(answerOf(operation, unknownTerminal.body).code).toBe('21')
      // The demo merchant's terminal under the sandbox test account: the pair does not exist.
      const wrongAccount = await postForm(sandbox, operation, params, { credentials: { account: '995378', terminal: '14010588' }, secureCode: 'demo14010588sc' })
      expect(answerOf(operation, wrongAccount.body).code).toBe('21')
    })
  })

  it.each([
    ['a missing required field', 'refund', { payment_id: 'P1', refund_type: '2', refund_amount: '1.00' }, '10', 'refund_description'],
    ['a value too long', 'trackingUpload', { payment_id: 'P1', tracking_site: 'ups.com', tracking_handler: 'a-very-long-handler' }, '11', 'tracking_handler'],
    ['a malformed date', 'successfulOrders', { order_beginDate: '2025/05/01 00:00:00', order_endDate: '2025-05-31 23:59:59' }, '12', 'order_beginDate'],
    ['a malformed amount', 'refund', { payment_id: 'P1', refund_type: '2', refund_amount: '1.005', refund_description: 'x' }, '12', 'refund_amount'],
    ['a value outside its list', 'businessOrders', { order_beginDate: '2025-05-01 00:00:00', order_endDate: '2025-05-31 23:59:59', count: '20' }, '13', 'count'],
    ['too many order numbers', 'orderStatus', { order_number: Array.from({ length: 101 }, (_, i) => `SO${i}`).join(',') }, '14', 'order_number'],
    ['both refund_id and refund_number', 'refundQuery', { refund_id: 'RF1', refund_number: 'RN1' }, '15', 'refund_id'],
    ['neither payment_id nor order_number', 'trackingUpload', { tracking_site: 'ups.com', tracking_handler: 'ops' }, '15', 'payment_id'],
    ['an unknown parameter', 'orderStatus', { order_number: 'SO1', order_currency: 'USD' }, '16', 'order_currency'],
    ['an end before the begin', 'disputedOrders', { order_beginDate: '2025-05-31 00:00:00', order_endDate: '2025-05-01 00:00:00' }, '17', 'order_endDate'],
  ] as Array<[string, OperationName, Record<string, string>, string, string]>)(
    'answers %s with its own code, naming the field',
    async (_name, operation, params, code, field) => {
      const answer = answerOf(operation, (await postForm(sandbox, operation, params)).body)
      expect(answer.code).toBe(code)
      expect(answer.details).toContain(field)
    },
  )

  it('rejects a form call without signValue, and a repeated parameter', async () => {
    const missing = await sandbox.app.inject({
      method: 'POST',
      url: '/sandbox/oceanpayment/service/check/normal',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'account=995378&terminal=99537801&order_number=SO1',
    })
    expect(answerOf('orderStatus', missing.body)).toMatchObject({ code: '10', details: expect.stringContaining('signValue') })
    const repeated = await sandbox.app.inject({
      method: 'POST',
      url: '/sandbox/oceanpayment/service/check/normal',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `account=995378&terminal=99537801&order_number=SO1&order_number=SO2&signValue=${'a'.repeat(64)}`,
    })
    expect(answerOf('orderStatus', repeated.body).code).toBe('12')
  })

  describe('JSON calls with credential headers', () => {
    const call = (path: string, headers: Record<string, string>, body: object) =>
      sandbox.app.inject({ method: 'POST', url: `/sandbox/oceanpayment${path}`, headers: { 'content-type': 'application/json', ...headers }, payload: body })
    const good = { account: '995378', terminal: '99537801', secureCode: '12345678' }

    it('accepts the right secureCode and rejects a wrong, missing or foreign one', async () => {
      expect(answerOf('healthCheck', (await call('/pinc/check-account', good, { site: 'shop.example.com' })).body).code).toBe('00')
      expect(answerOf('cardBin', (await call('/pinc/check-card-bin', { ...good, secureCode: '12345679' }, { card_bin: [411111] })).body).code).toBe('20')
      expect(answerOf('cardBin', (await call('/pinc/check-card-bin', { account: '995378', terminal: '99537801' }, { card_bin: [411111] })).body).code).toBe('10')
      const foreign = { account: '995378', terminal: '14010588', secureCode: 'demo14010588sc' }
      expect(answerOf('healthCheck', (await call('/pinc/check-account', foreign, { site: 'shop.example.com' })).body).code).toBe('21')
    })

    it('checks the body like the form calls: BIN format, BIN count, unknown fields, body/header conflicts', async () => {
      expect(answerOf('cardBin', (await call('/pinc/check-card-bin', good, { card_bin: ['41111'] })).body).code).toBe('11')
      const many = Array.from({ length: 101 }, (_, i) => String(400000 + i))
      expect(answerOf('cardBin', (await call('/pinc/check-card-bin', good, { card_bin: many })).body).code).toBe('14')
      expect(answerOf('healthCheck', (await call('/pinc/check-account', good, { site: 'a.com', extra: '1' })).body).code).toBe('16')
      expect(answerOf('healthCheck', (await call('/pinc/check-account', good, { site: 'https://a.com' })).body).code).toBe('12')
      expect(answerOf('healthCheck', (await call('/pinc/check-account', good, { account: '140105', site: 'a.com' })).body).code).toBe('15')
    })
  })
})
