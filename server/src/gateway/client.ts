/**
 * The gateway client: one typed method per order-management function. Each call is validated (nothing is sent
 * for an invalid one), signed, sent through the injected transport under a timeout, and its XML answer parsed,
 * signature-checked and mapped to a result or a typed error. Only queries are retried. A refund is never sent
 * twice: its refund_number is remembered before sending, and a lost or ambiguous answer is resolved with Refund
 * Query instead of a second request.
 *
 * The secureCode lives only in this closure: it is not a property of the client, of any error, or of any log
 * line.
 */
import type {
  ActionResult,
  BusinessOrdersResult,
  CardBinResult,
  DisputedOrdersResult,
  SuccessfulOrdersResult,
  GatewayClient,
  GatewayResult,
  OrderStatusResult,
  RefundQueryResult,
  RefundResult,
} from './client-types'
import {
  GatewayError,
  GatewayRefundOutcomeUnknownError,
  GatewayRejectedError,
  GatewaySignatureError,
  GatewayTimeoutError,
  GatewayTransportError,
  GatewayValidationError,
} from './errors'
import { OPERATIONS, type HostName, type OperationName, type Params } from './operations'
import { interpretResponse } from './response'
import type { ResultCode } from './result-codes'
import { backoffDelay, DEFAULT_RETRY, shouldRetry, type FailureKind, type RetryPolicy } from './retry'
import { signRequest } from './signature'
import type { GatewayHttpRequest, GatewayHttpResponse, GatewayLogger, GatewayTransport } from './transport'
import { validateParams } from './validate'

export interface GatewayCredentials {
  readonly account: string
  readonly terminal: string
  /** Secret: kept in the client's closure only. */
  readonly secureCode: string
}

export interface GatewayClientOptions {
  /** Base URL per host, without trailing slash (OCEANPAYMENT_*_BASE). */
  readonly baseUrls: Readonly<Record<HostName, string>>
  readonly credentials: GatewayCredentials
  readonly transport: GatewayTransport
  /** Per attempt. Default 10 s. */
  readonly timeoutMs?: number
  readonly retry?: Partial<RetryPolicy>
  /** Injected for tests; defaults to setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>
  /** In [0, 1); injected for tests; defaults to Math.random. */
  readonly random?: () => number
  readonly logger?: GatewayLogger
  /** Default true. Turn off only against a gateway whose answer signatures follow a different (unknown) rule. */
  readonly verifyResponseSignatures?: boolean
}

export const DEFAULT_TIMEOUT_MS = 10_000

/** How many refund_numbers a client remembers as sent; the oldest are forgotten first. */
const SENT_REFUNDS_CAPACITY = 10_000

type Attempt =
  | { readonly kind: 'ok'; readonly result: GatewayResult }
  | { readonly kind: 'failed'; readonly failure: FailureKind; readonly message: string; readonly status?: number; readonly entry?: ResultCode; readonly details?: string }

function failureForStatus(status: number): FailureKind {
  if (status === 429) return 'http-429'
  if (status >= 500) return 'http-5xx'
  return 'http-4xx'
}

/** Values become strings, lists become comma-separated; undefined stays undefined. */
function toParams(input: object): Record<string, string | undefined> {
  const params: Record<string, string | undefined> = {}
  for (const [key, value] of Object.entries(input) as Array<[string, unknown]>) {
    if (value === undefined) params[key] = undefined
    else if (Array.isArray(value)) params[key] = value.map(String).join(',')
    else params[key] = String(value)
  }
  return params
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const { account, terminal, secureCode } = options.credentials
  if (typeof secureCode !== 'string' || secureCode === '') {
    throw new Error('createGatewayClient: credentials.secureCode is required')
  }
  const transport = options.transport
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry }
  const sleep = options.sleep ?? defaultSleep
  const random = options.random ?? Math.random
  const logger = options.logger
  const verify = options.verifyResponseSignatures ?? true
  const baseUrls = Object.fromEntries(
    Object.entries(options.baseUrls).map(([host, url]) => [host, url.replace(/\/+$/, '')]),
  ) as Record<HostName, string>
  const sentRefunds = new Set<string>()

  function buildRequest(operation: OperationName, params: Params): GatewayHttpRequest {
    const spec = OPERATIONS[operation]
    const url = `${baseUrls[spec.host]}${spec.path}`
    const full: Record<string, string> = { account, terminal }
    for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') full[key] = value
    if (spec.encoding === 'form') {
      const body = new URLSearchParams({ ...full, signValue: signRequest(operation, full, secureCode) })
      return {
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', accept: 'application/xml, text/xml' },
        body: body.toString(),
      }
    }
    // Oceanpayment's example sends card BINs as JSON numbers; a 6-digit BIN is exact as a number.
    const json: Record<string, unknown> = { ...full }
    if (operation === 'cardBin') json.card_bin = (full.card_bin ?? '').split(',').map(Number)
    return {
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', accept: 'application/xml, text/xml', account, terminal, secureCode },
      body: JSON.stringify(json),
    }
  }

  async function attemptOnce(operation: OperationName, request: GatewayHttpRequest): Promise<Attempt> {
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        resolve('timeout')
        controller.abort(new Error('gateway timeout'))
      }, timeoutMs)
    })
    let outcome: 'timeout' | { response: GatewayHttpResponse } | { error: unknown }
    try {
      outcome = await Promise.race([
        transport({ ...request, signal: controller.signal }).then(
          (response) => ({ response }),
          (error: unknown) => ({ error }),
        ),
        timedOut,
      ])
    } finally {
      clearTimeout(timer)
    }
    if (outcome === 'timeout') return { kind: 'failed', failure: 'timeout', message: `no answer within ${timeoutMs} ms` }
    if ('error' in outcome) {
      // Only the error's class name: its message or properties could echo the request (and its headers).
      const name = outcome.error instanceof Error ? outcome.error.name : 'error'
      return { kind: 'failed', failure: 'network', message: `network error (${name})` }
    }
    const { status, body } = outcome.response
    const interpreted = interpretResponse(operation, body, { account, terminal, secureCode }, verify)
    if (interpreted.outcome === 'ok') {
      if (status >= 200 && status < 300) return { kind: 'ok', result: interpreted.result }
      return { kind: 'failed', failure: failureForStatus(status), message: `HTTP ${status}`, status }
    }
    if (interpreted.outcome === 'rejected') {
      const failure = interpreted.entry.kind === 'system' ? 'rejected-system' : 'rejected'
      return { kind: 'failed', failure, message: interpreted.entry.message, entry: interpreted.entry, details: interpreted.details, status }
    }
    if (interpreted.outcome === 'bad-signature') {
      return { kind: 'failed', failure: 'bad-signature', message: interpreted.message, status }
    }
    if (status < 200 || status >= 300) {
      return { kind: 'failed', failure: failureForStatus(status), message: `HTTP ${status}`, status }
    }
    return { kind: 'failed', failure: 'malformed-response', message: interpreted.message, status }
  }

  function toError(operation: OperationName, failed: Extract<Attempt, { kind: 'failed' }>, attempts: number): GatewayError {
    switch (failed.failure) {
      case 'timeout':
        return new GatewayTimeoutError(operation, attempts, timeoutMs)
      case 'rejected':
      case 'rejected-system':
        if (failed.entry) return new GatewayRejectedError(operation, failed.entry, failed.details ?? '')
        return new GatewayTransportError(operation, failed.message, attempts, failed.status)
      case 'bad-signature':
        return new GatewaySignatureError(operation, failed.message)
      default:
        return new GatewayTransportError(operation, failed.message, attempts, failed.status)
    }
  }

  async function execute(operation: OperationName, input: Params): Promise<GatewayResult> {
    const issues = validateParams(operation, { account, terminal, ...input })
    if (issues.length > 0) {
      logger?.warn({ operation, issues: issues.map(({ field, rule }) => ({ field, rule })) }, 'oceanpayment call refused: invalid parameters')
      throw new GatewayValidationError(operation, issues)
    }
    const spec = OPERATIONS[operation]
    const request = buildRequest(operation, input)
    const started = Date.now()
    for (let attempt = 1; ; attempt += 1) {
      logger?.debug({ operation, attempt, host: spec.host, path: spec.path }, 'oceanpayment call')
      const result = await attemptOnce(operation, request)
      if (result.kind === 'ok') {
        logger?.info({ operation, attempts: attempt, resultCode: result.result.resultCode, durationMs: Date.now() - started }, 'oceanpayment answered')
        return result.result
      }
      const context = { operation, attempt, failure: result.failure, status: result.status, resultCode: result.entry?.code }
      if (!shouldRetry({ retryable: spec.retryable, attempt, maxAttempts: policy.maxAttempts, failure: result.failure })) {
        logger?.warn({ ...context, durationMs: Date.now() - started }, 'oceanpayment call failed')
        throw toError(operation, result, attempt)
      }
      const delayMs = backoffDelay(attempt, policy, random)
      logger?.warn({ ...context, delayMs }, 'oceanpayment call failed; retrying')
      await sleep(delayMs)
    }
  }

  function rememberRefund(refundNumber: string): void {
    sentRefunds.add(refundNumber)
    if (sentRefunds.size > SENT_REFUNDS_CAPACITY) {
      const oldest = sentRefunds.values().next().value
      if (oldest !== undefined) sentRefunds.delete(oldest)
    }
  }

  /** Reads a sent refund back by its refund_number instead of sending it again. */
  async function resolveRefund(refundNumber: string, reason: string): Promise<RefundResult> {
    logger?.warn({ operation: 'refund', refundNumber, reason }, 'refund outcome not known from its answer; reading it back with Refund Query')
    let found: RefundQueryResult
    try {
      found = (await execute('refundQuery', { refund_number: refundNumber })) as RefundQueryResult
    } catch (error) {
      const why = error instanceof GatewayRejectedError && error.kind === 'not-found' ? 'Refund Query does not know it yet' : 'Refund Query failed'
      throw new GatewayRefundOutcomeUnknownError(refundNumber, `${reason}; ${why}`)
    }
    const record = found.records.find((row) => row.refund_number === refundNumber)
    if (record === undefined) throw new GatewayRefundOutcomeUnknownError(refundNumber, `${reason}; Refund Query does not list it`)
    return {
      resolvedBy: 'refund-query',
      resultCode: found.resultCode,
      details: record.refund_details,
      paymentId: record.payment_id,
      refundId: record.refund_id,
      refundNumber,
      status: record.refund_status,
    }
  }

  async function refund(input: Params): Promise<RefundResult> {
    const refundNumber = input.refund_number ?? ''
    if (refundNumber === '') {
      const issue = { field: 'refund_number', rule: 'required' as const, message: 'refund_number is required: it is the idempotency key that keeps a refund from being sent twice' }
      throw new GatewayValidationError('refund', [issue, ...validateParams('refund', { account, terminal, ...input })])
    }
    // Validate before remembering, so a refused call (never sent) can be corrected and sent.
    const issues = validateParams('refund', { account, terminal, ...input })
    if (issues.length > 0) throw new GatewayValidationError('refund', issues)
    if (sentRefunds.has(refundNumber)) return resolveRefund(refundNumber, 'already sent by this client')
    rememberRefund(refundNumber)
    try {
      const result = await execute('refund', input)
      return {
        resolvedBy: 'response',
        resultCode: result.resultCode,
        details: result.details,
        paymentId: result.fields.payment_id || (input.payment_id ?? ''),
        refundId: result.fields.refund_id ?? '',
        refundNumber: result.fields.refund_number || refundNumber,
      }
    } catch (error) {
      // A definitive rejection (bad parameter, not refundable…) created nothing; anything else may have.
      const definitive = error instanceof GatewayRejectedError && error.kind !== 'system' && error.kind !== 'duplicate'
      if (definitive || error instanceof GatewayValidationError) {
        // Oceanpayment said no: nothing was created, so the caller may correct the request and send it again.
        sentRefunds.delete(refundNumber)
        throw error
      }
      const reason = error instanceof GatewayRejectedError && error.kind === 'duplicate' ? 'refund_number already used' : 'no trustworthy answer'
      return resolveRefund(refundNumber, reason)
    }
  }

  return {
    orderStatus: async (params) => (await execute('orderStatus', toParams(params))) as OrderStatusResult,
    successfulOrders: async (params) => (await execute('successfulOrders', toParams(params))) as SuccessfulOrdersResult,
    businessOrders: async (params) => (await execute('businessOrders', toParams(params))) as BusinessOrdersResult,
    disputedOrders: async (params) => (await execute('disputedOrders', toParams(params))) as DisputedOrdersResult,
    preAuthorization: async (params) => (await execute('preAuthorization', toParams(params))) as ActionResult,
    refund: (params) => refund(toParams(params)),
    refundQuery: async (params) => (await execute('refundQuery', toParams(params))) as RefundQueryResult,
    trackingUpload: async (params) => (await execute('trackingUpload', toParams(params))) as ActionResult,
    customsSubmission: async (params) => (await execute('customsSubmission', toParams(params))) as ActionResult,
    healthCheck: async (params) => (await execute('healthCheck', toParams(params))) as ActionResult,
    cardBin: async (params) => (await execute('cardBin', toParams(params))) as CardBinResult,
  }
}
