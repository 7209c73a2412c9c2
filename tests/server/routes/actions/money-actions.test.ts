/**
 * Refund, capture and void over the real routes, the real SDK and the real sandbox (over HTTP): every bad input
 * and fault of issue 13 that the server answers, with the audit log's one row per attempt counted each time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActionRecord, AvailableActions, PaymentActionsResponse } from '@contract/actions'
import type { ApiErrorBody } from '@contract/api'
import type { MessagesPage } from '@contract/messages'
import { recordNotice } from '../../../../server/src/notifications'
import { testStores } from '../../stores'
import type { TestSession } from '../../support/signed-client'
import { signedRequest } from '../../support/signed-client'
import {
  act,
  actionRows,
  addPayment,
  fault,
  get,
  newKey,
  OTHER_MERCHANT,
  OTHER_TERMINAL,
  openActionsApp,
  PIN,
  sandboxRefunds,
  session,
  setPin,
  transactionRefunded,
  type ActionsApp,
} from './support'

const SETTLE_MS = 31_000 // the mounted sandbox decides a refund 30 s after it was requested

describe.each(testStores())('money-moving actions on the $kind store', (store) => {
  let t: ActionsApp
  let lead: TestSession
  beforeAll(async () => {
    t = await openActionsApp(await store.open())
    lead = await session(t, '13800138000')
    expect((await setPin(t, lead)).statusCode).toBe(204)
  })
  afterAll(async () => {
    await t.close()
    await store.cleanup()
  })

  const refund = (paymentId: string, body: unknown, key?: string, who = lead) => act(t, who, `/api/transactions/${paymentId}/refunds`, body, key)
  const error = (response: { json(): unknown }) => (response.json() as ApiErrorBody).error

  it('refunds part, then the rest; a third refund is refused; the result arrives as a message, refunded once', async () => {
    const paymentId = await addPayment(t.db, { amountMinor: BigInt(10_000) })
    const first = await refund(paymentId, { amount: '40.00', reason: 'customer returned one item', pin: PIN })
    expect(first.statusCode).toBe(201)
    const record = first.json() as ActionRecord
    expect(record).toMatchObject({ kind: 'refund', status: 'pending', amount: { currency: 'USD', amount: '40.00' }, failure: null })
    expect(record.actor.maskedPhone).not.toContain('13800138000')

    // While pending, it holds its amount back: 60.00 remain.
    const available = (await get(t, lead, `/api/transactions/${paymentId}/actions/available`)).json() as AvailableActions
    expect(available.refund).toEqual({ max: { currency: 'USD', amount: '60.00' } })
    const over = await refund(paymentId, { amount: '60.01', reason: 'too much', pin: PIN })
    expect(over.statusCode).toBe(422)
    expect(error(over)).toMatchObject({ code: 'ACTION_REFUSED', failure: 'amount-exceeds-refundable' })

    const rest = await refund(paymentId, { amount: '60', reason: 'the rest', pin: PIN })
    expect(rest.statusCode).toBe(201)
    const third = await refund(paymentId, { amount: '0.01', reason: 'one more', pin: PIN })
    expect(error(third)).toMatchObject({ code: 'ACTION_REFUSED', failure: 'not-refundable' })

    // Oceanpayment decides them; the reconciler (and the sandbox's notices, racing it) settle each once.
    t.advance(SETTLE_MS)
    await t.app.reconcileActions?.()
    const rows = await actionRows(t.db, paymentId)
    expect(rows.map((row) => row.status)).toEqual(['succeeded', 'failed', 'succeeded', 'failed'])
    expect(await transactionRefunded(t.db, paymentId)).toBe(BigInt(10_000))
    const polled = (await get(t, lead, `/api/actions/${record.id}`)).json() as ActionRecord
    expect(polled.status).toBe('succeeded')
    const { rows: messages } = await t.db.query<{ refund_outcome: string }>(
      `select refund_outcome from messages where kind = 'refund' and payment_id = $1`,
      [paymentId],
    )
    expect(messages.map((m) => m.refund_outcome)).toEqual(['succeeded', 'succeeded'])
    // A second reconciliation and late notices change nothing.
    await t.app.reconcileActions?.({ all: true })
    expect(await transactionRefunded(t.db, paymentId)).toBe(BigInt(10_000))

    const page = (await get(t, lead, '/api/messages?kind=refund')).json() as MessagesPage
    const mine = page.items.filter((item) => item.paymentId === paymentId)
    expect(mine.map((item) => [item.kind, item.refundOutcome, item.amount?.amount]).sort()).toEqual([
      ['refund', 'succeeded', '40.00'],
      ['refund', 'succeeded', '60.00'],
    ])
    expect(page.unread.byKind.refund).toBeGreaterThanOrEqual(2)

    const history = (await get(t, lead, `/api/transactions/${paymentId}/actions`)).json() as PaymentActionsResponse
    expect(history.items).toHaveLength(4)
    expect(history.items[0].failure).toBe('not-refundable') // newest first
  })

  it('a refund notice naming our refund_number settles the action; Refund Query of the same refund adds nothing more', async () => {
    const paymentId = await addPayment(t.db, { amountMinor: BigInt(9_000) })
    const record = (await refund(paymentId, { amount: '12.34', reason: 'notice first', pin: PIN })).json() as ActionRecord
    expect(record.status).toBe('pending')
    const { rows } = await t.db.query<{ refund_id: string }>(`select refund_id from sandbox_refunds where refund_number = $1`, [record.id])
    const notice = {
      account: '995378',
      terminal: '99537801',
      pushId: rows[0].refund_id,
      noticeType: 'partialRefund',
      pushStatus: '1',
      pushDetails: 'Refund succeeded',
      paymentId,
      orderNumber: `ORD-${paymentId}`,
      refundCurrency: 'USD',
      refundAmount: '12.34',
      refundNumber: record.id,
    }
    expect(await recordNotice(t.db, notice, 'notification')).toBe('applied')
    expect((await actionRows(t.db, paymentId))[0].status).toBe('succeeded')
    expect(await transactionRefunded(t.db, paymentId)).toBe(BigInt(1_234))
    // The sandbox decides it later; its notice and the reconciler's query are the same refund_id: nothing added.
    t.advance(SETTLE_MS)
    await t.app.reconcileActions?.({ all: true })
    expect(await recordNotice(t.db, { ...notice, noticeType: 'refund' }, 'query')).toBe('applied')
    expect(await transactionRefunded(t.db, paymentId)).toBe(BigInt(1_234))
    const messages = await t.db.query(`select 1 from messages where kind = 'refund' and payment_id = $1`, [paymentId])
    expect(messages.rows).toHaveLength(1)
  })

  it('refuses bad amounts, reasons, extra fields and a missing key with 400, writing nothing', async () => {
    const paymentId = await addPayment(t.db, { amountMinor: BigInt(5_000) })
    const yen = await addPayment(t.db, { amountMinor: BigInt(5_000), currency: 'JPY' })
    const bad: Array<[string, unknown]> = [
      [paymentId, { amount: '-1.00', reason: 'r', pin: PIN }],
      [paymentId, { amount: '0', reason: 'r', pin: PIN }],
      [paymentId, { amount: '0.00', reason: 'r', pin: PIN }],
      [paymentId, { amount: '1.234', reason: 'r', pin: PIN }],
      [paymentId, { amount: 1, reason: 'r', pin: PIN }],
      [paymentId, { amount: '1e2', reason: 'r', pin: PIN }],
      [yen, { amount: '1.5', reason: 'r', pin: PIN }],
      [paymentId, { amount: '1.00', reason: '', pin: PIN }],
      [paymentId, { amount: '1.00', reason: 'x'.repeat(101), pin: PIN }],
      [paymentId, { amount: '1.00', reason: 'r', pin: PIN, currency: 'USD' }],
      [paymentId, { amount: '1.00', reason: 'r' }],
    ]
    for (const [id, body] of bad) {
      const response = await refund(id, body)
      expect(response.statusCode, JSON.stringify(body)).toBe(400)
      expect(error(response).code).toBe('VALIDATION_FAILED')
    }
    const noKeyAtAll = await signedRequest(t.app, lead, { method: 'POST', url: `/api/transactions/${paymentId}/refunds`, body: { amount: '1.00', reason: 'r', pin: PIN }, timestamp: t.now() })
    expect(error(noKeyAtAll).code).toBe('IDEMPOTENCY_KEY_REQUIRED')
    const shortKey = await refund(paymentId, { amount: '1.00', reason: 'r', pin: PIN }, 'short')
    expect(error(shortKey).code).toBe('IDEMPOTENCY_KEY_REQUIRED')
    expect(await actionRows(t.db, paymentId)).toHaveLength(0)
    expect(await actionRows(t.db, yen)).toHaveLength(0)
    expect(await sandboxRefunds(t.db, paymentId)).toHaveLength(0)
  })

  it('answers 404 for an unknown payment and for another merchant’s, and audits both', async () => {
    const foreign = await addPayment(t.db, { merchant: OTHER_MERCHANT, terminal: OTHER_TERMINAL, amountMinor: BigInt(5_000) })
    for (const id of ['NO-SUCH-PAYMENT', foreign]) {
      const response = await refund(id, { amount: '1.00', reason: 'r', pin: PIN })
      expect(response.statusCode).toBe(404)
      expect(error(response).code).toBe('NOT_FOUND')
      const rows = await actionRows(t.db, id)
      expect(rows).toEqual([expect.objectContaining({ status: 'failed', failure: 'payment-not-found' })])
    }
    expect(await sandboxRefunds(t.db, foreign)).toHaveLength(0)
    expect((await get(t, lead, `/api/transactions/${foreign}/actions`)).statusCode).toBe(404)
    expect((await get(t, lead, `/api/transactions/${foreign}/actions/available`)).statusCode).toBe(404)
  })

  it('refuses an account without the permission with 403, audited', async () => {
    const service = await session(t, '13900139000', ['tracking', 'order-query'])
    const paymentId = await addPayment(t.db, { amountMinor: BigInt(5_000) })
    const response = await refund(paymentId, { amount: '1.00', reason: 'r', pin: PIN }, undefined, service)
    expect(response.statusCode).toBe(403)
    expect(error(response).code).toBe('FORBIDDEN')
    const capture = await act(t, service, `/api/transactions/${paymentId}/capture`, { amount: '1.00', pin: PIN })
    expect(capture.statusCode).toBe(403)
    const rows = await actionRows(t.db, paymentId)
    expect(rows.map((row) => [row.kind, row.failure])).toEqual([['refund', 'not-permitted'], ['capture', 'not-permitted']])
    const available = (await get(t, service, `/api/transactions/${paymentId}/actions/available`)).json() as AvailableActions
    expect(available).toEqual({ refund: null, capture: null, void: null, tracking: true })
  })

  it('refuses refunds of payments that moved no money', async () => {
    const failed = await addPayment(t.db, { amountMinor: BigInt(5_000), status: 'failure' })
    const authorization = await addPayment(t.db, { amountMinor: BigInt(5_000), kind: 'authorization' })
    for (const id of [failed, authorization]) {
      const response = await refund(id, { amount: '1.00', reason: 'r', pin: PIN })
      expect(error(response)).toMatchObject({ code: 'ACTION_REFUSED', failure: 'not-refundable' })
      expect(await actionRows(t.db, id)).toEqual([expect.objectContaining({ status: 'failed', failure: 'not-refundable' })])
    }
  })

  it('replays the same key and body, refuses the key with another body, and does not consume it on a wrong PIN', async () => {
    const paymentId = await addPayment(t.db, { amountMinor: BigInt(5_000) })
    const key = newKey()
    const wrong = await refund(paymentId, { amount: '10.00', reason: 'r', pin: '000000' }, key)
    expect(wrong.statusCode).toBe(403)
    expect(error(wrong)).toMatchObject({ code: 'ACTION_PIN_WRONG', triesLeft: 4 })
    const first = await refund(paymentId, { amount: '10.00', reason: 'r', pin: PIN }, key)
    expect(first.statusCode).toBe(201)
    const again = await refund(paymentId, { amount: '10.00', reason: 'r', pin: PIN }, key)
    expect(again.statusCode).toBe(201)
    expect(again.json()).toEqual(first.json())
    const other = await refund(paymentId, { amount: '11.00', reason: 'r', pin: PIN }, key)
    expect(other.statusCode).toBe(409)
    expect(error(other).code).toBe('IDEMPOTENCY_KEY_REUSED')
    const otherAction = await act(t, lead, `/api/transactions/${paymentId}/void`, { pin: PIN }, key)
    expect(error(otherAction).code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(await actionRows(t.db, paymentId)).toHaveLength(1)
    expect(await sandboxRefunds(t.db, paymentId)).toHaveLength(1)
    // The right PIN reset the count of wrong tries.
    expect((await get(t, lead, '/api/actions/pin')).json()).toEqual({ set: true, locked: false, triesLeft: 5 })
  })

  it('two taps at once with one key: one call, one row', async () => {
    const paymentId = await addPayment(t.db, { amountMinor: BigInt(5_000) })
    const key = newKey()
    const body = { amount: '20.00', reason: 'double tap', pin: PIN }
    const answers = await Promise.all([refund(paymentId, body, key), refund(paymentId, body, key)])
    const codes = answers.map((a) => a.statusCode).sort()
    expect(codes[0]).toBe(201)
    // The second either waited for nothing (in use) or came after the first finished (its replay).
    if (codes[1] === 409) expect(answers.map(error).some((e) => e?.code === 'IDEMPOTENCY_KEY_IN_USE')).toBe(true)
    else expect(answers[0].json()).toEqual(answers[1].json())
    expect(await actionRows(t.db, paymentId)).toHaveLength(1)
    expect(await sandboxRefunds(t.db, paymentId)).toHaveLength(1)
  })

  it('two keys racing for the refundable amount: one wins, the other is refused', async () => {
    const paymentId = await addPayment(t.db, { amountMinor: BigInt(5_000) })
    const body = { amount: '30.00', reason: 'race', pin: PIN }
    const answers = await Promise.all([refund(paymentId, body), refund(paymentId, body)])
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 422])
    expect((await actionRows(t.db, paymentId)).map((row) => row.status).sort()).toEqual(['failed', 'pending'])
    expect(await sandboxRefunds(t.db, paymentId)).toHaveLength(1)
  })

  it('a refund whose answer is lost is recorded unknown, never re-sent, and reconciled to exactly one refund', async () => {
    const paymentId = await addPayment(t.db, { amountMinor: BigInt(5_000) })
    // Executed at the sandbox, answer lost; the SDK's read-back by refund_number fails too.
    await fault(t, { operation: 'refund', mode: 'timeout', execute: true })
    await fault(t, { operation: 'refundQuery', mode: '5xx' })
    await fault(t, { operation: 'refundQuery', mode: '5xx' })
    await fault(t, { operation: 'refundQuery', mode: '5xx' })
    const response = await refund(paymentId, { amount: '25.00', reason: 'lost answer', pin: PIN })
    expect(response.statusCode).toBe(201)
    const record = response.json() as ActionRecord
    expect(record.status).toBe('unknown')
    expect(await sandboxRefunds(t.db, paymentId)).toHaveLength(1)
    // Unknown holds its amount back too.
    const available = (await get(t, lead, `/api/transactions/${paymentId}/actions/available`)).json() as AvailableActions
    expect(available.refund?.max.amount).toBe('25.00')

    await t.app.reconcileActions?.({ all: true })
    expect((await actionRows(t.db, paymentId))[0].status).toBe('pending')
    t.advance(SETTLE_MS)
    await t.app.reconcileActions?.({ all: true })
    expect((await actionRows(t.db, paymentId)).map((row) => row.status)).toEqual(['succeeded'])
    expect(await sandboxRefunds(t.db, paymentId)).toEqual([{ refund_number: record.id, status: 'success' }])
    expect(await transactionRefunded(t.db, paymentId)).toBe(BigInt(2_500))
  })

  it('a slow answer within the timeout is an ordinary answer', async () => {
    const paymentId = await addPayment(t.db, { amountMinor: BigInt(5_000) })
    await fault(t, { operation: 'refund', mode: 'slow', ms: 150 })
    const response = await refund(paymentId, { amount: '5.00', reason: 'slow', pin: PIN })
    expect((response.json() as ActionRecord).status).toBe('pending')
    expect(await sandboxRefunds(t.db, paymentId)).toHaveLength(1)
  })

  it('a refund that never reached Oceanpayment stays unknown (never re-sent) until found or flagged', async () => {
    const paymentId = await addPayment(t.db, { amountMinor: BigInt(5_000) })
    await fault(t, { operation: 'refund', mode: 'timeout', execute: false })
    const response = await refund(paymentId, { amount: '5.00', reason: 'never arrived', pin: PIN })
    expect((response.json() as ActionRecord).status).toBe('unknown')
    await t.app.reconcileActions?.({ all: true })
    expect((await actionRows(t.db, paymentId))[0].status).toBe('unknown')
    expect(await sandboxRefunds(t.db, paymentId)).toHaveLength(0)
    // After 24 h the reconciler stops: the admin page flags it (status unknown, older than 24 h).
    t.advance(24 * 3_600_000 + 60_000)
    const report = await t.app.reconcileActions?.({ all: true })
    expect(report?.givenUp).toBeGreaterThanOrEqual(1)
    const { rows } = await t.db.query<{ next_check_at: Date | null; status: string }>(`select next_check_at, status from actions where payment_id = $1`, [paymentId])
    expect(rows).toEqual([{ next_check_at: null, status: 'unknown' }])
    t.advance(-(24 * 3_600_000 + 60_000))
  })

  it('captures part of a pending pre-authorization, refuses above the authorization, and refuses a void of a captured one', async () => {
    const paymentId = await addPayment(t.db, { amountMinor: BigInt(8_000), kind: 'authorization', cardBrand: 'MasterCard' })
    const available = (await get(t, lead, `/api/transactions/${paymentId}/actions/available`)).json() as AvailableActions
    expect(available.capture).toMatchObject({ max: { currency: 'USD', amount: '80.00' }, daysLeft: 29 })
    expect(available.refund).toBeNull()
    const above = await act(t, lead, `/api/transactions/${paymentId}/capture`, { amount: '80.01', pin: PIN })
    expect(error(above)).toMatchObject({ code: 'ACTION_REFUSED', failure: 'amount-exceeds-authorized' })
    const part = await act(t, lead, `/api/transactions/${paymentId}/capture`, { amount: '50.00', pin: PIN })
    expect(part.statusCode).toBe(201)
    expect((part.json() as ActionRecord).status).toBe('succeeded')
    const { rows } = await t.db.query<{ auth_status: string; amount_minor: string }>(`select auth_status, amount_minor::text as amount_minor from transactions where payment_id = $1`, [paymentId])
    expect(rows[0]).toEqual({ auth_status: 'captured', amount_minor: '5000' })
    const voided = await act(t, lead, `/api/transactions/${paymentId}/void`, { pin: PIN })
    expect(error(voided)).toMatchObject({ code: 'ACTION_REFUSED', failure: 'not-pending-authorization' })
    expect((await actionRows(t.db, paymentId)).map((row) => row.status)).toEqual(['failed', 'succeeded', 'failed'])
  })

  it('voids a pending pre-authorization; a capture whose answer is lost is reconciled by Order Status Query', async () => {
    const toVoid = await addPayment(t.db, { amountMinor: BigInt(3_000), kind: 'authorization' })
    const voided = await act(t, lead, `/api/transactions/${toVoid}/void`, { pin: PIN })
    expect((voided.json() as ActionRecord).status).toBe('succeeded')

    const toCapture = await addPayment(t.db, { amountMinor: BigInt(3_000), kind: 'authorization' })
    await fault(t, { operation: 'preAuthorization', mode: 'timeout', execute: true })
    const lost = await act(t, lead, `/api/transactions/${toCapture}/capture`, { amount: '30.00', pin: PIN })
    expect(lost.statusCode, lost.body).toBe(201)
    expect((lost.json() as ActionRecord).status).toBe('unknown')
    await t.app.reconcileActions?.({ all: true })
    expect((await actionRows(t.db, toCapture)).map((row) => row.status)).toEqual(['succeeded'])

    // Not executed: once it can no longer be in flight, a still-pending authorization means it did not happen.
    const notSent = await addPayment(t.db, { amountMinor: BigInt(3_000), kind: 'authorization' })
    await fault(t, { operation: 'preAuthorization', mode: '5xx', execute: false })
    const failed = await act(t, lead, `/api/transactions/${notSent}/void`, { pin: PIN })
    expect((failed.json() as ActionRecord).status).toBe('unknown')
    t.advance(5_000)
    await t.app.reconcileActions?.({ all: true })
    t.advance(-5_000)
    expect((await actionRows(t.db, notSent)).map((row) => row.status)).toEqual(['failed'])
    const { rows } = await t.db.query<{ auth_status: string }>(`select auth_status from transactions where payment_id = $1`, [notSent])
    expect(rows[0].auth_status).toBe('pending')
  })

  it('enforces the daily refund limit per currency, counting pending and unknown refunds', async () => {
    const limited = await session(t, '13800138111')
    expect((await setPin(t, limited)).statusCode).toBe(204)
    await t.db.query(`insert into refund_limits (account_id, currency, daily_minor) values ($1, 'USD', 5000)`, [limited.userId])
    const a = await addPayment(t.db, { amountMinor: BigInt(10_000) })
    const b = await addPayment(t.db, { amountMinor: BigInt(10_000) })
    expect((await refund(a, { amount: '30.00', reason: 'r', pin: PIN }, undefined, limited)).statusCode).toBe(201)
    const over = await refund(b, { amount: '20.01', reason: 'r', pin: PIN }, undefined, limited)
    expect(error(over)).toMatchObject({ code: 'ACTION_REFUSED', failure: 'daily-limit-exceeded' })
    expect((await refund(b, { amount: '20.00', reason: 'r', pin: PIN }, undefined, limited)).statusCode).toBe(201)
    // Another currency has no limit.
    const yen = await addPayment(t.db, { amountMinor: BigInt(100_000), currency: 'JPY' })
    expect((await refund(yen, { amount: '90000', reason: 'r', pin: PIN }, undefined, limited)).statusCode).toBe(201)
  })

  it('locks the PIN after five wrong tries in a row (423 until the admin resets it)', async () => {
    const user = await session(t, '13800138222')
    const paymentId = await addPayment(t.db, { amountMinor: BigInt(5_000) })
    const before = await refund(paymentId, { amount: '1.00', reason: 'r', pin: PIN }, undefined, user)
    expect(error(before).code).toBe('ACTION_PIN_NOT_SET')
    expect((await setPin(t, user)).statusCode).toBe(204)
    expect((await setPin(t, user, '135791')).statusCode).toBe(409)
    for (const left of [4, 3, 2, 1]) {
      const wrong = await refund(paymentId, { amount: '1.00', reason: 'r', pin: '999999' }, undefined, user)
      expect(error(wrong)).toMatchObject({ code: 'ACTION_PIN_WRONG', triesLeft: left })
    }
    const fifth = await refund(paymentId, { amount: '1.00', reason: 'r', pin: '999999' }, undefined, user)
    expect(fifth.statusCode).toBe(423)
    const right = await refund(paymentId, { amount: '1.00', reason: 'r', pin: PIN }, undefined, user)
    expect(right.statusCode).toBe(423)
    expect(error(right).code).toBe('ACTION_PIN_LOCKED')
    expect((await get(t, user, '/api/actions/pin')).json()).toEqual({ set: true, locked: true, triesLeft: 0 })
    expect(await actionRows(t.db, paymentId)).toHaveLength(0)
    // The admin's reset deletes the row: the PIN is set anew.
    await t.db.query('delete from action_pins where account_id = $1', [user.userId])
    expect((await setPin(t, user, '135791')).statusCode).toBe(204)
    const stored = await t.db.query<{ pin_hash: string }>('select pin_hash from action_pins where account_id = $1', [user.userId])
    expect(stored.rows[0].pin_hash).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(stored.rows[0].pin_hash).not.toContain('135791')
  })

  it('refuses a replayed or expired signed request before anything is checked', async () => {
    const paymentId = await addPayment(t.db, { amountMinor: BigInt(5_000) })
    const options = { method: 'POST' as const, url: `/api/transactions/${paymentId}/refunds`, body: { amount: '1.00', reason: 'r', pin: PIN }, headers: { 'idempotency-key': newKey() }, nonce: `nonce${newKey()}`, timestamp: t.now() }
    expect((await signedRequest(t.app, lead, options)).statusCode).toBe(201)
    const replayed = await signedRequest(t.app, lead, options)
    expect(replayed.statusCode).toBe(401)
    const stale = await signedRequest(t.app, lead, { ...options, nonce: `nonce${newKey()}`, timestamp: t.now() - 3_600_000 })
    expect(stale.statusCode).toBe(401)
    expect(await actionRows(t.db, paymentId)).toHaveLength(1)
  })
})

describe.each(testStores())('action rate limit on the $kind store', (store) => {
  let t: ActionsApp
  beforeAll(async () => {
    t = await openActionsApp(await store.open(), { rateLimit: { limit: 3, windowSeconds: 600 } })
  })
  afterAll(async () => {
    await t.close()
    await store.cleanup()
  })

  it('limits acting requests per account, as logins are limited (429 with Retry-After); reads are not limited', async () => {
    const first = await session(t, '13800138333')
    const second = await session(t, '13800138444')
    // The first sets the PIN, the next two are refused as already set: all three count.
    expect((await setPin(t, first)).statusCode).toBe(204)
    for (let i = 0; i < 2; i += 1) expect((await setPin(t, first)).statusCode).toBe(409)
    const limited = await setPin(t, first)
    expect(limited.statusCode).toBe(429)
    expect((limited.json() as ApiErrorBody).error.code).toBe('TOO_MANY_REQUESTS')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    // Reading stays open: the detail's buttons and an outcome's polling never meet a 429.
    for (let i = 0; i < 5; i += 1) expect((await get(t, first, '/api/actions/pin')).statusCode).toBe(200)
    // Another account has its own count.
    expect((await setPin(t, second)).statusCode).toBe(204)
  })
})
