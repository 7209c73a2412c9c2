/** The gateway client against fake transports: answers, signatures, typed errors, JSON calls, timeouts, retries. */
import { describe, expect, it } from 'vitest'
import {
  buildXml,
  GatewayRejectedError,
  GatewaySignatureError,
  GatewayTimeoutError,
  GatewayTransportError,
  type GatewayHttpRequest,
} from '../../../server/src/gateway'
import { answer, DEMO, errorAnswer, fakeTransport, formBody, hangingResponse, SANDBOX, testClient, xmlResponse } from './fake-gateway'

const PAYMENT = {
  order_number: 'ae866',
  order_currency: 'USD',
  order_amount: '0.10',
  payment_id: '0012300',
  payment_results: '1',
  payment_details: '80000:Transaction Approved',
}

describe('gateway client answers', () => {
  it('returns order status records with every value a string (amounts, ids with leading zeros)', async () => {
    const { transport, calls } = fakeTransport(() => xmlResponse(answer('orderStatus', SANDBOX, {}, [PAYMENT, { ...PAYMENT, payment_id: '0012299', payment_results: '0' }])))
    const result = await testClient(transport).orderStatus({ order_number: ['ae866'] })
    expect(result.resultCode).toBe('00')
    expect(result.records).toHaveLength(2)
    expect(result.records[0]).toMatchObject({ order_amount: '0.10', payment_id: '0012300', payment_results: '1', order_notes: '' })
    expect(calls[0]!.url).toBe('https://test-query.oceanpayment.com/service/check/normal')
    expect(calls[0]!.method).toBe('POST')
    expect(calls[0]!.headers['content-type']).toMatch(/application\/x-www-form-urlencoded/)
  })

  it('reads a list answer: header, count and repeated records; one record is still a list', async () => {
    const order = { payment_id: '240527141641780010530', order_number: 'test1', order_currency: 'HKD', order_amount: '0.10' }
    const { transport } = fakeTransport(() => xmlResponse(answer('successfulOrders', DEMO, { results: '00', details: 'Success', count: '1', totalpages: '1', pages: '1' }, [order])))
    const result = await testClient(transport, {}, DEMO).successfulOrders({ order_beginDate: '2024-05-01 00:00:00', order_endDate: '2024-05-31 23:59:59' })
    expect(result.fields).toMatchObject({ count: '1', totalpages: '1', pages: '1' })
    expect(result.records).toEqual([expect.objectContaining(order)])
  })

  it('sends secure-host calls to the secure base URL', async () => {
    const { transport, calls } = fakeTransport(() => xmlResponse(answer('preAuthorization', SANDBOX, { payment_id: 'P1', payment_authType: '1', auth_results: '00' })))
    await testClient(transport).preAuthorization({ payment_id: 'P1', payment_authType: '1' })
    expect(calls[0]!.url).toBe('https://test-secure.oceanpayment.com/gateway/service/auth')
  })

  it('health check sends JSON with the credentials as headers and no signValue', async () => {
    const { transport, calls } = fakeTransport(() => xmlResponse(answer('healthCheck', SANDBOX, { results: '00', site: 'a.com' })))
    const result = await testClient(transport).healthCheck({ site: 'a.com', key: 'abc' })
    expect(result.fields.site).toBe('a.com')
    const request = calls[0]!
    expect(request.url).toBe('https://test-checkout.oceanpayment.com/pinc/check-account')
    expect(request.headers).toMatchObject({ account: '995378', terminal: '99537801', secureCode: '12345678', 'content-type': 'application/json' })
    expect(JSON.parse(request.body ?? '')).toEqual({ account: '995378', terminal: '99537801', site: 'a.com', key: 'abc' })
  })

  it('card BIN verification sends the BINs as a JSON array to the card BIN host', async () => {
    const record = { card_bin: '411111', card_brand: 'Visa', card_country: 'US' }
    const { transport, calls } = fakeTransport(() => xmlResponse(answer('cardBin', SANDBOX, { results: '00' }, [record])))
    const result = await testClient(transport).cardBin({ card_bin: ['411111', '522222'] })
    expect(calls[0]!.url).toBe('https://checkout.oceanpayment.com/pinc/check-card-bin')
    expect(JSON.parse(calls[0]!.body ?? '')).toMatchObject({ card_bin: [411111, 522222] })
    expect(result.records[0]).toMatchObject(record)
  })
})

describe('gateway client signatures and result codes', () => {
  it('rejects an answer whose signed content was changed', async () => {
    const tampered = answer('orderStatus', SANDBOX, {}, [PAYMENT]).replace('<order_amount>0.10</order_amount>', '<order_amount>1000.10</order_amount>')
    const { transport } = fakeTransport(() => xmlResponse(tampered))
    await expect(testClient(transport).orderStatus({ order_number: ['ae866'] })).rejects.toBeInstanceOf(GatewaySignatureError)
  })

  it('rejects a success answer without signValue, signed with another secureCode, or for another terminal', async () => {
    const fields = { payment_id: 'P', customs_results: '00' }
    const unsigned = buildXml('response', { account: '995378', terminal: '99537801', ...fields })
    const otherKey = answer('customsSubmission', { ...SANDBOX, secureCode: 'not-it' }, fields)
    const otherTerminal = answer('customsSubmission', { ...SANDBOX, terminal: '99537802' }, fields)
    const good = answer('customsSubmission', SANDBOX, fields)
    const params = { payment_id: 'P', price: '1', total_amount: '1', customs: 'c', customs_number: 'n', customs_name: 'm', shipping_fee: '0' }
    for (const body of [unsigned, otherKey, otherTerminal]) {
      const { transport, calls } = fakeTransport(() => xmlResponse(body))
      await expect(testClient(transport).customsSubmission(params)).rejects.toBeInstanceOf(GatewaySignatureError)
      expect(calls).toHaveLength(1)
    }
    const { transport } = fakeTransport(() => xmlResponse(good))
    await expect(testClient(transport).customsSubmission(params)).resolves.toMatchObject({ resultCode: '00' })
  })

  it('a pre-authorization answer with a bad signature is a GatewaySignatureError', async () => {
    const body = answer('preAuthorization', SANDBOX, { payment_id: 'P1', payment_authType: '1', auth_results: '00' }).replace(/<signValue>[0-9a-f]+<\/signValue>/, `<signValue>${'0'.repeat(64)}</signValue>`)
    const { transport, calls } = fakeTransport(() => xmlResponse(body))
    await expect(testClient(transport).preAuthorization({ payment_id: 'P1', payment_authType: '1' })).rejects.toBeInstanceOf(GatewaySignatureError)
    expect(calls).toHaveLength(1)
  })

  it('maps result codes through RESULT_CODES to typed rejections', async () => {
    const cases: Array<[string, string]> = [
      ['20', 'bad-signature'],
      ['21', 'unknown-terminal'],
      ['12', 'invalid-param'],
      ['30', 'not-found'],
      ['ZZ', 'system'],
    ]
    for (const [code, kind] of cases) {
      const { transport } = fakeTransport(() => xmlResponse(errorAnswer('trackingUpload', code, 'detail text')))
      const error = await testClient(transport)
        .trackingUpload({ payment_id: 'P', tracking_site: 'www.ups.com', tracking_handler: 'ops' })
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(GatewayRejectedError)
      expect(error).toMatchObject({ resultCode: code, kind, details: 'detail text', operation: 'trackingUpload' })
    }
  })

  it("accepts Oceanpayment's tracking success code 01", async () => {
    const { transport } = fakeTransport(() => xmlResponse(answer('trackingUpload', SANDBOX, { payment_id: 'P', tracking_results: '01' })))
    const result = await testClient(transport).trackingUpload({ payment_id: 'P', tracking_site: 'www.ups.com', tracking_handler: 'ops' })
    expect(result.resultCode).toBe('01')
  })

  it('refuses XML with a DOCTYPE (no entity expansion) and an unexpected root', async () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><response><results>00</results><details>&x;</details></response>'
    for (const body of [xxe, '<html><body>oops</body></html>', 'not xml']) {
      const { transport } = fakeTransport(() => xmlResponse(body))
      const error = await testClient(transport, { retry: { maxAttempts: 1 } })
        .healthCheck({ site: 'a.com' })
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(GatewayTransportError)
    }
  })

  it('a non-2xx status without a readable answer is a transport error with the status', async () => {
    const { transport } = fakeTransport(() => xmlResponse('Bad Gateway', 502))
    const error = await testClient(transport, { retry: { maxAttempts: 1 } })
      .orderStatus({ order_number: ['a'] })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatewayTransportError)
    expect(error).toMatchObject({ status: 502 })
  })
})

describe('gateway client timeouts and retries', () => {
  it('a query that never answers times out on every attempt and is retried with backoff', async () => {
    const delays: number[] = []
    const { transport, calls } = fakeTransport((request) => hangingResponse(request))
    const client = testClient(transport, { timeoutMs: 20, sleep: async (ms) => void delays.push(ms), random: () => 0.5 })
    const error = await client.orderStatus({ order_number: ['a'] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatewayTimeoutError)
    expect(error).toMatchObject({ attempts: 3, timeoutMs: 20 })
    expect(calls).toHaveLength(3)
    expect(calls.every((c) => c.signal?.aborted)).toBe(true)
    // full jitter with random 0.5: half of min(4, 1·2^(n−1))
    expect(delays).toEqual([0, 1])
  })

  it('times out even when the transport ignores the abort signal', async () => {
    const { transport } = fakeTransport(() => new Promise<never>(() => undefined))
    const started = Date.now()
    const error = await testClient(transport, { timeoutMs: 30, retry: { maxAttempts: 1 } })
      .businessOrders({ order_beginDate: '2024-01-01 00:00:00', order_endDate: '2024-01-02 00:00:00' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatewayTimeoutError)
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  it('retries a query after a 503 and a system-error code, then succeeds', async () => {
    const { transport, calls } = fakeTransport((_request, call) => {
      if (call === 1) return xmlResponse('unavailable', 503)
      if (call === 2) return xmlResponse(errorAnswer('refundQuery', '99'))
      return xmlResponse(answer('refundQuery', SANDBOX, {}, [{ refund_id: 'R1', refund_number: 'N1', refund_amount: '1.00', refund_status: '1' }]))
    })
    const result = await testClient(transport).refundQuery({ refund_number: 'N1' })
    expect(calls).toHaveLength(3)
    expect(result.records[0]).toMatchObject({ refund_id: 'R1', refund_status: '1' })
  })

  it('does not retry a query refused for a parameter, a 4xx or a bad signature', async () => {
    const bodies = [xmlResponse(errorAnswer('orderStatus', '12')), xmlResponse('no', 400), xmlResponse(answer('orderStatus', { ...SANDBOX, secureCode: 'x' }, {}, [PAYMENT]))]
    for (const response of bodies) {
      const { transport, calls } = fakeTransport(() => response)
      await expect(testClient(transport).orderStatus({ order_number: ['ae866'] })).rejects.toBeInstanceOf(Error)
      expect(calls).toHaveLength(1)
    }
  })

  it('never retries capture/void, tracking or customs, even after a timeout', async () => {
    const calls: GatewayHttpRequest[] = []
    const transport = (request: GatewayHttpRequest) => {
      calls.push(request)
      return hangingResponse(request)
    }
    const client = testClient(transport, { timeoutMs: 10 })
    await expect(client.preAuthorization({ payment_id: 'P', payment_authType: '1' })).rejects.toBeInstanceOf(GatewayTimeoutError)
    await expect(client.trackingUpload({ payment_id: 'P', tracking_site: 'www.ups.com', tracking_handler: 'ops' })).rejects.toBeInstanceOf(GatewayTimeoutError)
    await expect(
      client.customsSubmission({ payment_id: 'P', price: '1', total_amount: '1', customs: 'c', customs_number: 'n', customs_name: 'm', shipping_fee: '0' }),
    ).rejects.toBeInstanceOf(GatewayTimeoutError)
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual(['/gateway/service/auth', '/service/uploadTrackingNo', '/gateway/service/customsUpload'])
  })

  it('a network error on a query is retried, and reported by class name only', async () => {
    const { transport, calls } = fakeTransport(() => {
      throw new TypeError('fetch failed for https://x?secureCode=12345678')
    })
    const error = await testClient(transport).orderStatus({ order_number: ['a'] }).catch((e: unknown) => e)
    expect(calls).toHaveLength(3)
    expect(error).toBeInstanceOf(GatewayTransportError)
    expect((error as Error).message).toContain('TypeError')
    expect((error as Error).message).not.toContain('12345678')
    expect(formBody(calls[0]!)).toEqual(formBody(calls[2]!))
  })
})
