/**
 * The API client over a mocked Taro.request: what it sends (signed headers, the exact body), how every answer
 * becomes a typed error, which requests it repeats, and how it corrects a wrong phone clock.
 */
import { createHmac } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApiClient, type ApiClient } from '@/api/client'
import { ApiClientError } from '@/api/errors'
import type { ApiClientOptions } from '@/api/transport'
import { stringToSign as serverStringToSign } from '../../../server/src/auth/request-signing'

interface SentRequest {
  url: string
  method: string
  header: Record<string, string>
  data?: string
  dataType?: string
}

/** The injected transport: what the client hands to Taro.request in the app. */
const request = vi.fn()

const KEY = 'c0ffee'.repeat(10) + 'beef'
const NOW = 1_750_000_000_000

function answer(statusCode: number, body: unknown, header: Record<string, string> = {}) {
  return { statusCode, data: typeof body === 'string' ? body : JSON.stringify(body), header }
}
const apiError = (statusCode: number, code: string, extra: Record<string, unknown> = {}, header: Record<string, string> = {}) =>
  answer(statusCode, { error: { code, message: `${code} for the test`, ...extra } }, header)
const networkFailure = () => Promise.reject({ errMsg: 'request:fail timeout' })

function sent(index = 0): SentRequest {
  return request.mock.calls[index][0] as SentRequest
}

/** Verifies a sent request as the server would, with the server's own string to sign. */
function serverAccepts(req: SentRequest): boolean {
  const message = serverStringToSign(
    req.method,
    req.url,
    Buffer.from(req.data ?? '', 'utf8'),
    req.header['X-OP-Timestamp'],
    req.header['X-OP-Nonce'],
  )
  return createHmac('sha256', Buffer.from(KEY, 'hex')).update(message, 'utf8').digest('hex') === req.header['X-OP-Sign']
}

async function failure(promise: Promise<unknown>): Promise<ApiClientError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(ApiClientError)
  return error as ApiClientError
}

const sleep = vi.fn(() => Promise.resolve())
let credentials: { token: string; signingKey: string } | null

/** A fresh client per test: no clock offset, nonce counter or listener carries over. */
const client = (options: Partial<ApiClientOptions> = {}): ApiClient =>
  createApiClient({ transport: request, baseUrl: '', credentials: () => credentials, now: () => NOW, sleep, maxGetAttempts: 3, ...options })
let api: ApiClient

beforeEach(() => {
  request.mockReset()
  sleep.mockClear()
  credentials = { token: 'token-123', signingKey: KEY }
  api = client()
})

afterEach(() => vi.restoreAllMocks())

describe('what the client sends', () => {
  it('a signed GET: the four X-OP headers, a signature the server verifies, the filters in the URL', async () => {
    request.mockResolvedValue(answer(200, { items: [], nextCursor: null }))
    await api.fetchTransactions({ currency: 'USD', q: '订单 1', status: 'success', cursor: undefined })
    const req = sent()
    expect(req.method).toBe('GET')
    expect(req.url).toBe('/api/transactions?currency=USD&q=%E8%AE%A2%E5%8D%95%201&status=success')
    expect(req.data).toBeUndefined()
    expect(req.header['X-OP-Session']).toBe('token-123')
    expect(req.header['X-OP-Timestamp']).toBe(String(NOW))
    expect(req.header['X-OP-Nonce']).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
    expect(req.header['X-OP-Sign']).toMatch(/^[0-9a-f]{64}$/)
    expect(serverAccepts(req)).toBe(true)
    // The body is parsed by the client, so a non-JSON answer becomes a typed error, not a parser exception.
    expect(req.dataType).toBe('text')
  })

  it('a signed POST sends exactly the string it signed, {} when it has nothing to say', async () => {
    request.mockResolvedValue(answer(200, { expiresIn: 600 }))
    await api.heartbeat()
    expect(sent().data).toBe('{}')
    expect(sent().header['Content-Type']).toBe('application/json')
    expect(serverAccepts(sent())).toBe(true)

    request.mockResolvedValue(answer(200, { marked: 3 }))
    await api.markAllMessagesRead({ kind: 'chargeback' })
    expect(sent(1).data).toBe('{"kind":"chargeback"}')
    expect(serverAccepts(sent(1))).toBe(true)
  })

  it('the unsigned login sends no X-OP-* header at all, and its answer is returned as is', async () => {
    const body = { token: 't', signingKey: KEY, expiresIn: 600, profile: { userId: 'u1' } }
    request.mockResolvedValue(answer(200, body))
    await expect(api.login({ loginCode: 'l', phoneCode: 'p' })).resolves.toEqual(body)
    expect(Object.keys(sent().header).filter((name) => /^x-op-/i.test(name))).toEqual([])
    expect(sent().url).toBe('/api/auth/login')
    expect(JSON.parse(sent().data ?? '')).toEqual({ loginCode: 'l', phoneCode: 'p' })
  })

  it('the sandbox code endpoints are unsigned POSTs to the WeChat emulator', async () => {
    credentials = null
    request.mockResolvedValue(answer(200, { code: 'c1', expiresIn: 300 }))
    await expect(api.sandboxLoginCode()).resolves.toEqual({ code: 'c1', expiresIn: 300 })
    await api.sandboxPhoneCode('13800138000')
    expect([sent(0).url, sent(0).data]).toEqual(['/sandbox/wechat/dev/login', '{}'])
    expect([sent(1).url, sent(1).data]).toEqual(['/sandbox/wechat/dev/phone-code', '{"phone":"13800138000"}'])
    for (const index of [0, 1]) expect(Object.keys(sent(index).header).some((name) => /^x-op-/i.test(name))).toBe(false)
  })

  it('prefixes the configured base URL (weapp talks to the server origin)', async () => {
    request.mockResolvedValue(answer(200, {}))
    await client({ baseUrl: 'https://op.example.com' }).fetchTodos()
    expect(sent().url).toBe('https://op.example.com/api/todos')
  })

  it('without a session a signed call fails at once as session-expired, without sending or retrying', async () => {
    credentials = null
    const listener = vi.fn()
    const off = api.onSessionExpired(listener)
    const error = await failure(api.fetchTodos())
    off()
    expect(error.kind).toBe('session-expired')
    expect(request).not.toHaveBeenCalled()
    expect(sleep).not.toHaveBeenCalled()
    // The app shell hears it too (a page reached without logging in belongs on the login page), with the cause.
    expect(listener).toHaveBeenCalledWith('no-session')
  })
})

describe('answers mapped to error kinds', () => {
  it('401 SESSION_EXPIRED → session-expired, and every onSessionExpired listener hears it once', async () => {
    const first = vi.fn()
    const second = vi.fn()
    const offFirst = api.onSessionExpired(first)
    const offSecond = api.onSessionExpired(second)
    request.mockResolvedValue(apiError(401, 'SESSION_EXPIRED'))
    const error = await failure(api.fetchTodos())
    expect(error).toMatchObject({ kind: 'session-expired', code: 'SESSION_EXPIRED', status: 401 })
    expect(first).toHaveBeenCalledTimes(1)
    expect(first).toHaveBeenCalledWith('server')
    expect(second).toHaveBeenCalledTimes(1)
    offSecond()
    await failure(api.fetchTodos())
    expect(first).toHaveBeenCalledTimes(2)
    expect(second).toHaveBeenCalledTimes(1)
    offFirst()
  })

  it('a 401 with no API body is a dead session too', async () => {
    const listener = vi.fn()
    const off = api.onSessionExpired(listener)
    request.mockResolvedValue(answer(401, ''))
    expect(await failure(api.fetchTodos())).toMatchObject({ kind: 'session-expired', code: 'BAD_RESPONSE' })
    expect(listener).toHaveBeenCalledTimes(1)
    off()
  })

  it.each([
    [401, 'SIGNATURE_INVALID', 'signature'],
    [401, 'NONCE_REPLAYED', 'signature'],
    [400, 'VALIDATION_FAILED', 'validation'],
    [403, 'PHONE_NOT_BOUND', 'validation'],
    [404, 'NOT_FOUND', 'validation'],
    [409, 'CONFLICT', 'validation'],
    [429, 'TOO_MANY_REQUESTS', 'rate-limited'],
    [500, 'INTERNAL', 'server'],
    [502, 'WECHAT_UNAVAILABLE', 'server'],
  ] as const)('%i %s → %s (POST, so nothing is retried)', async (status, code, kind) => {
    const listener = vi.fn()
    const off = api.onSessionExpired(listener)
    request.mockResolvedValue(apiError(status, code))
    const error = await failure(api.heartbeat())
    off()
    expect(error).toMatchObject({ kind, code, status })
    expect(request).toHaveBeenCalledTimes(1)
    expect(listener).not.toHaveBeenCalled()
  })

  it('429 carries Retry-After; 5xx carries the request id to quote to support', async () => {
    request.mockResolvedValueOnce(apiError(429, 'TOO_MANY_REQUESTS', {}, { 'Retry-After': '95' }))
    expect(await failure(api.login({ loginCode: 'l', phoneCode: 'p' }))).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 95 })
    request.mockResolvedValueOnce(apiError(500, 'INTERNAL', { requestId: 'req-42' }))
    expect(await failure(api.heartbeat())).toMatchObject({ kind: 'server', requestId: 'req-42' })
  })

  it("the login's 409 carries the merchants to choose from (well-formed entries only)", async () => {
    const merchants = [{ account: '140105', name: '海洋示范' }, { account: '150207', name: 'Harbour' }, { account: 7 }]
    request.mockResolvedValue(apiError(409, 'CONFLICT', { merchants }))
    const error = await failure(api.login({ loginCode: 'l', phoneCode: 'p' }))
    expect(error.merchants).toEqual([
      { account: '140105', name: '海洋示范' },
      { account: '150207', name: 'Harbour' },
    ])
  })

  it('a network failure → network, status 0', async () => {
    request.mockImplementation(networkFailure)
    expect(await failure(api.heartbeat())).toMatchObject({ kind: 'network', code: 'NETWORK', status: 0 })
  })

  it('a body that is not JSON → server BAD_RESPONSE, on an error status and on a 200 alike', async () => {
    request.mockResolvedValue(answer(502, '<html>Bad gateway</html>'))
    expect(await failure(api.heartbeat())).toMatchObject({ kind: 'server', code: 'BAD_RESPONSE', status: 502 })
    request.mockResolvedValue(answer(200, '<html>Wi-Fi login</html>'))
    expect(await failure(api.heartbeat())).toMatchObject({ kind: 'server', code: 'BAD_RESPONSE', status: 200 })
  })

  it('an empty 2xx body (204 of logout) resolves to undefined', async () => {
    request.mockResolvedValue(answer(204, ''))
    await expect(api.heartbeat()).resolves.toBeUndefined()
  })
})

describe('retries', () => {
  it('a GET is tried 3 times on network failures, each attempt with a new nonce and a valid signature', async () => {
    request.mockImplementation(networkFailure)
    expect((await failure(api.fetchTodos())).kind).toBe('network')
    expect(request).toHaveBeenCalledTimes(3)
    expect(sleep).toHaveBeenCalledTimes(2)
    const nonces = [0, 1, 2].map((index) => sent(index).header['X-OP-Nonce'])
    expect(new Set(nonces).size).toBe(3)
    for (const index of [0, 1, 2]) expect(serverAccepts(sent(index))).toBe(true)
  })

  it('a GET that meets a 5xx is retried and succeeds when the server recovers', async () => {
    request
      .mockResolvedValueOnce(apiError(503, 'INTERNAL'))
      .mockImplementationOnce(networkFailure)
      .mockResolvedValueOnce(answer(200, { todayCount: 3 }))
    await expect(api.fetchTodos()).resolves.toEqual({ todayCount: 3 })
    expect(request).toHaveBeenCalledTimes(3)
  })

  it('a GET is not retried on a 4xx', async () => {
    request.mockResolvedValue(apiError(404, 'NOT_FOUND'))
    await failure(api.fetchTodos())
    expect(request).toHaveBeenCalledTimes(1)
  })

  it('a POST is never retried: not on a network failure, not on a 5xx', async () => {
    request.mockImplementation(networkFailure)
    await failure(api.markAllMessagesRead())
    request.mockResolvedValue(apiError(500, 'INTERNAL'))
    await failure(api.markAllMessagesRead())
    expect(request).toHaveBeenCalledTimes(2)
    expect(sleep).not.toHaveBeenCalled()
  })
})

describe('a phone with a wrong clock', () => {
  it('TIMESTAMP_OUT_OF_WINDOW with X-OP-Server-Time: the clock is corrected and the request signed again, once', async () => {
    const serverTime = NOW + 42 * 60_000
    request
      .mockResolvedValueOnce(apiError(401, 'TIMESTAMP_OUT_OF_WINDOW', {}, { 'X-OP-Server-Time': String(serverTime) }))
      .mockResolvedValueOnce(answer(200, { marked: 0 }))
    await expect(api.markAllMessagesRead()).resolves.toEqual({ marked: 0 })
    expect(request).toHaveBeenCalledTimes(2)
    expect(sent(1).header['X-OP-Timestamp']).toBe(String(serverTime))
    expect(sent(1).header['X-OP-Nonce']).not.toBe(sent(0).header['X-OP-Nonce'])
    expect(serverAccepts(sent(1))).toBe(true)

    // The offset is kept: the next request is on the server's time from the start.
    request.mockResolvedValueOnce(answer(200, {}))
    await api.fetchTodos()
    expect(sent(2).header['X-OP-Timestamp']).toBe(String(serverTime))
  })

  it('the learnt offset belongs to its client: another instance still signs on the phone clock', async () => {
    const serverTime = NOW + 42 * 60_000
    request
      .mockResolvedValueOnce(apiError(401, 'TIMESTAMP_OUT_OF_WINDOW', {}, { 'X-OP-Server-Time': String(serverTime) }))
      .mockResolvedValue(answer(200, {}))
    await api.heartbeat()
    await client().fetchTodos()
    expect(sent(2).header['X-OP-Timestamp']).toBe(String(NOW))
  })

  it('a second TIMESTAMP_OUT_OF_WINDOW is not corrected again: it fails as a signature error', async () => {
    request.mockResolvedValue(apiError(401, 'TIMESTAMP_OUT_OF_WINDOW', {}, { 'x-op-server-time': String(NOW + 3_600_000) }))
    expect(await failure(api.heartbeat())).toMatchObject({ kind: 'signature', code: 'TIMESTAMP_OUT_OF_WINDOW' })
    expect(request).toHaveBeenCalledTimes(2)
  })

  it('without X-OP-Server-Time nothing is corrected', async () => {
    request.mockResolvedValue(apiError(401, 'TIMESTAMP_OUT_OF_WINDOW'))
    await failure(api.heartbeat())
    expect(request).toHaveBeenCalledTimes(1)
  })
})
