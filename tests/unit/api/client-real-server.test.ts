/**
 * The API client against the REAL server, in process: Taro.request is routed into Fastify's `inject`, so the
 * client's own login, signing, query encoding and error mapping meet the server's verifier and routes unchanged.
 * The WeChat codes come from the client's own sandbox calls to the server's WeChat emulator, as in the H5 build.
 * (Built here rather than with tests/server/support: that folder is type-checked with the server's settings.)
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LoginRequest, LoginResponse } from '@contract/auth'
import { createApiClient, type ApiClient } from '@/api/client'
import { ApiClientError } from '@/api/errors'
import type { ApiClientOptions } from '@/api/transport'
import { buildApp, type App } from '../../../server/src/app'
import { devStandIns } from '../../../server/src/dev'
import { loadConfig } from '../../../server/src/config'
import { openPglite, type Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { createLogger } from '../../../server/src/logging/logger'
import { accountsRepository } from '../../../server/src/repositories/accounts'
import { merchantsRepository } from '../../../server/src/repositories/merchants'

interface TaroRequest {
  url: string
  method: 'GET' | 'POST'
  header: Record<string, string>
  data?: string
}

/** The client's transport: Taro.request's options routed into the server. */
const request = vi.fn()

/** Lets a test alter the request after the client signed it (a man in the middle). */
let tamper: ((req: TaroRequest) => TaroRequest) | null = null

let db: Db
let app: App
let session: LoginResponse | null = null

function toTaroAnswer(response: LightMyRequestResponse) {
  const header: Record<string, string> = {}
  for (const [name, value] of Object.entries(response.headers)) header[name] = String(value)
  return { statusCode: response.statusCode, data: response.body, header }
}

beforeAll(async () => {
  db = await openPglite()
  await migrate(db)
  await merchantsRepository(db).upsert({ account: '140105', name: '海洋示范贸易有限公司' })
  await merchantsRepository(db).upsert({ account: '150207', name: 'Harbour Outdoor Goods Ltd.' })
  const accounts = accountsRepository(db)
  const all = ['capture', 'void', 'refund', 'tracking', 'order-query', 'card-bin', 'health-check'] as const
  await accounts.create('140105', { phone: '13800138000', username: '张敏', position: '财务主管', enabled: true, permissions: [...all] })
  await accounts.create('140105', { phone: '13700137000', username: '王芳', position: '运营', enabled: false, permissions: [] })
  await accounts.create('140105', { phone: '13500135000', username: 'Two', position: '', enabled: true, permissions: [] })
  await accounts.create('150207', { phone: '13500135000', username: 'Two', position: '', enabled: true, permissions: [] })
  const dir = mkdtempSync(join(tmpdir(), 'op-client-test-'))
  // Only these variables, not process.env (which may carry a DATABASE_URL). TARO_ENV only satisfies the client's
  // ProcessEnv type (src/env.d.ts, which this file is checked with); the server ignores it.
  const config = loadConfig({ DATA_DIR: join(dir, 'data'), H5_DIR: join(dir, 'h5'), NODE_ENV: 'test', LOG_LEVEL: 'warn', TARO_ENV: 'h5' })
  app = buildApp({ config, db, logger: createLogger({ level: 'warn', destination: { write: () => undefined } }), standIns: devStandIns })
  request.mockImplementation(async (options: TaroRequest) => {
    const req = tamper === null ? options : tamper(options)
    const response = await app.inject({ method: req.method, url: req.url, headers: req.header, payload: req.data })
    return toTaroAnswer(response)
  })
}, 60_000)

afterAll(async () => {
  await app?.close()
  await db?.close()
})

/** A fresh client: no clock offset or nonce counter carries over from another test. */
const client = (options: Partial<ApiClientOptions> = {}): ApiClient =>
  createApiClient({
    transport: request,
    baseUrl: '',
    credentials: () => (session === null ? null : { token: session.token, signingKey: session.signingKey }),
    now: () => Date.now(),
    sleep: () => Promise.resolve(),
    ...options,
  })
let api: ApiClient

beforeEach(() => {
  tamper = null
  api = client()
})

/** Fresh single-use codes for `phone`, minted by the emulator through the client (as the H5 sheet does). */
async function wechatCodes(phone: string): Promise<LoginRequest> {
  const [loginCode, phoneCode] = await Promise.all([api.sandboxLoginCode(), api.sandboxPhoneCode(phone)])
  return { loginCode: loginCode.code, phoneCode: phoneCode.code }
}

async function failure(promise: Promise<unknown>): Promise<ApiClientError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(ApiClientError)
  return error as ApiClientError
}

describe('the client against the real server', () => {
  it('logs in through the client (unsigned, codes from the emulator), then a signed GET with filters and Chinese text succeeds', async () => {
    session = await api.login(await wechatCodes('13800138000'))
    expect(session.profile).toMatchObject({ username: '张敏', merchantAccount: '140105', phone: '138****8000' })

    const page = await api.fetchTransactions({
      currency: 'USD',
      status: 'success',
      q: '订单 号&=+?',
      cardBrand: 'American Express',
      timeType: 'payment',
      limit: 5,
    })
    expect(page).toMatchObject({ items: [], nextCursor: null, total: { count: 0 } })
    expect((await api.fetchProfile()).username).toBe('张敏')
  }, 30_000)

  it('signed POSTs succeed: an empty body and a JSON body', async () => {
    await expect(api.heartbeat()).resolves.toEqual({ expiresIn: 600 })
    await expect(api.markAllMessagesRead({ kind: 'chargeback' })).resolves.toMatchObject({ marked: 0 })
  })

  it('a request altered after signing is refused as a signature error', async () => {
    tamper = (req) => ({ ...req, url: req.url.replace('currency=USD', 'currency=EUR') })
    const changedQuery = await failure(api.fetchTransactions({ currency: 'USD' }))
    expect(changedQuery).toMatchObject({ kind: 'signature', code: 'SIGNATURE_INVALID', status: 401 })

    tamper = (req) => ({ ...req, data: '{"kind":"fraud"}' })
    const changedBody = await failure(api.markAllMessagesRead({ kind: 'chargeback' }))
    expect(changedBody).toMatchObject({ kind: 'signature', code: 'SIGNATURE_INVALID' })
  })

  it('a replayed request (same nonce) is refused', async () => {
    let first: TaroRequest | null = null
    tamper = (req) => {
      first ??= req
      return first
    }
    await api.heartbeat()
    expect(await failure(api.heartbeat())).toMatchObject({ kind: 'signature', code: 'NONCE_REPLAYED' })
  })

  it('a wrong phone clock is corrected from X-OP-Server-Time and the request goes through', async () => {
    api = client({ now: () => Date.now() - 3_600_000 })
    const before = request.mock.calls.length
    await expect(api.heartbeat()).resolves.toEqual({ expiresIn: 600 })
    const stamps = request.mock.calls.slice(before).map(([req]) => Number((req as TaroRequest).header['X-OP-Timestamp']))
    expect(stamps).toHaveLength(2)
    expect(Date.now() - stamps[0]).toBeGreaterThan(3_500_000)
    expect(Math.abs(Date.now() - stamps[1])).toBeLessThan(60_000)
  })

  it('login errors arrive typed: not bound, disabled, stale code, several merchants (with the list)', async () => {
    expect(await failure(api.login(await wechatCodes('13100000000')))).toMatchObject({ kind: 'validation', code: 'PHONE_NOT_BOUND', status: 403 })
    expect(await failure(api.login(await wechatCodes('13700137000')))).toMatchObject({ code: 'PHONE_NOT_BOUND' })
    const used = await wechatCodes('13800138000')
    await api.login(used)
    expect(await failure(api.login(used))).toMatchObject({ code: 'WECHAT_CODE_INVALID', status: 400 })
    const several = await failure(api.login(await wechatCodes('13500135000')))
    expect(several).toMatchObject({ code: 'CONFLICT', status: 409 })
    expect(several.merchants).toEqual([
      { account: '140105', name: '海洋示范贸易有限公司' },
      { account: '150207', name: 'Harbour Outdoor Goods Ltd.' },
    ])
    const chosen = await api.login({ ...(await wechatCodes('13500135000')), merchantAccount: '150207' })
    expect(chosen.profile.merchantName).toBe('Harbour Outdoor Goods Ltd.')
  }, 30_000)

  it('after logout the session is dead: the next signed call is session-expired', async () => {
    await api.logout()
    expect(await failure(api.heartbeat())).toMatchObject({ kind: 'session-expired', code: 'SESSION_EXPIRED' })
    session = null
  })
})
