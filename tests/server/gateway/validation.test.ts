/**
 * One failing input per parameter rule of seed 003 (and oceanpayment-api.md): the client refuses the call with a
 * GatewayValidationError naming the field and the rule, and the transport is never called.
 */
import { describe, expect, it } from 'vitest'
import { GatewayValidationError, validateParams, type OperationName } from '../../../server/src/gateway'
import { callOperation, fakeTransport, SANDBOX, testClient, xmlResponse } from './fake-gateway'

const PAYMENT_ID = '231220170723834010513'
const BEGIN = '2023-12-25 15:29:42'
const END = '2023-12-26 15:29:45'
const x = (n: number, c = 'a') => c.repeat(n)

const VALID: Record<OperationName, Record<string, string>> = {
  orderStatus: { order_number: 'ae866' },
  successfulOrders: { order_beginDate: BEGIN, order_endDate: END },
  businessOrders: { order_beginDate: BEGIN, order_endDate: END, pages: '0' },
  disputedOrders: { order_beginDate: BEGIN, order_endDate: END },
  preAuthorization: { payment_id: PAYMENT_ID, payment_authType: '1', order_amount: '10' },
  refund: { payment_id: PAYMENT_ID, refund_number: 'R-1', refund_type: '1', refund_amount: '0.1', refund_description: 'ProductDamage' },
  refundQuery: { refund_id: '0' },
  trackingUpload: { payment_id: PAYMENT_ID, tracking_number: '10', tracking_site: 'https://17track.net', tracking_handler: 'N/A' },
  customsSubmission: {
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
  },
  healthCheck: { site: 'a.com' },
  cardBin: { card_bin: '411111' },
}

type Case = [operation: OperationName, change: Record<string, string | undefined>, field: string, rule: string]

const bins = (n: number) => Array.from({ length: n }, (_, i) => String(400000 + i)).join(',')
const orders = (n: number) => Array.from({ length: n }, (_, i) => `o${i}`).join(',')

const CASES: Case[] = [
  // Unknown parameters are refused rather than silently dropped.
  ['orderStatus', { foo: '1' }, 'foo', 'unknown-field'],
  ['healthCheck', { signValue: x(64, 'a') }, 'signValue', 'unknown-field'],
  // Order status query
  ['orderStatus', { order_number: undefined }, 'order_number', 'required'],
  ['orderStatus', { order_number: orders(101) }, 'order_number', 'max-items'],
  ['orderStatus', { order_number: `ok,${x(51)}` }, 'order_number', 'item-length'],
  ['orderStatus', { order_number: 'a,,b' }, 'order_number', 'item-length'],
  // Successful orders query
  ['successfulOrders', { order_beginDate: undefined }, 'order_beginDate', 'required'],
  ['successfulOrders', { order_endDate: undefined }, 'order_endDate', 'required'],
  ['successfulOrders', { order_beginDate: '2023-12-25' }, 'order_beginDate', 'min-length'],
  ['successfulOrders', { order_endDate: '2023-12-26 15:29:45.000' }, 'order_endDate', 'max-length'],
  ['successfulOrders', { order_beginDate: '2023/12/25 15:29:42' }, 'order_beginDate', 'format'],
  ['successfulOrders', { order_endDate: '2023-02-30 00:00:00' }, 'order_endDate', 'format'],
  ['successfulOrders', { order_endDate: '2023-12-24 00:00:00' }, 'order_endDate', 'date-range'],
  ['successfulOrders', { pages: '123456' }, 'pages', 'max-length'],
  ['successfulOrders', { pages: 'one' }, 'pages', 'format'],
  // Business orders query
  ['businessOrders', { order_beginDate: undefined }, 'order_beginDate', 'required'],
  ['businessOrders', { order_endDate: '2023-12-26T15:29:45' }, 'order_endDate', 'format'],
  ['businessOrders', { count: '20' }, 'count', 'enum'],
  ['businessOrders', { count: '1000' }, 'count', 'max-length'],
  ['businessOrders', { date_type: '3' }, 'date_type', 'enum'],
  ['businessOrders', { date_type: '0000' }, 'date_type', 'max-length'],
  ['businessOrders', { pages: 'x' }, 'pages', 'format'],
  // Disputed orders query
  ['disputedOrders', { order_endDate: undefined }, 'order_endDate', 'required'],
  ['disputedOrders', { notice_type: 'chargeBack' }, 'notice_type', 'enum'],
  ['disputedOrders', { notice_type: x(51) }, 'notice_type', 'max-length'],
  ['disputedOrders', { payment_id: x(51, '1') }, 'payment_id', 'max-length'],
  ['disputedOrders', { order_number: x(51) }, 'order_number', 'max-length'],
  ['disputedOrders', { pages: '999999' }, 'pages', 'max-length'],
  // Pre-authorization
  ['preAuthorization', { payment_authType: undefined }, 'payment_authType', 'required'],
  ['preAuthorization', { payment_authType: '4' }, 'payment_authType', 'enum'],
  ['preAuthorization', { payment_authType: '12' }, 'payment_authType', 'max-length'],
  ['preAuthorization', { payment_id: undefined }, 'payment_id', 'required'],
  ['preAuthorization', { payment_id: x(51, '1') }, 'payment_id', 'max-length'],
  ['preAuthorization', { order_amount: 'ten' }, 'order_amount', 'format'],
  ['preAuthorization', { order_amount: '-1' }, 'order_amount', 'format'],
  ['preAuthorization', { order_amount: '0' }, 'order_amount', 'positive'],
  ['preAuthorization', { order_amount: x(51, '1') }, 'order_amount', 'max-length'],
  ['preAuthorization', { order_number: 'ae866' }, 'order_number', 'not-allowed'],
  ['preAuthorization', { payment_authType: '3', payment_id: undefined, order_amount: undefined }, 'order_number', 'required'],
  ['preAuthorization', { payment_authType: '3', order_number: 'ae866', order_amount: undefined }, 'payment_id', 'not-allowed'],
  ['preAuthorization', { payment_authType: '3', payment_id: undefined, order_number: 'ae866' }, 'order_amount', 'not-allowed'],
  ['preAuthorization', { payment_authType: '3', payment_id: undefined, order_amount: undefined, order_number: x(51) }, 'order_number', 'max-length'],
  // Refund request
  ['refund', { payment_id: undefined }, 'payment_id', 'required'],
  ['refund', { payment_id: x(51, '1') }, 'payment_id', 'max-length'],
  ['refund', { refund_number: undefined }, 'refund_number', 'required'],
  ['refund', { refund_number: x(51) }, 'refund_number', 'max-length'],
  ['refund', { refund_type: undefined }, 'refund_type', 'required'],
  ['refund', { refund_type: '3' }, 'refund_type', 'enum'],
  ['refund', { refund_type: '11' }, 'refund_type', 'max-length'],
  ['refund', { refund_amount: undefined }, 'refund_amount', 'required'],
  ['refund', { refund_amount: '12345678.90' }, 'refund_amount', 'max-length'],
  ['refund', { refund_amount: '1,5' }, 'refund_amount', 'format'],
  ['refund', { refund_amount: '1.234' }, 'refund_amount', 'format'],
  ['refund', { refund_amount: '1e3' }, 'refund_amount', 'format'],
  ['refund', { refund_amount: '0.00' }, 'refund_amount', 'positive'],
  ['refund', { refund_description: undefined }, 'refund_description', 'required'],
  ['refund', { refund_description: x(101) }, 'refund_description', 'max-length'],
  ['refund', { refund_reference: x(51) }, 'refund_reference', 'max-length'],
  // Refund query
  ['refundQuery', { refund_id: undefined }, 'refund_id|refund_number', 'exactly-one'],
  ['refundQuery', { refund_number: 'R-1' }, 'refund_id|refund_number', 'exactly-one'],
  ['refundQuery', { refund_id: x(501, '1') }, 'refund_id', 'max-length'],
  ['refundQuery', { refund_id: undefined, refund_number: x(51) }, 'refund_number', 'max-length'],
  // Tracking numbers upload
  ['trackingUpload', { payment_id: undefined }, 'payment_id|order_number', 'exactly-one'],
  ['trackingUpload', { order_number: 'ae866' }, 'payment_id|order_number', 'exactly-one'],
  ['trackingUpload', { payment_id: x(51, '1') }, 'payment_id', 'max-length'],
  ['trackingUpload', { payment_id: undefined, order_number: x(51) }, 'order_number', 'max-length'],
  ['trackingUpload', { tracking_number: x(201, '9') }, 'tracking_number', 'max-length'],
  ['trackingUpload', { tracking_number: 'AB1,,CD2' }, 'tracking_number', 'item-length'],
  ['trackingUpload', { tracking_site: undefined }, 'tracking_site', 'required'],
  ['trackingUpload', { tracking_site: `https://${x(100)}.com` }, 'tracking_site', 'max-length'],
  ['trackingUpload', { tracking_site: 'not a site' }, 'tracking_site', 'format'],
  ['trackingUpload', { tracking_handler: undefined }, 'tracking_handler', 'required'],
  ['trackingUpload', { tracking_handler: x(16) }, 'tracking_handler', 'max-length'],
  // Customs submission
  ['customsSubmission', { type: '3' }, 'type', 'enum'],
  ['customsSubmission', { type: x(501, '1') }, 'type', 'max-length'],
  ['customsSubmission', { payment_id: x(51, '1') }, 'payment_id', 'max-length'],
  ['customsSubmission', { pay_userId: x(51, '1') }, 'pay_userId', 'max-length'],
  ['customsSubmission', { pay_userName: x(51) }, 'pay_userName', 'max-length'],
  ['customsSubmission', { price: undefined }, 'price', 'required'],
  ['customsSubmission', { price: x(101, '1') }, 'price', 'max-length'],
  ['customsSubmission', { price: 'ten' }, 'price', 'format'],
  ['customsSubmission', { total_amount: undefined }, 'total_amount', 'required'],
  ['customsSubmission', { total_amount: '0' }, 'total_amount', 'positive'],
  ['customsSubmission', { customs: undefined }, 'customs', 'required'],
  ['customsSubmission', { customs: x(101) }, 'customs', 'max-length'],
  ['customsSubmission', { customs_number: undefined }, 'customs_number', 'required'],
  ['customsSubmission', { customs_number: x(101) }, 'customs_number', 'max-length'],
  ['customsSubmission', { customs_name: undefined }, 'customs_name', 'required'],
  ['customsSubmission', { customs_name: x(101) }, 'customs_name', 'max-length'],
  ['customsSubmission', { sub_order_number: x(101) }, 'sub_order_number', 'max-length'],
  ['customsSubmission', { shipping_fee: undefined }, 'shipping_fee', 'required'],
  ['customsSubmission', { shipping_fee: '9.999' }, 'shipping_fee', 'format'],
  ['customsSubmission', { order_notes: x(501) }, 'order_notes', 'max-length'],
  // Health examination
  ['healthCheck', { site: undefined }, 'site', 'required'],
  ['healthCheck', { site: 'https://a.com' }, 'site', 'format'],
  ['healthCheck', { site: 'a.com/shop' }, 'site', 'format'],
  ['healthCheck', { site: `${x(497)}.com` }, 'site', 'max-length'],
  ['healthCheck', { key: x(257, 'f') }, 'key', 'max-length'],
  // Card BIN verification
  ['cardBin', { card_bin: undefined }, 'card_bin', 'required'],
  ['cardBin', { card_bin: bins(101) }, 'card_bin', 'max-items'],
  ['cardBin', { card_bin: '411111,41111' }, 'card_bin', 'item-length'],
  ['cardBin', { card_bin: '4111111' }, 'card_bin', 'item-length'],
  ['cardBin', { card_bin: '41111a' }, 'card_bin', 'item-format'],
]

function paramsFor(operation: OperationName, change: Record<string, string | undefined>): Record<string, string> {
  const merged: Record<string, string | undefined> = { ...VALID[operation], ...change }
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined))
}

/** Lists travel as arrays through the typed client. */
function clientInput(operation: OperationName, params: Record<string, string>): Record<string, unknown> {
  if (operation === 'cardBin' && params.card_bin !== undefined) return { ...params, card_bin: params.card_bin.split(',') }
  if (operation === 'orderStatus' && params.order_number !== undefined) return { ...params, order_number: params.order_number.split(',') }
  return params
}

function neverCalled() {
  return fakeTransport(() => xmlResponse('<response/>'))
}

describe('gateway parameter validation', () => {
  it('accepts every valid baseline', () => {
    for (const [operation, params] of Object.entries(VALID) as Array<[OperationName, Record<string, string>]>) {
      expect(validateParams(operation, { account: SANDBOX.account, terminal: SANDBOX.terminal, ...params })).toEqual([])
    }
  })

  it('has at least 60 failing-input cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60)
  })

  it.each(CASES)('%s refuses %j: %s breaks %s, nothing sent', async (operation, change, field, rule) => {
    const { transport, calls } = neverCalled()
    const client = testClient(transport)
    const error = await callOperation(client, operation, clientInput(operation, paramsFor(operation, change))).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatewayValidationError)
    const issues = (error as GatewayValidationError).issues
    expect(issues).toContainEqual(expect.objectContaining({ field, rule }))
    for (const name of field.split('|')) expect((error as Error).message).toContain(name)
    expect(calls).toHaveLength(0)
  })

  const COMMON: Array<[Partial<Record<'account' | 'terminal', string>>, string, string]> = [
    [{ account: '' }, 'account', 'required'],
    [{ account: '12345' }, 'account', 'min-length'],
    [{ account: '1234567' }, 'account', 'max-length'],
    [{ account: '99537a' }, 'account', 'format'],
    [{ terminal: '' }, 'terminal', 'required'],
    [{ terminal: '9953780' }, 'terminal', 'min-length'],
    [{ terminal: '9953780100001' }, 'terminal', 'max-length'],
    [{ terminal: '9953780a' }, 'terminal', 'format'],
  ]

  it.each(COMMON)('common parameters: %j breaks %s (%s), nothing sent', async (change, field, rule) => {
    const { transport, calls } = neverCalled()
    const client = testClient(transport, {}, { ...SANDBOX, ...change })
    const error = await client.orderStatus({ order_number: ['ae866'] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatewayValidationError)
    expect((error as GatewayValidationError).issues).toContainEqual(expect.objectContaining({ field, rule }))
    expect((error as Error).message).toContain(field)
    expect(calls).toHaveLength(0)
  })

  it('accepts exactly 100 order numbers and 100 card BINs', () => {
    expect(validateParams('orderStatus', { account: SANDBOX.account, terminal: SANDBOX.terminal, order_number: orders(100) })).toEqual([])
    expect(validateParams('cardBin', { account: SANDBOX.account, terminal: SANDBOX.terminal, card_bin: bins(100) })).toEqual([])
  })

  it('requires signValue only when asked (the sandbox side)', () => {
    const params = { account: SANDBOX.account, terminal: SANDBOX.terminal, order_number: 'ae866' }
    expect(validateParams('orderStatus', params)).toEqual([])
    expect(validateParams('orderStatus', params, { requireSignValue: true })).toContainEqual(expect.objectContaining({ field: 'signValue', rule: 'required' }))
    expect(validateParams('orderStatus', { ...params, signValue: 'xyz' })).toContainEqual(expect.objectContaining({ field: 'signValue', rule: 'min-length' }))
  })

  it('never echoes a value in a message (pay_userId is an ID card number)', () => {
    const secretish = '370481199308167756370481199308167756370481199308167756'
    const issues = validateParams('customsSubmission', { account: SANDBOX.account, terminal: SANDBOX.terminal, ...VALID.customsSubmission, pay_userId: secretish })
    expect(issues).toHaveLength(1)
    expect(JSON.stringify(issues)).not.toContain(secretish)
  })
})
