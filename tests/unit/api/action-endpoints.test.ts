/**
 * The action endpoints over a mocked transport: the Idempotency-Key header on money-moving POSTs (sent beside a
 * valid signature, never retried automatically), PUT for the PIN, and the action error fields on ApiClientError.
 */
import { createHmac } from 'node:crypto'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { actionEndpoints } from '@/api/action-endpoints'
import { createApiClient } from '@/api/client'
import { ApiClientError } from '@/api/errors'
import { createIdempotencyKey, isIdempotencyKey } from '@/api/idempotency'
import { toolEndpoints } from '@/api/tool-endpoints'
import { stringToSign as serverStringToSign } from '../../../server/src/auth/request-signing'

interface SentRequest {
  url: string
  method: string
  header: Record<string, string>
  data?: string
}

const KEY = 'c0ffee'.repeat(10) + 'beef'
const request = vi.fn()
const sent = (index = 0) => request.mock.calls[index][0] as SentRequest
const answer = (statusCode: number, body: unknown) => ({ statusCode, data: JSON.stringify(body), header: {} })

function serverAccepts(req: SentRequest): boolean {
  const message = serverStringToSign(req.method, req.url, Buffer.from(req.data ?? '', 'utf8'), req.header['X-OP-Timestamp'], req.header['X-OP-Nonce'])
  return createHmac('sha256', Buffer.from(KEY, 'hex')).update(message, 'utf8').digest('hex') === req.header['X-OP-Sign']
}

const client = () =>
  createApiClient({ transport: request, baseUrl: '', credentials: () => ({ token: 't', signingKey: KEY }), sleep: () => Promise.resolve() })

beforeEach(() => request.mockReset())

describe('money-moving POSTs', () => {
  it('carry the Idempotency-Key beside a valid signature', async () => {
    request.mockResolvedValue(answer(201, { id: 'a1', status: 'pending' }))
    const actions = actionEndpoints(client().request)
    await actions.refund('2610011401050016538', { amount: '12.50', reason: 'Customer returned it', pin: '123456' }, 'op-key-0001')
    const req = sent()
    expect(req).toMatchObject({ method: 'POST', url: '/api/transactions/2610011401050016538/refunds' })
    expect(req.header['Idempotency-Key']).toBe('op-key-0001')
    expect(JSON.parse(req.data ?? '')).toEqual({ amount: '12.50', reason: 'Customer returned it', pin: '123456' })
    expect(serverAccepts(req)).toBe(true)
  })

  it('are sent once even when the server fails (the user retries, with the same key)', async () => {
    request.mockResolvedValue(answer(503, { error: { code: 'SERVICE_UNAVAILABLE', message: 'busy' } }))
    const actions = actionEndpoints(client().request)
    await expect(actions.capture('p1', { amount: '1.00', pin: '123456' }, 'op-key-0002')).rejects.toBeInstanceOf(ApiClientError)
    expect(request).toHaveBeenCalledTimes(1)
    await expect(actions.capture('p1', { amount: '1.00', pin: '123456' }, 'op-key-0002')).rejects.toBeInstanceOf(ApiClientError)
    expect(sent(1).header['Idempotency-Key']).toBe(sent(0).header['Idempotency-Key'])
    expect(sent(1).header['X-OP-Nonce']).not.toBe(sent(0).header['X-OP-Nonce'])
  })

  it('void and the PIN use their own routes; PUT is signed like a POST', async () => {
    request.mockResolvedValue(answer(204, ''))
    const actions = actionEndpoints(client().request)
    await actions.setPin({ pin: '135790' })
    expect(sent()).toMatchObject({ method: 'PUT', url: '/api/actions/pin' })
    expect(serverAccepts(sent())).toBe(true)
    await actions.voidAuthorization('p 2', { pin: '135790' }, 'op-key-0003')
    expect(sent(1)).toMatchObject({ method: 'POST', url: '/api/transactions/p%202/void' })
  })

  it('tool calls go to their routes without a key', async () => {
    request.mockResolvedValue(answer(200, { orders: [] }))
    await toolEndpoints(client().request).lookupOrders({ orderNumbers: ['A1'] })
    expect(sent()).toMatchObject({ method: 'POST', url: '/api/tools/order-status' })
    expect(sent().header['Idempotency-Key']).toBeUndefined()
  })
})

describe('action errors', () => {
  it('keep why (failure) and the tries left; ignore values outside the contract', async () => {
    const actions = actionEndpoints(client().request)
    request.mockResolvedValueOnce(answer(422, { error: { code: 'ACTION_REFUSED', message: 'x', failure: 'amount-exceeds-refundable' } }))
    const refused = await actions.refund('p', { amount: '1', reason: 'r', pin: '123456' }, 'op-key-0004').catch((e: unknown) => e)
    expect(refused).toMatchObject({ code: 'ACTION_REFUSED', kind: 'validation', failure: 'amount-exceeds-refundable' })
    request.mockResolvedValueOnce(answer(403, { error: { code: 'ACTION_PIN_WRONG', message: 'x', triesLeft: 3 } }))
    const wrong = await actions.refund('p', { amount: '1', reason: 'r', pin: '000000' }, 'op-key-0004').catch((e: unknown) => e)
    expect(wrong).toMatchObject({ code: 'ACTION_PIN_WRONG', triesLeft: 3 })
    request.mockResolvedValueOnce(answer(422, { error: { code: 'ACTION_REFUSED', message: 'x', failure: 'made-up', triesLeft: 'two' } }))
    const odd = (await actions.refund('p', { amount: '1', reason: 'r', pin: '000000' }, 'op-key-0004').catch((e: unknown) => e)) as ApiClientError
    expect(odd.failure).toBeUndefined()
    expect(odd.triesLeft).toBeUndefined()
  })
})

describe('idempotency keys', () => {
  it('match the contract pattern and differ between sheet openings', () => {
    const keys = new Set(Array.from({ length: 500 }, (_, i) => createIdempotencyKey(1_750_000_000_000 + (i % 3))))
    expect(keys.size).toBe(500)
    for (const key of keys) expect(isIdempotencyKey(key), key).toBe(true)
    expect(isIdempotencyKey('short')).toBe(false)
    expect(isIdempotencyKey('has space in it')).toBe(false)
  })
})
