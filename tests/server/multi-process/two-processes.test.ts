/**
 * Two real server processes (`node --import tsx server/src/main.ts`) on one PostgreSQL database, driven over real
 * HTTP: the account limit, sessions, nonce replay protection and login rate limits must hold across them, because
 * each lives in the shared store and not in a process's memory. (tests/server/routes/admin and tests/server/auth prove the
 * same with two pools in one Node process; this proves it with two operating-system processes.)
 *
 * Needs DATABASE_URL (a role allowed to create databases): the test creates a database of its own and drops it.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MiniProgramAccount } from '@contract/admin'
import type { ApiErrorBody } from '@contract/api'
import type { LoginResponse } from '@contract/auth'
import { signedHeaders, type SessionKeys } from '../support/signed-client'
import { startServerProcess, type ServerProcess } from './server-process'

const databaseUrl = process.env.DATABASE_URL
const skipReason =
  databaseUrl === undefined || databaseUrl === ''
    ? 'DATABASE_URL is unset: two server processes need a shared PostgreSQL database'
    : undefined
if (skipReason !== undefined) console.info(`[multi-process] skipped: ${skipReason}`)

/** Two of the default OCEANPAYMENT_TERMINALS merchants, which each server registers at start. */
const MERCHANT = '140105' // filled to its limit by the concurrency test
const OTHER_MERCHANT = '150207' // the session and rate-limit tests' accounts, independent of the one above
const ADMIN_TOKEN = `mp-admin-${randomBytes(24).toString('base64url')}`
const READY_WITHIN_MS = 60_000
/** 1380013xxxx: twenty distinct mainland numbers, the first ten sent to process 1, the rest to process 2. */
const PHONES = Array.from({ length: 20 }, (_, i) => `1380013${String(1000 + i * 37).padStart(4, '0')}`)
/** The accounts of OTHER_MERCHANT: session test, per-phone limit, per-address limit. */
const SESSION_PHONE = '13900131234'
const LIMITED_PHONE = '13900135678'
const LATE_PHONE = '13900139012'
const ALL_PHONES = [...PHONES, SESSION_PHONE, LIMITED_PHONE, LATE_PHONE]

/**
 * The login limits count in fixed windows aligned to multiples of 10 minutes since the epoch
 * (server/src/auth/rate-limits.ts); every login of this file must fall into one window, or a limit would
 * seem to reset half way. The logins take a few seconds: start them well clear of a window's end.
 */
const LOGIN_WINDOW_MS = 600_000
const LOGINS_NEED_MS = 20_000

async function clearOfLoginWindowEdge(): Promise<void> {
  const left = LOGIN_WINDOW_MS - (Date.now() % LOGIN_WINDOW_MS)
  if (left < LOGINS_NEED_MS) await new Promise((resolve) => setTimeout(resolve, left + 250))
}

/** Database names are identifiers: only what `create database` takes unquoted. */
const databaseName = `mp_${randomBytes(6).toString('hex')}`

async function withConnection<T>(connectionString: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

function urlOfTestDatabase(): string {
  const url = new URL(databaseUrl ?? '')
  url.pathname = `/${databaseName}`
  return url.toString()
}

interface HttpResult<T> {
  status: number
  headers: Headers
  body: T
}

async function http<T>(
  base: string,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: string } = {},
): Promise<HttpResult<T>> {
  const response = await fetch(`${base}${path}`, { method, headers: init.headers, body: init.body })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: (text === '' ? undefined : JSON.parse(text)) as T }
}

const adminHeaders = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }

function admin<T>(base: string, method: string, path: string, body?: unknown): Promise<HttpResult<T>> {
  return http<T>(base, method, `/admin/api${path}`, {
    headers: adminHeaders,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

function postJson<T>(base: string, path: string, body: unknown): Promise<HttpResult<T>> {
  return http<T>(base, 'POST', path, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

/** Codes from the process's WeChat emulator, the way the H5 build gets them. */
async function emulatorCodes(base: string, phone: string): Promise<{ loginCode: string; phoneCode: string }> {
  const login = await postJson<{ code: string }>(base, '/sandbox/wechat/dev/login', {})
  const phoneCode = await postJson<{ code: string }>(base, '/sandbox/wechat/dev/phone-code', { phone })
  expect(login.status, JSON.stringify(login.body)).toBe(200)
  expect(phoneCode.status, JSON.stringify(phoneCode.body)).toBe(200)
  return { loginCode: login.body.code, phoneCode: phoneCode.body.code }
}

/** A signed request over HTTP, signed as the README defines it (tests/server/support/signed-client.ts). */
function signed(session: SessionKeys, method: 'GET' | 'POST', path: string): { headers: Record<string, string> } {
  return { headers: signedHeaders(session, { method, url: path }).headers }
}

describe.skipIf(skipReason !== undefined)('two server processes on one PostgreSQL database', () => {
  let one: ServerProcess | undefined
  let two: ServerProcess | undefined
  let databaseCreated = false
  /** Every secret and phone number that went over the wire, to look for in the processes' logs at the end. */
  const secrets: Array<{ what: string; value: string }> = [{ what: 'ADMIN_TOKEN', value: ADMIN_TOKEN }]
  let sessionUserId = ''
  /** Every POST /api/auth/login sent: all come from 127.0.0.1, so all count against one per-address bucket. */
  let loginAttempts = 0

  const login = <T>(base: string, body: unknown): Promise<HttpResult<T>> => {
    loginAttempts += 1
    return postJson<T>(base, '/api/auth/login', body)
  }

  const createAccount = async (base: string, phone: string): Promise<MiniProgramAccount> => {
    const response = await admin<MiniProgramAccount>(base, 'POST', `/merchants/${OTHER_MERCHANT}/users`, {
      phone,
      username: `staff ${phone.slice(-4)}`,
      permissions: ['order-query'],
    })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    return response.body
  }

  const p1 = (): string => one?.url ?? ''
  const p2 = (): string => two?.url ?? ''

  beforeAll(async () => {
    await withConnection(databaseUrl ?? '', (client) => client.query(`create database ${databaseName}`))
    databaseCreated = true
    const env = {
      DATABASE_URL: urlOfTestDatabase(),
      ADMIN_TOKEN,
      DEMO_DATA: 'off',
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    }
    // Started together, as a deployment would: both migrate the same empty database at once.
    const started = await Promise.allSettled([startServerProcess(env, READY_WITHIN_MS), startServerProcess(env, READY_WITHIN_MS)])
    if (started[0].status === 'fulfilled') one = started[0].value
    if (started[1].status === 'fulfilled') two = started[1].value
    const failed = started.find((result) => result.status === 'rejected')
    if (failed !== undefined) throw failed.reason
  }, READY_WITHIN_MS + 30_000)

  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()])
    if (databaseCreated) {
      await withConnection(databaseUrl ?? '', (client) => client.query(`drop database if exists ${databaseName} with (force)`))
    }
  }, 40_000)

  it('listens as two separate processes on the same store, each with the merchant registered', async () => {
    expect(p1()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(p2()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(p1()).not.toBe(p2())
    // Both migrated the empty database at once; the migration lock let each migration be applied exactly once.
    const applied = (one?.migrationsApplied ?? 0) + (two?.migrationsApplied ?? 0)
    expect(applied).toBeGreaterThan(0)
    const { rows } = await withConnection(urlOfTestDatabase(), (client) =>
      client.query<{ count: string }>('select count(*) as count from schema_migrations'),
    )
    expect(applied).toBe(Number(rows[0].count))
    for (const base of [p1(), p2()]) {
      const health = await http<{ store: string }>(base, 'GET', '/api/health')
      expect(health.status).toBe(200)
      expect(health.body.store).toBe('postgres')
      const merchants = await admin<Array<{ account: string }>>(base, 'GET', '/merchants')
      expect(merchants.status).toBe(200)
      expect(merchants.body.map((merchant) => merchant.account)).toContain(MERCHANT)
    }
  })

  it('20 concurrent account creations split across both processes yield exactly 10', async () => {
    const results = await Promise.all(
      PHONES.map((phone, i) =>
        admin<MiniProgramAccount | ApiErrorBody>(i < 10 ? p1() : p2(), 'POST', `/merchants/${MERCHANT}/users`, {
          phone,
          username: `staff ${i}`,
          position: '出纳',
          enabled: true,
          permissions: ['refund', 'order-query'],
        }),
      ),
    )
    const statuses = results.map((result) => result.status)
    expect(statuses.filter((status) => status === 201)).toHaveLength(10)
    expect(statuses.filter((status) => status === 409)).toHaveLength(10)
    for (const result of results.filter((r) => r.status === 409)) {
      expect((result.body as ApiErrorBody).error.code).toBe('ACCOUNT_LIMIT_REACHED')
    }
    const created = results.filter((r) => r.status === 201).map((r) => r.body as MiniProgramAccount)
    // Had either process counted only its own accounts, all 20 would have been created.
    const wonByOne = results.slice(0, 10).filter((r) => r.status === 201).length
    console.info(`[multi-process] accounts created through process 1: ${wonByOne}, through process 2: ${10 - wonByOne}`)

    const expected = created.map((account) => account.phone).sort()
    for (const base of [p1(), p2()]) {
      const list = await admin<MiniProgramAccount[]>(base, 'GET', `/merchants/${MERCHANT}/users`)
      expect(list.status).toBe(200)
      expect(list.body.map((account) => account.phone).sort()).toEqual(expected)
    }
  })

  it('a session made on process 1 works on process 2; its nonce is spent on both; disabling on 2 ends it on 1', async () => {
    await clearOfLoginWindowEdge() // the first login of the file: from here on the rate-limit windows count
    const account = await createAccount(p1(), SESSION_PHONE)
    sessionUserId = account.id
    const codes = await emulatorCodes(p1(), account.phone)
    secrets.push({ what: 'login code', value: codes.loginCode }, { what: 'phone code', value: codes.phoneCode })
    const loggedIn = await login<LoginResponse>(p1(), codes)
    expect(loggedIn.status, JSON.stringify(loggedIn.body)).toBe(200)
    const session: SessionKeys = { token: loggedIn.body.token, signingKey: loggedIn.body.signingKey }
    secrets.push({ what: 'session token', value: session.token }, { what: 'signing key', value: session.signingKey })
    expect(loggedIn.body.profile).toMatchObject({ userId: account.id, merchantAccount: OTHER_MERCHANT })

    const first = signed(session, 'GET', '/api/me')
    const onTwo = await http<{ userId: string; merchantNo: string; maskedPhone: string }>(p2(), 'GET', '/api/me', first)
    expect(onTwo.status, JSON.stringify(onTwo.body)).toBe(200)
    expect(onTwo.body).toMatchObject({ userId: account.id, merchantNo: OTHER_MERCHANT })
    expect(onTwo.body.maskedPhone).not.toBe(account.phone)

    // The very same request (same nonce, same signature) sent to the other process.
    const replayed = await http<ApiErrorBody>(p1(), 'GET', '/api/me', first)
    expect(replayed.status).toBe(401)
    expect(replayed.body.error.code).toBe('NONCE_REPLAYED')

    // A fresh nonce still works on process 1: the replay was refused for its nonce, not for its session.
    const fresh = await http<{ userId: string }>(p1(), 'GET', '/api/me', signed(session, 'GET', '/api/me'))
    expect(fresh.status).toBe(200)

    const disabled = await admin<MiniProgramAccount>(p2(), 'PATCH', `/merchants/${OTHER_MERCHANT}/users/${account.id}`, { enabled: false })
    expect(disabled.status).toBe(200)
    expect(disabled.body.enabled).toBe(false)

    const afterDisable = await http<ApiErrorBody>(p1(), 'GET', '/api/me', signed(session, 'GET', '/api/me'))
    expect(afterDisable.status).toBe(401)
    expect(afterDisable.body.error.code).toBe('SESSION_EXPIRED')
  }, LOGINS_NEED_MS + 30_000)

  it('the per-phone login limit (10 per 10 minutes) is counted across both processes', async () => {
    const { phone } = await createAccount(p2(), LIMITED_PHONE)
    const attempt = async (base: string): Promise<HttpResult<LoginResponse | ApiErrorBody>> =>
      login<LoginResponse | ApiErrorBody>(base, await emulatorCodes(base, phone))
    const statuses: number[] = []
    for (let i = 0; i < 10; i += 1) statuses.push((await attempt(i % 2 === 0 ? p1() : p2())).status)
    // Five logins per process: each alone would be far below its limit.
    expect(statuses).toEqual(Array.from({ length: 10 }, () => 200))
    for (const base of [p1(), p2()]) {
      const refused = await attempt(base)
      expect(refused.status).toBe(429)
      expect((refused.body as ApiErrorBody).error.code).toBe('TOO_MANY_REQUESTS')
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    }
  })

  it('the per-address login limit (30 per 10 minutes) is counted across both processes', async () => {
    const account = await createAccount(p1(), LATE_PHONE)
    // Every login attempt so far came from 127.0.0.1 and was counted there (the address is checked first, before
    // WeChat is asked, so invalid codes count too).
    const countedSoFar = loginAttempts
    expect(countedSoFar).toBeLessThan(30)
    const statuses: number[] = []
    for (let i = 0; i < 40 && !statuses.includes(429); i += 1) {
      const base = i % 2 === 0 ? p1() : p2()
      const response = await login<ApiErrorBody>(base, { loginCode: `not-a-real-code-${i}`, phoneCode: `not-a-real-code-${i}` })
      statuses.push(response.status)
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    expect(statuses.slice(0, 30 - countedSoFar)).toEqual(Array.from({ length: 30 - countedSoFar }, () => 400))
    expect(statuses).toHaveLength(30 - countedSoFar + 1)
    expect(statuses.at(-1)).toBe(429)
    // Refused by the other process too, even with valid codes for an enabled account.
    const other = statuses.length % 2 === 0 ? p1() : p2()
    const refused = await login<ApiErrorBody>(other, await emulatorCodes(other, account.phone))
    expect(refused.status).toBe(429)
    expect(refused.body.error.code).toBe('TOO_MANY_REQUESTS')
  })

  it('neither process logged the admin token, a session secret, a WeChat code or a full phone number', () => {
    const logs = [one?.output() ?? '', two?.output() ?? '']
    // A value the server does log (the logged-in user's id) is found: the search below would find a leak.
    expect(logs[0]).toContain(`"userId":"${sessionUserId}"`)
    for (const log of logs) {
      // The logs are real: start-up and the requests above are in them.
      expect(log).toContain('server ready at')
      expect(log).toContain('/api/auth/login')
      for (const { what, value } of secrets) expect(log.includes(value), `${what} in the log`).toBe(false)
      for (const phone of ALL_PHONES) expect(log.includes(phone), `phone ${phone} in the log`).toBe(false)
    }
  })
})
