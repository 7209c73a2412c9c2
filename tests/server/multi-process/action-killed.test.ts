/**
 * A real server process killed with SIGKILL between Oceanpayment's answer to a refund and the database write
 * (TEST_KILL_AFTER_GATEWAY_CALL, a test-only hook production refuses): the refund's audit row was written ahead as
 * `unknown`, so the next process to start reconciles it with Refund Query — one row, one refund, never re-sent.
 *
 * Needs DATABASE_URL (a role allowed to create databases): the test creates a database of its own and drops it.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import { openPostgres, type Db } from '../../../server/src/db'
import { seedSandbox } from '../../../server/src/dev/oceanpayment-sandbox'
import { accountsRepository } from '../../../server/src/repositories/accounts'
import { addPayment, MERCHANT, newKey, PIN } from '../routes/actions/support'
import { signedHeaders, type SessionKeys } from '../support/signed-client'
import { startServerProcess, type ServerProcess } from './server-process'

const databaseUrl = process.env.DATABASE_URL
const skip = databaseUrl === undefined || databaseUrl === ''
const databaseName = `mpk_${randomBytes(6).toString('hex')}`
const PHONE = '13800138666'

function testDatabaseUrl(): string {
  const url = new URL(databaseUrl ?? '')
  url.pathname = `/${databaseName}`
  return url.toString()
}

async function admin(run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await run(client)
  } finally {
    await client.end()
  }
}

async function postJson(base: string, path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const text = await response.text()
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) }
}

async function signedFetch(base: string, session: SessionKeys, method: 'PUT' | 'POST', url: string, body: unknown, extra: Record<string, string> = {}): Promise<Response> {
  const { headers, payload } = signedHeaders(session, { method, url, body, headers: extra })
  return fetch(`${base}${url}`, { method, headers, body: payload as string })
}

describe.skipIf(skip)('a server process killed between the gateway call and the database write', () => {
  let db: Db
  let server: ServerProcess | undefined
  const env = (): Record<string, string> => ({
    DATABASE_URL: testDatabaseUrl(),
    DEMO_DATA: 'off',
    GAP_FILL_INTERVAL_SECONDS: '0',
    ACTION_RECONCILE_INTERVAL_SECONDS: '1',
    LOG_LEVEL: 'info',
  })

  beforeAll(async () => {
    await admin((client) => client.query(`create database ${databaseName}`))
  }, 30_000)
  afterAll(async () => {
    await server?.stop()
    await db?.close()
    await admin((client) => client.query(`drop database if exists ${databaseName} with (force)`))
  }, 30_000)

  it('reconciles the refund on the next start: one audit row, one refund at Oceanpayment', async () => {
    server = await startServerProcess({ ...env(), TEST_KILL_AFTER_GATEWAY_CALL: '1' }, 60_000)
    const base = server.url
    db = await openPostgres({ connectionString: testDatabaseUrl(), max: 2 })
    await seedSandbox(db, { ordersPerTerminal: 1 })
    await accountsRepository(db).create(MERCHANT, { phone: PHONE, username: 'finance', position: '', enabled: true, permissions: ['refund'] })
    const paymentId = await addPayment(db, { amountMinor: BigInt(7_000) })

    const login = await postJson(base, '/sandbox/wechat/dev/login', {})
    const phone = await postJson(base, '/sandbox/wechat/dev/phone-code', { phone: PHONE })
    const loggedIn = await postJson(base, '/api/auth/login', {
      loginCode: (login.body as { code: string }).code,
      phoneCode: (phone.body as { code: string }).code,
      merchantAccount: MERCHANT,
    })
    expect(loggedIn.status, JSON.stringify(loggedIn.body)).toBe(200)
    const session = loggedIn.body as LoginResponse
    expect((await signedFetch(base, session, 'PUT', '/api/actions/pin', { pin: PIN })).status).toBe(204)

    // The process dies after Oceanpayment accepted the refund and before it wrote the answer.
    const url = `/api/transactions/${paymentId}/refunds`
    await expect(signedFetch(base, session, 'POST', url, { amount: '70.00', reason: 'killed', pin: PIN }, { 'idempotency-key': newKey() })).rejects.toThrow()
    await new Promise((resolve) => setTimeout(resolve, 300))
    await server.stop()
    server = undefined

    const { rows: before } = await db.query<{ id: string; status: string }>(`select id::text as id, status from actions where payment_id = $1`, [paymentId])
    expect(before).toEqual([{ id: expect.any(String), status: 'unknown' }])
    const { rows: sent } = await db.query<{ refund_number: string }>(`select refund_number from sandbox_refunds where payment_id = $1`, [paymentId])
    expect(sent).toEqual([{ refund_number: before[0].id }])

    // The next process reconciles it at start (Refund Query by refund_number): accepted, so pending, then decided.
    server = await startServerProcess(env(), 60_000)
    let status = 'unknown'
    for (let waited = 0; waited < 20_000 && status === 'unknown'; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      const { rows } = await db.query<{ status: string }>(`select status from actions where payment_id = $1`, [paymentId])
      status = rows[0].status
    }
    expect(['pending', 'succeeded']).toContain(status)
    const { rows: after } = await db.query(`select 1 from actions where payment_id = $1`, [paymentId])
    expect(after).toHaveLength(1)
    const { rows: refunds } = await db.query(`select 1 from sandbox_refunds where payment_id = $1`, [paymentId])
    expect(refunds).toHaveLength(1)
  }, 120_000)
})
