/**
 * The one path from the mini-program to the assistant server, as a factory: `createRequester(options)` sends
 * through the injected transport (Taro.request in the app, a stub or the real server in tests), signs every /api/
 * call, and maps answers to ApiClientError. Everything it learns (the clock offset, the nonce counter, the
 * session-loss listeners) belongs to the instance: a test makes its own and shares nothing with the app's.
 * It never toasts or navigates: the app layer subscribes to `onSessionExpired`.
 *
 * Retries: a GET is retried on a network failure or a 5xx (capped exponential backoff with jitter, a new nonce and
 * signature per attempt); a POST is sent once, except after TIMESTAMP_OUT_OF_WINDOW, which the server answers
 * before doing anything, so the client corrects its clock from X-OP-Server-Time and signs again.
 */
import { ACTION_FAILURES, type ActionFailure } from '@contract/actions'
import type { ApiErrorBody } from '@contract/api'
import { ApiClientError, errorKindFor, type MerchantChoice } from './errors'
import { createNonceSource, signRequest } from './signing'

export interface Credentials {
  token: string
  /** 64 hex characters from the login answer. */
  signingKey: string
}

/** One HTTP request as the transport receives it: Taro.request's options (the body is the exact signed string). */
export interface TransportRequest {
  url: string
  method: HttpMethod
  header: Record<string, string>
  data: string | undefined
  /** Parsed by the client: an empty 204 or a proxy's HTML page must become a typed error, not a parser exception. */
  dataType: 'text'
  responseType: 'text'
  timeout: number
}

export interface TransportAnswer {
  statusCode: number
  data: unknown
  header?: unknown
}

/** Sends one request; rejects (e.g. with Taro's `{ errMsg }`) only when no answer came: offline, DNS, timeout. */
export type Transport = (request: TransportRequest) => Promise<TransportAnswer>

export interface ApiClientOptions {
  transport: Transport
  /** '' in H5 (same origin as the server); the server's https origin in weapp (TARO_APP_API_BASE). */
  baseUrl: string
  /** The live session, or null when logged out. */
  credentials: () => Credentials | null
  /** The phone's clock; default Date.now. */
  now?: () => number
  /** Waits between the attempts of a GET; default setTimeout. */
  sleep?: (ms: number) => Promise<void>
  /** Per attempt; default 15 s. */
  timeoutMs?: number
  /** Attempts of a GET in all (1 = no retry); default 3. */
  maxGetAttempts?: number
}

export type QueryValue = string | number | boolean | null | undefined
export type Query = Readonly<Record<string, QueryValue>>

/** PUT only sets the action PIN (`PUT /api/actions/pin`); it is sent once, like a POST. */
export type HttpMethod = 'GET' | 'POST' | 'PUT'

export interface RequestOptions {
  method: HttpMethod
  /** Path under the base URL, e.g. `/api/transactions`. */
  path: string
  query?: Query
  body?: unknown
  /** Login is the one unsigned call. Default true. */
  signed?: boolean
  /**
   * Extra headers, e.g. the Idempotency-Key of a money-moving POST (contract/actions.ts). They are not signed:
   * the server reads the key beside the signature, and the same key must survive a re-signed retry.
   */
  headers?: Readonly<Record<string, string>>
}

export type ApiRequest = <T>(options: RequestOptions) => Promise<T>

/**
 * Why a call found no live session: the server said so (idle, logged out, account disabled), or there was no
 * session to sign with at all (a page reached without logging in). Either way the app belongs on the login page.
 */
export type SessionLossCause = 'server' | 'no-session'

export interface Requester {
  request: ApiRequest
  /** Called once per request that finds the session dead. Returns the unsubscribe function. */
  onSessionExpired: (listener: (cause: SessionLossCause) => void) => () => void
}

export function buildQueryString(query: Query | undefined): string {
  if (query === undefined) return ''
  const pairs: string[] = []
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  }
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`
}

interface RawAnswer {
  statusCode: number
  data: unknown
  header: Record<string, string>
}

export function createRequester(options: ApiClientOptions): Requester {
  const { transport, baseUrl, credentials } = options
  const now = options.now ?? (() => Date.now())
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const timeoutMs = options.timeoutMs ?? 15_000
  const maxGetAttempts = options.maxGetAttempts ?? 3
  const createNonce = createNonceSource()
  /** Server clock minus ours, learnt from X-OP-Server-Time: a phone with a wrong clock still signs valid requests. */
  let clockOffsetMs = 0
  const expiredListeners = new Set<(cause: SessionLossCause) => void>()

  function notifySessionLoss(cause: SessionLossCause): void {
    for (const listener of [...expiredListeners]) listener(cause)
  }

  async function send(call: RequestOptions, url: string, body: string): Promise<RawAnswer> {
    const header: Record<string, string> = { ...call.headers, Accept: 'application/json' }
    if (body !== '') header['Content-Type'] = 'application/json'
    if (call.signed !== false) {
      const session = credentials()
      if (session === null) {
        throw new ApiClientError({ kind: 'session-expired', code: 'SESSION_EXPIRED', status: 401, message: 'not logged in' })
      }
      const timestamp = now() + clockOffsetMs
      const nonce = createNonce(timestamp)
      header['X-OP-Session'] = session.token
      header['X-OP-Timestamp'] = String(timestamp)
      header['X-OP-Nonce'] = nonce
      header['X-OP-Sign'] = signRequest(session.signingKey, { method: call.method, url, body, timestamp, nonce })
    }
    try {
      const response = await transport({
        url: `${baseUrl}${url}`,
        method: call.method,
        header,
        // Sent as the exact string that was signed; an object would be serialised again by the platform.
        data: body === '' ? undefined : body,
        dataType: 'text',
        responseType: 'text',
        timeout: timeoutMs,
      })
      return { statusCode: response.statusCode, data: parseBody(response.data), header: normaliseHeader(response.header) }
    } catch (error) {
      if (error instanceof ApiClientError) throw error
      const reason = (error as { errMsg?: string } | undefined)?.errMsg ?? String(error)
      throw new ApiClientError({ kind: 'network', code: 'NETWORK', status: 0, message: `no answer from the server: ${reason}` })
    }
  }

  async function request<T>(call: RequestOptions): Promise<T> {
    const url = `${call.path}${buildQueryString(call.query)}`
    // A POST always carries a JSON body ({} when it has nothing to say): WeChat sends Content-Type application/json
    // on every request, and an empty JSON body is a 400 on the server.
    const body = call.method === 'GET' ? '' : JSON.stringify(call.body ?? {})
    const attempts = call.method === 'GET' ? Math.max(1, maxGetAttempts) : 1
    let clockCorrected = false

    for (let attempt = 1; ; attempt += 1) {
      let answer: RawAnswer
      try {
        answer = await send(call, url, body)
      } catch (error) {
        // Only a request that got no answer is worth repeating; "not logged in" would fail the same way again.
        if (error instanceof ApiClientError && error.kind === 'network' && attempt < attempts) {
          await sleep(backoffMs(attempt))
          continue
        }
        if (error instanceof ApiClientError && error.kind === 'session-expired') notifySessionLoss('no-session')
        throw error
      }
      const { statusCode, data } = answer
      if (statusCode >= 200 && statusCode < 300) {
        // A captive portal or proxy can answer 200 with an HTML page: that is not our API's answer.
        if (data === UNPARSABLE) {
          const message = `HTTP ${statusCode} with a body that is not JSON`
          throw new ApiClientError({ kind: 'server', code: 'BAD_RESPONSE', status: statusCode, message })
        }
        return data as T
      }

      const error = toError(answer)
      if (error.code === 'TIMESTAMP_OUT_OF_WINDOW' && !clockCorrected) {
        const serverTime = Number(headerValue(answer.header, 'x-op-server-time'))
        if (Number.isFinite(serverTime) && serverTime > 0) {
          clockOffsetMs = serverTime - now()
          clockCorrected = true
          attempt -= 1 // a clock correction is not a retry of the request
          continue
        }
      }
      if (error.kind === 'session-expired' && call.signed !== false) {
        notifySessionLoss('server')
      }
      if (error.kind === 'server' && attempt < attempts) {
        await sleep(backoffMs(attempt))
        continue
      }
      throw error
    }
  }

  return {
    request,
    onSessionExpired: (listener) => {
      expiredListeners.add(listener)
      return () => void expiredListeners.delete(listener)
    },
  }
}

/** Full jitter over 300 ms · 2^(attempt−1), capped at 3 s. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(3_000, 300 * 2 ** (attempt - 1)))
}

/** What parseBody returns for a body that is not JSON. */
const UNPARSABLE: unique symbol = Symbol('unparsable body')

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data
  if (data.trim() === '') return undefined
  try {
    return JSON.parse(data) as unknown
  } catch {
    return UNPARSABLE
  }
}

function normaliseHeader(header: unknown): Record<string, string> {
  const result: Record<string, string> = {}
  if (header !== null && typeof header === 'object') {
    for (const [key, value] of Object.entries(header as Record<string, unknown>)) result[key.toLowerCase()] = String(value)
  }
  return result
}

function headerValue(header: Record<string, string>, name: string): string | undefined {
  return header[name.toLowerCase()]
}

function toError(answer: RawAnswer): ApiClientError {
  const body = answer.data as Partial<ApiErrorBody> | undefined
  const apiError = body !== undefined && body !== null && typeof body === 'object' ? body.error : undefined
  if (apiError === undefined || typeof apiError.code !== 'string') {
    return new ApiClientError({
      kind: answer.statusCode === 401 ? 'session-expired' : answer.statusCode === 429 ? 'rate-limited' : 'server',
      code: 'BAD_RESPONSE',
      status: answer.statusCode,
      message: `HTTP ${answer.statusCode} without an API error body`,
    })
  }
  return new ApiClientError({
    kind: errorKindFor(answer.statusCode, apiError.code),
    code: apiError.code,
    status: answer.statusCode,
    message: apiError.message,
    requestId: apiError.requestId,
    retryAfterSeconds: retryAfterSeconds(answer.header),
    merchants: merchantChoices(apiError.merchants),
    failure: isActionFailure(apiError.failure) ? apiError.failure : undefined,
    triesLeft: typeof apiError.triesLeft === 'number' && Number.isInteger(apiError.triesLeft) ? apiError.triesLeft : undefined,
  })
}

function isActionFailure(value: unknown): value is ActionFailure {
  return typeof value === 'string' && (ACTION_FAILURES as readonly string[]).includes(value)
}

/** Retry-After in seconds (the server only sends the delta form). */
function retryAfterSeconds(header: Record<string, string>): number | undefined {
  const value = Number(headerValue(header, 'retry-after'))
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : undefined
}

/** Only well-formed entries: the list becomes buttons, and a malformed one must not become an empty button. */
function merchantChoices(value: unknown): MerchantChoice[] | undefined {
  if (!Array.isArray(value)) return undefined
  const choices = value.filter(
    (entry): entry is MerchantChoice =>
      entry !== null && typeof entry === 'object' && typeof entry.account === 'string' && typeof entry.name === 'string',
  )
  return choices.length > 0 ? choices.map(({ account, name }) => ({ account, name })) : undefined
}
