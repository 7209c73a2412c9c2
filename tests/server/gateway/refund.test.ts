/**
 * Refund safety: a refund is never sent twice by the SDK. A lost or untrustworthy answer is resolved with Refund
 * Query by refund_number, and calling refund() again with the same refund_number never re-sends it.
 */
import { describe, expect, it } from 'vitest'
import {
  GatewayRefundOutcomeUnknownError,
  GatewayRejectedError,
  GatewayValidationError,
  type GatewayHttpRequest,
} from '../../../server/src/gateway'
import { answer, errorAnswer, fakeTransport, hangingResponse, SANDBOX, testClient, xmlResponse } from './fake-gateway'

const REFUND = { payment_id: 'P-1', refund_number: 'RF-1', refund_type: '2', refund_amount: '5.00', refund_description: 'damaged' } as const
const RECORD = { refund_id: 'RID-9', refund_number: 'RF-1', payment_id: 'P-1', refund_amount: '5.00', refund_status: '-1', refund_details: 'processing' }

const isApply = (request: GatewayHttpRequest) => request.url.endsWith('/service/applyRefund')
const isQuery = (request: GatewayHttpRequest) => request.url.endsWith('/service/queryRefund')

describe('refund idempotency', () => {
  it('a refund whose first attempt timed out is resolved by Refund Query, not re-sent — also when retried', async () => {
    const { transport, calls } = fakeTransport((request) =>
      isApply(request) ? hangingResponse(request) : xmlResponse(answer('refundQuery', SANDBOX, {}, [RECORD])),
    )
    const client = testClient(transport, { timeoutMs: 20 })
    const first = await client.refund(REFUND)
    expect(first).toMatchObject({ resolvedBy: 'refund-query', refundId: 'RID-9', refundNumber: 'RF-1', status: '-1' })
    // The caller retries (a second tap, a job re-run): still one refund request in all.
    const again = await client.refund(REFUND)
    expect(again).toMatchObject({ resolvedBy: 'refund-query', refundId: 'RID-9' })
    expect(calls.filter(isApply)).toHaveLength(1)
    expect(calls.filter(isQuery)).toHaveLength(2)
  })

  it('when Refund Query does not know it yet, the outcome is unknown and the refund is still never re-sent', async () => {
    const { transport, calls } = fakeTransport((request) =>
      isApply(request) ? hangingResponse(request) : xmlResponse(errorAnswer('refundQuery', '31', 'no such refund')),
    )
    const client = testClient(transport, { timeoutMs: 20 })
    const error = await client.refund(REFUND).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatewayRefundOutcomeUnknownError)
    expect(error).toMatchObject({ refundNumber: 'RF-1' })
    await expect(client.refund(REFUND)).rejects.toBeInstanceOf(GatewayRefundOutcomeUnknownError)
    await expect(client.refund({ ...REFUND, refund_amount: '6.00' })).rejects.toBeInstanceOf(GatewayRefundOutcomeUnknownError)
    expect(calls.filter(isApply)).toHaveLength(1)
  })

  it('a network error or a 5xx answer is also resolved by Refund Query, never retried', async () => {
    for (const fail of [() => Promise.reject(new Error('socket hang up')), () => Promise.resolve(xmlResponse('oops', 502))]) {
      const { transport, calls } = fakeTransport((request) => (isApply(request) ? fail() : xmlResponse(answer('refundQuery', SANDBOX, {}, [RECORD]))))
      await expect(testClient(transport).refund(REFUND)).resolves.toMatchObject({ resolvedBy: 'refund-query' })
      expect(calls.filter(isApply)).toHaveLength(1)
    }
  })

  it('a duplicate refund_number answer returns the existing refund', async () => {
    const { transport, calls } = fakeTransport((request) =>
      isApply(request) ? xmlResponse(errorAnswer('refund', '50')) : xmlResponse(answer('refundQuery', SANDBOX, {}, [{ ...RECORD, refund_status: '1' }])),
    )
    await expect(testClient(transport).refund(REFUND)).resolves.toMatchObject({ resolvedBy: 'refund-query', status: '1' })
    expect(calls.filter(isApply)).toHaveLength(1)
  })

  it('a normal answer is returned as is', async () => {
    const { transport, calls } = fakeTransport(() =>
      xmlResponse(answer('refund', SANDBOX, { payment_id: 'P-1', refund_id: 'RID-9', refund_number: 'RF-1', refund_results: '00', refund_details: 'accepted' })),
    )
    const result = await testClient(transport).refund(REFUND)
    expect(result).toEqual({ resolvedBy: 'response', resultCode: '00', details: 'accepted', paymentId: 'P-1', refundId: 'RID-9', refundNumber: 'RF-1' })
    expect(calls).toHaveLength(1)
  })

  it('a definitive rejection is thrown, not resolved, and the corrected refund may then be sent', async () => {
    const { transport, calls } = fakeTransport((_request, call) =>
      call === 1
        ? xmlResponse(errorAnswer('refund', '41', 'exceeds'))
        : xmlResponse(answer('refund', SANDBOX, { payment_id: 'P-1', refund_id: 'RID-9', refund_number: 'RF-1' })),
    )
    const client = testClient(transport)
    const error = await client.refund(REFUND).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GatewayRejectedError)
    expect(error).toMatchObject({ kind: 'state', resultCode: '41', details: 'exceeds' })
    await expect(client.refund({ ...REFUND, refund_amount: '4.00' })).resolves.toMatchObject({ resolvedBy: 'response', refundId: 'RID-9' })
    expect(calls.filter(isQuery)).toHaveLength(0)
    expect(calls.filter(isApply)).toHaveLength(2)
  })

  it('refund_number is required by the SDK, and an invalid refund can be corrected and sent', async () => {
    const { transport, calls } = fakeTransport(() => xmlResponse(answer('refund', SANDBOX, { payment_id: 'P-1', refund_id: 'R', refund_number: 'RF-1' })))
    const client = testClient(transport)
    const missing = await client.refund({ ...REFUND, refund_number: '' }).catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(GatewayValidationError)
    expect((missing as GatewayValidationError).issues[0]).toMatchObject({ field: 'refund_number', rule: 'required' })
    await expect(client.refund({ ...REFUND, refund_amount: 'five' })).rejects.toBeInstanceOf(GatewayValidationError)
    expect(calls).toHaveLength(0)
    await expect(client.refund(REFUND)).resolves.toMatchObject({ resolvedBy: 'response' })
    expect(calls.filter(isApply)).toHaveLength(1)
  })
})
