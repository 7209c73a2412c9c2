import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import type { App } from '../../../server/src/app'
import type { Db } from '../../../server/src/db'
import { buildTestApp, testConfig, type LogCapture } from '../harness'
import { testStores } from '../stores'
import {
  addPayment,
  count,
  noticeFields,
  noticeXml,
  ORDER_NUMBER,
  PAYMENT_ID,
  preparedStore,
  SECURE_CODE,
  TERMINAL,
  ACCOUNT,
  CPD_TIME,
} from './support'

describe.each(testStores())('POST /webhooks/oceanpayment on the $kind store', (store) => {
  let db: Db
  let app: App
  let logs: LogCapture

  afterAll(() => store.cleanup())

  beforeEach(async () => {
    db = await store.open()
    await preparedStore(db)
    ;({ app, logs } = buildTestApp(db, testConfig({ GAP_FILL_INTERVAL_SECONDS: '0' })))
    return () => app.close()
  })

  const post = (body: string, contentType = 'text/xml; charset=utf-8') =>
    app.inject({ method: 'POST', url: '/webhooks/oceanpayment', headers: { 'content-type': contentType }, payload: body })

  const openCases = (kind: string) =>
    count(db, "select 1 from order_cases where account = $1 and kind = $2 and status = 'open'", [ACCOUNT, kind])

  it('stores a chargeback notice, opens a case with its deadline and writes a 拒付通知 message of facts, answering receive-ok', async () => {
    expect(await openCases('chargeback')).toBe(0)
    const response = await post(noticeXml(noticeFields()))
    expect(response.statusCode).toBe(200)
    expect(response.body).toBe('receive-ok')
    expect(response.headers['content-type']).toMatch(/^text\/plain/)

    expect(await openCases('chargeback')).toBe(1)
    const { rows: cases } = await db.query<Record<string, unknown>>(
      'select payment_id, currency, amount_minor, reason_code, reason, source, external_id, deadline_at from order_cases',
    )
    expect(cases[0]).toMatchObject({
      payment_id: PAYMENT_ID,
      currency: 'USD',
      amount_minor: '10000',
      reason_code: '4837',
      reason: 'No cardholder authorization',
      source: 'notification',
      external_id: 'PUSH-0001',
      // payment_cpdTime was dropped before 0011.
      deadline_at: CPD_TIME,
    })
    const { rows: notices } = await db.query<Record<string, unknown>>('select cpd_time from notifications')
    expect(notices).toEqual([{ cpd_time: CPD_TIME }])
    // Facts, not text in one language (issue 11): the client words it in the reader's language.
    const { rows: messages } = await db.query<Record<string, unknown>>(
      `select account, kind, title, body, payment_id, order_number, currency, amount_minor, reason_code, reason,
         deadline_at from messages`,
    )
    expect(messages).toEqual([
      {
        account: ACCOUNT,
        kind: 'chargeback',
        title: null,
        body: null,
        payment_id: PAYMENT_ID,
        order_number: ORDER_NUMBER,
        currency: 'USD',
        amount_minor: '10000',
        reason_code: '4837',
        reason: 'No cardholder authorization',
        deadline_at: CPD_TIME,
      },
    ])
    const { rows: stored } = await db.query<Record<string, unknown>>('select effect, source, terminal from notifications')
    expect(stored).toEqual([{ effect: 'applied', source: 'notification', terminal: TERMINAL }])
  })

  it('accepts application/xml as well', async () => {
    expect((await post(noticeXml(noticeFields()), 'application/xml')).body).toBe('receive-ok')
    expect(await openCases('chargeback')).toBe(1)
  })

  it('makes one message and one case of the same notice delivered five times', async () => {
    const body = noticeXml(noticeFields())
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await post(body)).body).toBe('receive-ok')
    expect(await count(db, 'select 1 from notifications')).toBe(1)
    expect(await count(db, 'select 1 from order_cases')).toBe(1)
    expect(await count(db, 'select 1 from messages')).toBe(1)
  })

  it('makes one of five deliveries arriving at the same time', async () => {
    const body = noticeXml(noticeFields({ notice_type: 'fraud', push_id: 'PUSH-RACE' }))
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(body)))
    expect(answers.map((answer) => answer.body)).toEqual(Array(5).fill('receive-ok'))
    expect(await count(db, 'select 1 from order_cases')).toBe(1)
    expect(await count(db, 'select 1 from messages')).toBe(1)
  })

  it('opens retrieval and fraud cases with their messages; re-presentment and reversal-retrieval close them', async () => {
    await post(noticeXml(noticeFields({ notice_type: 'chargeBack', push_id: 'CB-1' })))
    await post(noticeXml(noticeFields({ notice_type: 'retrieval', push_id: 'RT-1' })))
    await post(noticeXml(noticeFields({ notice_type: 'fraud', push_id: 'FR-1' })))
    expect([await openCases('chargeback'), await openCases('retrieval'), await openCases('fraud')]).toEqual([1, 1, 1])
    const { rows } = await db.query<{ kind: string; payment_id: string }>('select kind, payment_id from messages order by kind')
    expect(rows).toEqual([
      { kind: 'chargeback', payment_id: PAYMENT_ID },
      { kind: 'fraud', payment_id: PAYMENT_ID },
      { kind: 'retrieval', payment_id: PAYMENT_ID },
    ])

    await post(noticeXml(noticeFields({ notice_type: 're-presentment', push_id: 'RP-1' })))
    await post(noticeXml(noticeFields({ notice_type: 'reversal-retrieval', push_id: 'RR-1' })))
    expect([await openCases('chargeback'), await openCases('retrieval'), await openCases('fraud')]).toEqual([0, 0, 1])
    expect(await count(db, "select 1 from order_cases where status = 'handled' and handled_at is not null")).toBe(2)
    expect(await count(db, 'select 1 from messages')).toBe(3)
  })

  it('opens a dispute case for a notice in dispute (push_status 2), without a message', async () => {
    await post(noticeXml(noticeFields({ notice_type: 'chargeBack', push_status: '2', push_id: 'DS-1' })))
    await post(noticeXml(noticeFields({ notice_type: 'dispute', push_status: '2', push_id: 'DS-2' })))
    expect(await openCases('dispute')).toBe(2)
    expect(await openCases('chargeback')).toBe(0)
    expect(await count(db, 'select 1 from messages')).toBe(0)
    // A decided dispute closes the payment's open disputes.
    await post(noticeXml(noticeFields({ notice_type: 'dispute', push_status: '1', push_id: 'DS-3' })))
    expect(await openCases('dispute')).toBe(0)
  })

  it('stores highRisk and ARN notices without a case or a message', async () => {
    await post(noticeXml(noticeFields({ notice_type: 'highRisk', push_id: 'HR-1' })))
    await post(noticeXml(noticeFields({ notice_type: 'ARN', push_id: 'ARN-1' })))
    const { rows } = await db.query<{ notice_type: string; effect: string }>(
      'select notice_type, effect from notifications order by notice_type',
    )
    expect(rows).toEqual([
      { notice_type: 'ARN', effect: 'none' },
      { notice_type: 'highRisk', effect: 'none' },
    ])
    expect(await count(db, 'select 1 from order_cases')).toBe(0)
    expect(await count(db, 'select 1 from messages')).toBe(0)
  })

  it('applies a successful full refund once, however often it is delivered; a failed one changes nothing', async () => {
    await addPayment(db, 'PAY-REFUND-FAIL', '5000')
    const failed = noticeFields({ notice_type: 'refund', push_status: '0', push_id: 'RF-0', payment_id: 'PAY-REFUND-FAIL' })
    await post(noticeXml(failed))
    const refund = noticeXml(noticeFields({ notice_type: 'refund', push_status: '1', push_id: 'RF-1' }))
    for (let attempt = 0; attempt < 3; attempt += 1) await post(refund)
    const { rows } = await db.query<{ payment_id: string; refunded_minor: string; refund_status: string }>(
      'select payment_id, refunded_minor, refund_status from transactions order by payment_id',
    )
    expect(rows).toEqual([
      { payment_id: PAYMENT_ID, refunded_minor: '10000', refund_status: 'full' },
      { payment_id: 'PAY-REFUND-FAIL', refunded_minor: '0', refund_status: 'none' },
    ])
  })

  it('adds a partial refund that states its amount once, keeping the status partial', async () => {
    const partial = noticeXml(
      noticeFields({ notice_type: 'partialRefund', push_status: '1', push_id: 'RF-2', refund_amount: '12.50' }),
    )
    await post(partial)
    await post(partial)
    const { rows } = await db.query('select refunded_minor, refund_status from transactions where payment_id = $1', [PAYMENT_ID])
    expect(rows).toEqual([{ refunded_minor: '1250', refund_status: 'partial' }])
  })

  it('keeps a notice for an unknown payment: message now, case once the payment exists', async () => {
    const fields = noticeFields({ payment_id: 'PAY-LATER', push_id: 'CB-LATER' })
    expect((await post(noticeXml(fields))).body).toBe('receive-ok')
    expect(await count(db, "select 1 from notifications where effect = 'waiting'")).toBe(1)
    expect(await count(db, "select 1 from messages where payment_id = 'PAY-LATER'")).toBe(1)
    expect(await count(db, 'select 1 from order_cases')).toBe(0)

    const { applyWaitingNotices } = await import('../../../server/src/notifications')
    expect(await applyWaitingNotices(db)).toBe(0)
    await addPayment(db, 'PAY-LATER', '2000')
    expect(await applyWaitingNotices(db)).toBe(1)
    expect(await count(db, "select 1 from order_cases where payment_id = 'PAY-LATER' and status = 'open'")).toBe(1)
    // The deadline survives the wait: the waiting notice is applied from its stored row.
    const { rows: late } = await db.query("select deadline_at from order_cases where payment_id = 'PAY-LATER'")
    expect(late).toEqual([{ deadline_at: CPD_TIME }])
    expect(await count(db, "select 1 from notifications where effect = 'applied'")).toBe(1)
    expect(await count(db, 'select 1 from messages')).toBe(1)
    expect(await applyWaitingNotices(db)).toBe(0)
  })

  describe('drops what cannot be trusted or read, still answering receive-ok', () => {
    const expectNothingStored = async (): Promise<void> => {
      expect(await count(db, 'select 1 from notifications')).toBe(0)
      expect(await count(db, 'select 1 from order_cases')).toBe(0)
      expect(await count(db, 'select 1 from messages')).toBe(0)
    }

    it('a bad signature', async () => {
      const response = await post(noticeXml(noticeFields(), 'not-the-secure-code'))
      expect(response.body).toBe('receive-ok')
      await expectNothingStored()
      expect(logs.text()).toMatch(/signature does not match/)
      expect(logs.text()).not.toContain(SECURE_CODE)
    })

    it('a tampered field', async () => {
      const tampered = noticeXml(noticeFields()).replace('PUSH-0001', 'PUSH-0002')
      expect((await post(tampered)).body).toBe('receive-ok')
      await expectNothingStored()
    })

    it('an unknown terminal', async () => {
      const response = await post(noticeXml(noticeFields({ terminal: '99999999' })))
      expect(response.body).toBe('receive-ok')
      await expectNothingStored()
      expect(logs.text()).toMatch(/unknown account or terminal/)
      expect(logs.text()).not.toContain(SECURE_CODE)
    })

    it('garbage, a DOCTYPE document, an empty body and a JSON body', async () => {
      const doctype =
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><response><push_id>&x;</push_id></response>'
      for (const [body, type] of [
        ['this is not xml', 'text/xml'],
        ['<response><unclosed></response>', 'text/xml'],
        [doctype, 'application/xml'],
        ['', 'text/xml'],
        [JSON.stringify(noticeFields()), 'application/json'],
      ]) {
        const response = await post(body, type)
        expect(response.statusCode).toBe(200)
        expect(response.body).toBe('receive-ok')
      }
      await expectNothingStored()
      expect(logs.text()).toMatch(/DOCTYPE/)
      expect(logs.text()).not.toContain('/etc/passwd')
    })
  })
})
