/**
 * The secureCode never leaves the client: not in a log line (every method run, successes and failures, with pino
 * writing to memory at debug level), not in a thrown error's message, enumerable fields or JSON, not in the client.
 */
import { inspect } from 'node:util'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { OPERATION_NAMES, OPERATIONS, type GatewayHttpRequest, type GatewayHttpResponse, type OperationName } from '../../../server/src/gateway'
import { answer, callOperation, errorAnswer, hangingResponse, testClient, xmlResponse } from './fake-gateway'

const CREDENTIALS = { account: '140105', terminal: '14010588', secureCode: 'Zq7-very-secret-code' }
const SECRET = CREDENTIALS.secureCode

const VALID: Record<OperationName, Record<string, unknown>> = {
  orderStatus: { order_number: ['A1', 'A2'] },
  successfulOrders: { order_beginDate: '2024-01-01 00:00:00', order_endDate: '2024-01-02 00:00:00' },
  businessOrders: { order_beginDate: '2024-01-01 00:00:00', order_endDate: '2024-01-02 00:00:00', count: '50' },
  disputedOrders: { order_beginDate: '2024-01-01 00:00:00', order_endDate: '2024-01-02 00:00:00' },
  preAuthorization: { payment_id: 'P1', payment_authType: '1' },
  refund: { payment_id: 'P1', refund_number: 'N1', refund_type: '1', refund_amount: '1.00', refund_description: 'd' },
  refundQuery: { refund_number: 'N1' },
  trackingUpload: { payment_id: 'P1', tracking_number: 'T1', tracking_site: 'www.ups.com', tracking_handler: 'ops' },
  customsSubmission: { payment_id: 'P1', price: '1', total_amount: '1', customs: 'c', customs_number: 'n', customs_name: 'm', shipping_fee: '0' },
  healthCheck: { site: 'a.com' },
  cardBin: { card_bin: ['411111'] },
}

function operationOf(request: GatewayHttpRequest): OperationName {
  const path = new URL(request.url).pathname
  const paths: Record<string, OperationName> = {
    '/service/check/normal': 'orderStatus',
    '/service/QueryOrdersList': 'successfulOrders',
    '/service/BusinessOrdersList': 'businessOrders',
    '/service/DisputeOrderList': 'disputedOrders',
    '/gateway/service/auth': 'preAuthorization',
    '/service/applyRefund': 'refund',
    '/service/queryRefund': 'refundQuery',
    '/service/uploadTrackingNo': 'trackingUpload',
    '/gateway/service/customsUpload': 'customsSubmission',
    '/pinc/check-account': 'healthCheck',
    '/pinc/check-card-bin': 'cardBin',
  }
  const operation = paths[path]
  if (operation === undefined) throw new Error(`unexpected path ${path}`)
  return operation
}

type Mode = 'ok' | 'rejected' | 'timeout' | 'bad-signature' | 'network'

function transportFor(mode: Mode) {
  return async (request: GatewayHttpRequest): Promise<GatewayHttpResponse> => {
    const operation = operationOf(request)
    if (mode === 'timeout') return hangingResponse(request)
    if (mode === 'network') throw Object.assign(new Error(`connect failed ${request.headers.secureCode ?? ''}`), { request })
    if (mode === 'rejected') return xmlResponse(errorAnswer(operation, '20', 'signValue does not match'))
    const credentials = mode === 'bad-signature' ? { ...CREDENTIALS, secureCode: 'wrong' } : CREDENTIALS
    const records = operation === 'refundQuery' ? [{ refund_id: 'R1', refund_number: 'N1', refund_status: '1' }] : [{ payment_id: 'P1', card_bin: '411111' }]
    return xmlResponse(answer(operation, credentials, {}, records))
  }
}

function assertClean(error: unknown): void {
  expect(error).toBeInstanceOf(Error)
  const e = error as Error
  expect(e.message).not.toContain(SECRET)
  expect(JSON.stringify(e)).not.toContain(SECRET)
  expect(Object.keys(e).join(' ')).not.toContain(SECRET)
  for (const key of Object.keys(e)) expect(JSON.stringify((e as unknown as Record<string, unknown>)[key]) ?? '').not.toContain(SECRET)
  expect(inspect(e, { depth: 10 })).not.toContain(SECRET)
}

describe('secureCode never leaks', () => {
  it('appears in no log line, error or client field across every method and outcome', async () => {
    const lines: string[] = []
    const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) })
    let errors = 0
    for (const mode of ['ok', 'rejected', 'timeout', 'bad-signature', 'network'] as const) {
      const client = testClient(transportFor(mode), { logger, timeoutMs: 10 }, CREDENTIALS)
      expect(JSON.stringify(client)).not.toContain(SECRET)
      expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(SECRET)
      for (const operation of OPERATION_NAMES) {
        const outcome = await callOperation(client, operation, VALID[operation]).then(
          () => undefined,
          (error: unknown) => error,
        )
        // The JSON calls are unsigned, so a "bad signature" cannot touch them.
        const succeeds = mode === 'ok' || (mode === 'bad-signature' && OPERATIONS[operation].response.signature === undefined)
        if (succeeds) expect(outcome).toBeUndefined()
        else {
          errors += 1
          expect(outcome, `${mode} ${operation}`).toBeInstanceOf(Error)
          assertClean(outcome)
        }
      }
      // Invalid calls too.
      const invalid = await callOperation(client, 'refund', { ...VALID.refund, refund_amount: 'x' }).catch((e: unknown) => e)
      assertClean(invalid)
    }
    expect(errors).toBe(OPERATION_NAMES.length * 4 - 2)
    const text = lines.join('')
    expect(lines.length).toBeGreaterThan(100)
    expect(text).toContain('oceanpayment answered')
    expect(text).toContain('oceanpayment call failed')
    expect(text).not.toContain(SECRET)
  })

  it('the JSON calls put the secureCode only in the request headers handed to the transport', async () => {
    const seen: GatewayHttpRequest[] = []
    const transport = async (request: GatewayHttpRequest) => {
      seen.push(request)
      return transportFor('ok')(request)
    }
    const client = testClient(transport, {}, CREDENTIALS)
    await client.healthCheck({ site: 'a.com' })
    await client.orderStatus({ order_number: ['A1'] })
    expect(seen[0]!.headers.secureCode).toBe(SECRET)
    expect(seen[0]!.body).not.toContain(SECRET)
    expect(JSON.stringify(seen[1])).not.toContain(SECRET)
  })
})
