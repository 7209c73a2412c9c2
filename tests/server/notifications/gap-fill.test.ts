import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { App } from '../../../server/src/app'
import type { Db } from '../../../server/src/db'
import { SECOND_MERCHANT } from '../../../server/src/config/known-merchants'
import { BUSINESS_ORDER_FIELDS, buildXml, signResponse } from '../../../server/src/gateway'
import type { HttpRequest, HttpResponse, Transport } from '../../../server/src/outbound/transport'
import { runGapFill } from '../../../server/src/notifications'
import { startGapFillJob } from '../../../server/src/notifications/gap-fill-job'
import { buildTestApp, testConfig } from '../harness'
import { testStores } from '../stores'
import { ACCOUNT, count, CPD_TIME, noticeFields, noticeXml, PAYMENT_ID, preparedStore, SECURE_CODE, TERMINAL } from './support'

type Record = { [K in (typeof BUSINESS_ORDER_FIELDS)[number]]?: string }

/** Oceanpayment's business-orders and refund queries for one terminal, answering signed XML as the SDK expects. */
function fakeGateway(records: Record[], refunds: Map<string, string>, pageSize = 2) {
  const calls: Array<{ path: string; params: URLSearchParams }> = []
  const credentials = { account: ACCOUNT, terminal: TERMINAL }
  const transport: Transport = async (request: HttpRequest): Promise<HttpResponse> => {
    const url = new URL(request.url)
    const params = new URLSearchParams(request.body ?? '')
    calls.push({ path: url.pathname, params })
    const reply = (body: string): HttpResponse => ({ status: 200, headers: { 'content-type': 'text/xml' }, body })
    if (params.get('terminal') !== TERMINAL) throw new Error(`unexpected terminal ${params.get('terminal')}`)
    if (url.pathname.endsWith('/service/BusinessOrdersList')) {
      const page = Number(params.get('pages') ?? '1')
      const totalPages = Math.max(1, Math.ceil(records.length / pageSize))
      const head = { results: '00', count: String(records.length), pages: String(page) }
      const orderInfo = records.slice((page - 1) * pageSize, page * pageSize).map((record) => ({ ...record }))
      return reply(
        buildXml('response', {
          ...credentials,
          signValue: signResponse(credentials, ['results', 'count', 'pages'], head, SECURE_CODE),
          ...head,
          details: 'Success',
          totalpages: String(totalPages),
          orderInfo,
        }),
      )
    }
    if (url.pathname.endsWith('/service/queryRefund')) {
      const refundId = params.get('refund_id') ?? ''
      const amount = refunds.get(refundId)
      const record = {
        refund_id: refundId,
        refund_number: '',
        refund_amount: amount ?? '',
        refund_status: amount === undefined ? '0' : '1',
        refund_currency: 'USD',
        payment_id: PAYMENT_ID,
      }
      const signed = ['refund_id', 'refund_number', 'refund_amount', 'refund_status']
      return reply(
        buildXml('response', {
          ...credentials,
          results: '00',
          details: 'Success',
          refundInfo: [{ ...record, signValue: signResponse(credentials, signed, record, SECURE_CODE) }],
        }),
      )
    }
    return { status: 404, headers: {}, body: 'no such path' }
  }
  return { transport, calls }
}

function record(overrides: Record): Record {
  const { account: _a, terminal: _t, ...fields } = noticeFields(overrides as { [key: string]: string })
  return fields
}

describe.each(testStores())('runGapFill on the $kind store', (store) => {
  let db: Db
  let app: App
  const config = testConfig({
    GAP_FILL_INTERVAL_SECONDS: '0',
    OCEANPAYMENT_TERMINALS: [
      `${ACCOUNT}:${TERMINAL}:${SECURE_CODE}`,
      // Configured, but its merchant is not in the store: never queried.
      `${SECOND_MERCHANT.account}:${SECOND_MERCHANT.terminals[0].terminal}:${SECOND_MERCHANT.terminals[0].secureCode}`,
    ].join(','),
  })

  afterAll(() => store.cleanup())

  beforeEach(async () => {
    db = await store.open()
    await preparedStore(db)
    ;({ app } = buildTestApp(db, config))
    return () => app.close()
  })

  const records: Record[] = [
    record({ notice_type: 'chargeBack', push_id: 'GF-CB' }),
    record({ notice_type: 'fraud', push_id: 'GF-FR' }),
    record({ notice_type: 'retrieval', push_id: 'GF-RT', payment_cpdTime: '2025-05-20 18:30:00' }),
    record({ notice_type: 'partialRefund', push_status: '1', push_id: 'GF-RF' }),
    record({ notice_type: 'highRisk', push_id: 'GF-HR' }),
  ]

  it('pages through the last three days and applies what no notification brought, exactly once', async () => {
    // The fraud notice did arrive by webhook; the query must not make it twice.
    const fraud = noticeFields({ notice_type: 'fraud', push_id: 'GF-FR' })
    expect((await app.inject({ method: 'POST', url: '/webhooks/oceanpayment', headers: { 'content-type': 'text/xml' }, payload: noticeXml(fraud) })).body).toBe('receive-ok')

    const gateway = fakeGateway(records, new Map([['GF-RF', '25.00']]))
    const now = new Date('2025-05-15T04:00:00Z')
    const report = await runGapFill({ db, config, transport: gateway.transport, now: () => now })

    expect(report).toMatchObject({
      terminals: 1,
      failedTerminals: [],
      records: 5,
      stored: { applied: 3, waiting: 0, none: 1 },
      duplicates: 1,
    })
    const listCalls = gateway.calls.filter((call) => call.path.endsWith('/service/BusinessOrdersList'))
    expect(listCalls.map((call) => call.params.get('pages'))).toEqual(['1', '2', '3'])
    expect(listCalls[0].params.get('order_beginDate')).toBe('2025-05-12 12:00:00')
    expect(listCalls[0].params.get('order_endDate')).toBe('2025-05-15 12:00:00')

    // The query records carry payment_cpdTime like the notices: each case keeps its own deadline.
    const { rows: cases } = await db.query<{ kind: string; source: string }>(
      'select kind, source, deadline_at from order_cases order by kind',
    )
    expect(cases).toEqual([
      { kind: 'chargeback', source: 'query', deadline_at: CPD_TIME },
      { kind: 'fraud', source: 'notification', deadline_at: CPD_TIME },
      { kind: 'retrieval', source: 'query', deadline_at: new Date('2025-05-20T10:30:00Z') },
    ])
    expect(await count(db, 'select 1 from messages')).toBe(3)
    const { rows: deadlines } = await db.query('select kind, deadline_at from messages order by kind')
    expect(deadlines).toEqual([
      { kind: 'chargeback', deadline_at: CPD_TIME },
      { kind: 'fraud', deadline_at: CPD_TIME },
      { kind: 'retrieval', deadline_at: new Date('2025-05-20T10:30:00Z') },
    ])
    const { rows: payment } = await db.query('select refunded_minor, refund_status from transactions where payment_id = $1', [PAYMENT_ID])
    expect(payment).toEqual([{ refunded_minor: '2500', refund_status: 'partial' }])

    // A second run (or another process running it) finds everything already there.
    const again = await runGapFill({ db, config, transport: gateway.transport, now: () => now })
    expect(again).toMatchObject({ records: 5, duplicates: 5, stored: { applied: 0, waiting: 0, none: 0 } })
    expect(await count(db, 'select 1 from order_cases')).toBe(3)
    expect(await count(db, 'select 1 from messages')).toBe(3)
    expect(await count(db, 'select 1 from notifications')).toBe(5)
    const { rows: after } = await db.query('select refunded_minor from transactions where payment_id = $1', [PAYMENT_ID])
    expect(after).toEqual([{ refunded_minor: '2500' }])
  })

  it('keeps going when a query fails, and the next run fills the gap', async () => {
    const gateway = fakeGateway(records.slice(0, 1), new Map())
    const failing: Transport = async () => ({ status: 503, headers: {}, body: 'down' })
    const first = await runGapFill({ db, config, transport: failing, now: () => new Date() })
    expect(first).toMatchObject({ terminals: 1, failedTerminals: [TERMINAL], records: 0 })
    expect(await count(db, 'select 1 from order_cases')).toBe(0)

    const second = await runGapFill({ db, config, transport: gateway.transport, now: () => new Date() })
    expect(second).toMatchObject({ failedTerminals: [], stored: { applied: 1 } })
    expect(await count(db, "select 1 from order_cases where kind = 'chargeback' and status = 'open'")).toBe(1)
  }, 60_000)
})

describe('startGapFillJob', () => {
  it('runs every interval, never two runs at once, and stop waits for the run in progress', async () => {
    vi.useFakeTimers()
    try {
      let finish: () => void = () => undefined
      const run = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
      const job = startGapFillJob({ intervalSeconds: 60, run, onError: () => undefined })
      expect(run).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(60_000)
      expect(run).toHaveBeenCalledTimes(1)
      // Still running: no second run however long it takes.
      await vi.advanceTimersByTimeAsync(600_000)
      expect(run).toHaveBeenCalledTimes(1)
      finish()
      await vi.advanceTimersByTimeAsync(60_000)
      expect(run).toHaveBeenCalledTimes(2)

      let stopped = false
      const stopping = job.stop().then(() => (stopped = true))
      await vi.advanceTimersByTimeAsync(0)
      expect(stopped).toBe(false)
      finish()
      await stopping
      await vi.advanceTimersByTimeAsync(600_000)
      expect(run).toHaveBeenCalledTimes(2)
    } finally {
      vi.useRealTimers()
    }
  })

  it('does nothing with an interval of 0, and reports a failed run without stopping', async () => {
    vi.useFakeTimers()
    try {
      const idle = vi.fn(async () => undefined)
      await startGapFillJob({ intervalSeconds: 0, run: idle, onError: () => undefined }).stop()
      await vi.advanceTimersByTimeAsync(3_600_000)
      expect(idle).not.toHaveBeenCalled()

      const errors: unknown[] = []
      const failing = vi.fn(async () => {
        throw new Error('query down')
      })
      const job = startGapFillJob({ intervalSeconds: 1, run: failing, onError: (error) => errors.push(error) })
      await vi.advanceTimersByTimeAsync(2_500)
      expect(failing).toHaveBeenCalledTimes(2)
      expect(errors).toHaveLength(2)
      await job.stop()
    } finally {
      vi.useRealTimers()
    }
  })
})
