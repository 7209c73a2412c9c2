/**
 * Two apps on two pools of one PostgreSQL schema (two server processes sharing a database, as tests/server/stores.ts
 * openPair offers): the same Idempotency-Key sent to both at once makes one call and one row, and two refunds
 * racing for the last of a daily limit through different processes pass it once. (PGlite is single-process.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiErrorBody } from '@contract/api'
import { testStores } from '../../stores'
import type { TestSession } from '../../support/signed-client'
import { act, actionRows, addPayment, newKey, openActionsApp, PIN, sandboxRefunds, session, setPin, type ActionsApp } from './support'

const postgres = testStores().find((store) => store.kind === 'postgres')

describe.skipIf(postgres === undefined)('two processes on one PostgreSQL database', () => {
  let one: ActionsApp
  let two: ActionsApp
  let lead: TestSession
  beforeAll(async () => {
    const [first, second] = await (postgres?.openPair?.() ?? Promise.reject(new Error('no PostgreSQL')))
    one = await openActionsApp(first)
    two = await openActionsApp(second, { migrated: true })
    lead = await session(one, '13800138000')
    expect((await setPin(one, lead)).statusCode).toBe(204)
  })
  afterAll(async () => {
    await one?.close()
    await two?.close()
    await postgres?.cleanup()
  })

  it('the same Idempotency-Key through both at once: one Oceanpayment call, one audit row', async () => {
    for (let round = 0; round < 3; round += 1) {
      const paymentId = await addPayment(one.db, { amountMinor: BigInt(5_000) })
      const key = newKey()
      const body = { amount: '15.00', reason: 'two processes', pin: PIN }
      const url = `/api/transactions/${paymentId}/refunds`
      const answers = await Promise.all([act(one, lead, url, body, key), act(two, lead, url, body, key)])
      const codes = answers.map((answer) => answer.statusCode)
      expect(codes).toContain(201)
      for (const answer of answers) {
        if (answer.statusCode === 409) expect((answer.json() as ApiErrorBody).error.code).toBe('IDEMPOTENCY_KEY_IN_USE')
        else expect(answer.statusCode).toBe(201)
      }
      expect(await actionRows(one.db, paymentId)).toHaveLength(1)
      expect(await sandboxRefunds(one.db, paymentId)).toHaveLength(1)
    }
  })

  it('two refunds racing for the daily limit through different processes: only one fits', async () => {
    const limited = await session(one, '13800138555')
    expect((await setPin(one, limited)).statusCode).toBe(204)
    await one.db.query(`insert into refund_limits (account_id, currency, daily_minor) values ($1, 'USD', 5000)`, [limited.userId])
    for (let round = 0; round < 3; round += 1) {
      await one.db.query(`update actions set created_at = created_at - interval '2 days' where account_id = $1`, [limited.userId])
      const a = await addPayment(one.db, { amountMinor: BigInt(10_000) })
      const b = await addPayment(one.db, { amountMinor: BigInt(10_000) })
      const body = { amount: '30.00', reason: 'limit race', pin: PIN }
      const answers = await Promise.all([
        act(one, limited, `/api/transactions/${a}/refunds`, body),
        act(two, limited, `/api/transactions/${b}/refunds`, body),
      ])
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 422])
      const refused = answers.find((answer) => answer.statusCode === 422)
      expect((refused?.json() as ApiErrorBody).error).toMatchObject({ failure: 'daily-limit-exceeded' })
      expect([...(await sandboxRefunds(one.db, a)), ...(await sandboxRefunds(one.db, b))]).toHaveLength(1)
    }
  })
})
