/**
 * Test doubles for the gateway SDK: a recording fake transport and correctly signed XML answers built with the
 * SDK's own tables (the same way the sandbox answers). Test-only.
 */
import {
  buildXml,
  createGatewayClient,
  OPERATIONS,
  signResponse,
  type GatewayClientOptions,
  type GatewayHttpRequest,
  type GatewayHttpResponse,
  type OperationName,
  type XmlInputRecord,
} from '../../../server/src/gateway'

export const SANDBOX = { account: '995378', terminal: '99537801', secureCode: '12345678' } as const
export const DEMO = { account: '140105', terminal: '14010588', secureCode: 'demo14010588sc' } as const

export const BASE_URLS = {
  query: 'https://test-query.oceanpayment.com',
  secure: 'https://test-secure.oceanpayment.com',
  checkout: 'https://test-checkout.oceanpayment.com',
  cardBin: 'https://checkout.oceanpayment.com',
} as const

export interface Credentials {
  account: string
  terminal: string
  secureCode: string
}

/** A signed answer for `operation`: scalar `fields` (result code '00' unless given) and optional records. */
export function answer(
  operation: OperationName,
  credentials: Credentials,
  fields: Record<string, string> = {},
  records: Array<Record<string, string>> = [],
): string {
  const spec = OPERATIONS[operation].response
  const root: Record<string, string> = { account: credentials.account, terminal: credentials.terminal }
  if (!spec.resultOptional) root[spec.resultField] = '00'
  Object.assign(root, fields)
  const signedRecords = records.map((record) => {
    const fieldsToSign = spec.signature?.record
    return fieldsToSign ? { ...record, signValue: signResponse(credentials, fieldsToSign, record, credentials.secureCode) } : record
  })
  const rootFields = spec.signature?.root
  const body: XmlInputRecord = {
    ...root,
    ...(rootFields ? { signValue: signResponse(credentials, rootFields, root, credentials.secureCode) } : {}),
    ...(spec.records && signedRecords.length > 0 ? { [spec.records.element]: signedRecords } : {}),
  }
  return buildXml(spec.root, body)
}

/** An unsigned error answer with result `code`. */
export function errorAnswer(operation: OperationName, code: string, details = 'error'): string {
  const spec = OPERATIONS[operation].response
  return buildXml(spec.root, { [spec.resultField]: code, [spec.detailsField]: details })
}

export type Responder = (request: GatewayHttpRequest, call: number) => Promise<GatewayHttpResponse> | GatewayHttpResponse

export function xmlResponse(body: string, status = 200): GatewayHttpResponse {
  return { status, headers: { 'content-type': 'application/xml' }, body }
}

/** A transport that records every request and answers through `responder`. */
export function fakeTransport(responder: Responder) {
  const calls: GatewayHttpRequest[] = []
  const transport = async (request: GatewayHttpRequest): Promise<GatewayHttpResponse> => {
    calls.push(request)
    return responder(request, calls.length)
  }
  return { transport, calls }
}

/** Never answers; rejects when aborted, as a well-behaved transport must. */
export function hangingResponse(request: GatewayHttpRequest): Promise<GatewayHttpResponse> {
  return new Promise((_, reject) => {
    request.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true })
  })
}

export function formBody(request: GatewayHttpRequest): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(request.body ?? ''))
}

export function testClient(
  transport: GatewayClientOptions['transport'],
  overrides: Partial<GatewayClientOptions> = {},
  credentials: Credentials = SANDBOX,
) {
  return createGatewayClient({
    baseUrls: BASE_URLS,
    credentials,
    transport,
    timeoutMs: 50,
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 4 },
    sleep: async () => undefined,
    ...overrides,
  })
}

/** Calls a client method by operation name with untyped params, as a JavaScript caller could. */
export function callOperation(client: object, operation: OperationName, params: Record<string, unknown>): Promise<unknown> {
  const method = (client as Record<string, (input: Record<string, unknown>) => Promise<unknown>>)[operation]
  if (method === undefined) throw new Error(`no method ${operation}`)
  return method(params)
}
