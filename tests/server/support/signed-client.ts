/**
 * Signed calls to the assistant API for route tests, written from the README's definition of the signature and
 * NOT from the server's code, so a bug in one is caught by the other.
 *
 *   const session = await loginAs(app, db, { merchant: '140105', phone: '13800138000' })
 *   const res = await signedGet(app, session, '/api/transactions?page=2')
 *   const res2 = await signedPost(app, session, '/api/refunds', { amount: '1.00' })
 *
 * `loginAs` goes through the real login route. WeChat codes come from the WeChat emulator's dev endpoints when the
 * app mounts them, otherwise from `fakeWechat()` (pass it to the app as `wechat`: see `buildAuthTestApp`).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import type { AccountPermission } from '@contract/admin'
import type { LoginResponse, SessionProfile } from '@contract/auth'
import { buildApp, type App, type BuildAppOptions } from '../../../server/src/app'
import type { ServerConfig } from '../../../server/src/config'
import type { Db } from '../../../server/src/db'
import { devStandIns } from '../../../server/src/dev'
import { createLogger } from '../../../server/src/logging/logger'
import { accountsRepository } from '../../../server/src/repositories/accounts'
import { merchantsRepository } from '../../../server/src/repositories/merchants'
import { normalizePhone } from '../../../server/src/services/accounts'
import { WechatError, type WechatApi, type WechatPhone, type WechatSession } from '../../../server/src/wechat/types'
import { captureLogs, testConfig, type TestApp } from '../harness'

/** What a signed request needs: the two secrets the login returned. */
export interface SessionKeys {
  token: string
  signingKey: string
}

export interface TestSession extends SessionKeys {
  profile: SessionProfile
  userId: string
  merchant: string
  phone: string
}

export type SignedMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface SignedRequestOptions {
  method: SignedMethod
  /** Path and query exactly as sent, e.g. `/api/orders?b=2&a=1`. */
  url: string
  /** An object is sent as JSON; a string or Buffer as is (set content-type in `headers`). */
  body?: unknown
  headers?: Record<string, string>
  /** Unix ms; defaults to Date.now() (pass the app's injected clock when it has one). */
  timestamp?: number
  /** Defaults to 24 random base64url characters. */
  nonce?: string
  /** Sent instead of the correct signature (tests of rejection). */
  sign?: string
  /** Sent instead of the real client address (rate-limit tests). */
  remoteAddress?: string
}

/** `path?sorted&query`: the raw query pairs sorted by key, then by value; empty pairs dropped; no `?` if none. */
export function canonicalPathAndQuery(url: string): string {
  const at = url.indexOf('?')
  if (at === -1) return url
  const path = url.slice(0, at)
  const pairs = url
    .slice(at + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=')
      return { pair, key: eq === -1 ? pair : pair.slice(0, eq), value: eq === -1 ? '' : pair.slice(eq + 1) }
    })
  pairs.sort((a, b) => compare(a.key, b.key) || compare(a.value, b.value))
  return pairs.length === 0 ? path : `${path}?${pairs.map((p) => p.pair).join('&')}`
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** X-OP-Sign for the given parts. `body` is the exact bytes sent (empty for none). */
export function computeSignature(parts: {
  signingKey: string
  method: string
  url: string
  body: string | Buffer
  timestamp: number | string
  nonce: string
}): string {
  const bodyBytes = typeof parts.body === 'string' ? Buffer.from(parts.body, 'utf8') : parts.body
  const bodyHash = bodyBytes.length === 0 ? '' : createHash('sha256').update(bodyBytes).digest('hex')
  const message = [parts.method.toUpperCase(), canonicalPathAndQuery(parts.url), bodyHash, String(parts.timestamp), parts.nonce].join('\n')
  return createHmac('sha256', Buffer.from(parts.signingKey, 'hex')).update(message, 'utf8').digest('hex')
}

export function newNonce(): string {
  return randomBytes(18).toString('base64url')
}

function encodeBody(body: unknown, headers: Record<string, string>): string | Buffer | undefined {
  if (body === undefined) return undefined
  if (typeof body === 'string' || Buffer.isBuffer(body)) return body
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json'
  }
  return JSON.stringify(body)
}

/** The X-OP-* headers (plus content-type for a JSON body) and the exact payload to send with them. */
export function signedHeaders(
  session: SessionKeys,
  options: SignedRequestOptions,
): { headers: Record<string, string>; payload: string | Buffer | undefined } {
  const headers: Record<string, string> = { ...options.headers }
  const payload = encodeBody(options.body, headers)
  const timestamp = options.timestamp ?? Date.now()
  const nonce = options.nonce ?? newNonce()
  const sign =
    options.sign ??
    computeSignature({
      signingKey: session.signingKey,
      method: options.method,
      url: options.url,
      body: payload ?? '',
      timestamp,
      nonce,
    })
  headers['x-op-session'] = session.token
  headers['x-op-timestamp'] = String(timestamp)
  headers['x-op-nonce'] = nonce
  headers['x-op-sign'] = sign
  return { headers, payload }
}

export function signedRequest(
  app: App,
  session: SessionKeys,
  options: SignedRequestOptions,
): Promise<LightMyRequestResponse> {
  const { headers, payload } = signedHeaders(session, options)
  const inject: InjectOptions = { method: options.method, url: options.url, headers, payload }
  if (options.remoteAddress !== undefined) inject.remoteAddress = options.remoteAddress
  return app.inject(inject)
}

export function signedGet(
  app: App,
  session: SessionKeys,
  url: string,
  options: Partial<Omit<SignedRequestOptions, 'method' | 'url'>> = {},
): Promise<LightMyRequestResponse> {
  return signedRequest(app, session, { ...options, method: 'GET', url })
}

export function signedPost(
  app: App,
  session: SessionKeys,
  url: string,
  body?: unknown,
  options: Partial<Omit<SignedRequestOptions, 'method' | 'url' | 'body'>> = {},
): Promise<LightMyRequestResponse> {
  return signedRequest(app, session, { ...options, method: 'POST', url, body })
}

/**
 * A WechatApi for tests without the emulator. Codes: login `fake-login:<anything>`, phone `fake-phone:<number>`
 * (11-digit mainland or +country code). `fake-login:bad` / `fake-phone:bad` are invalid codes (WeChat 40029), any
 * code with `down` makes WeChat "unavailable" (-1). Each code works once, like WeChat's.
 */
export function fakeWechat(): WechatApi & { calls: number; sessionKeys: string[] } {
  const used = new Set<string>()
  const spend = (code: string, prefix: string): string => {
    if (code.includes('down')) throw new WechatError(-1, 'system error', false)
    if (!code.startsWith(prefix) || code === `${prefix}bad`) throw new WechatError(40029, 'invalid code', true)
    if (used.has(code)) throw new WechatError(40163, 'code been used', true)
    used.add(code)
    return code.slice(prefix.length)
  }
  const fake = {
    calls: 0,
    /** Every session_key handed out, to prove none of them reaches a response or a log. */
    sessionKeys: [] as string[],
    async code2Session(loginCode: string): Promise<WechatSession> {
      fake.calls += 1
      const id = spend(loginCode, 'fake-login:')
      const sessionKey = randomBytes(16).toString('base64')
      fake.sessionKeys.push(sessionKey)
      return { openid: `o-${createHash('sha256').update(id).digest('hex').slice(0, 20)}`, sessionKey }
    },
    async getPhoneNumber(phoneCode: string): Promise<WechatPhone> {
      fake.calls += 1
      const phone = spend(phoneCode, 'fake-phone:').split('#')[0]
      if (phone.startsWith('+')) {
        // "+852 61234567" (as the emulator wants it) or "+85261234567" (a few known country codes).
        const match = /^\+(\d{1,3})[ -](\d+)$/.exec(phone) ?? /^\+(852|853|886|1|44|65)(\d+)$/.exec(phone)
        const countryCode = match?.[1] ?? phone.slice(1, 3)
        const pure = match?.[2] ?? phone.slice(3)
        return { phoneNumber: `+${countryCode}${pure}`, purePhoneNumber: pure, countryCode }
      }
      return { phoneNumber: phone, purePhoneNumber: phone, countryCode: '86' }
    },
  }
  return fake
}

let fakeCodeCounter = 0

/** Apps built by buildAuthTestApp with a fake: loginAs gives them fake codes even when the emulator is mounted. */
const appsWithFakeWechat = new WeakSet<App>()

/** A fresh pair of fake codes for `phone` (see fakeWechat). */
export function fakeCodes(phone: string): { loginCode: string; phoneCode: string } {
  fakeCodeCounter += 1
  const unique = `${process.pid}-${fakeCodeCounter}-${randomBytes(4).toString('hex')}`
  return { loginCode: `fake-login:${unique}`, phoneCode: `fake-phone:${phone}#${unique}` }
}

/**
 * Codes for logging in as `phone`: minted by the WeChat emulator's dev endpoints when the app mounts them,
 * otherwise fake codes (which only an app built with `fakeWechat()` accepts).
 */
export async function wechatCodes(app: App, phone: string): Promise<{ loginCode: string; phoneCode: string }> {
  if (appsWithFakeWechat.has(app)) return fakeCodes(phone)
  // The emulator limits code minting per address, and its dev routes answer only loopback callers.
  const remoteAddress = randomLoopbackAddress()
  const login = await app.inject({ method: 'POST', url: '/sandbox/wechat/dev/login', payload: {}, remoteAddress })
  if (login.statusCode === 404) return fakeCodes(phone)
  const phoneCode = await app.inject({
    method: 'POST',
    url: '/sandbox/wechat/dev/phone-code',
    payload: { phone },
    remoteAddress,
  })
  if (login.statusCode !== 200 || phoneCode.statusCode !== 200) {
    throw new Error(`WeChat emulator refused to mint codes: ${login.statusCode} ${login.body} / ${phoneCode.statusCode} ${phoneCode.body}`)
  }
  return {
    loginCode: (login.json() as { code: string }).code,
    phoneCode: (phoneCode.json() as { code: string }).code,
  }
}

/** A random private address, so tests that log in many times do not trip the per-IP login limit. */
/** A random address in 127.0.0.0/8: a caller on this machine, as the development stand-ins require. */
export function randomLoopbackAddress(): string {
  const bytes = randomBytes(3)
  return `127.${bytes[0]}.${bytes[1]}.${bytes[2]}`
}

export function randomClientAddress(): string {
  const bytes = randomBytes(3)
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`
}

export interface LoginAsOptions {
  merchant: string
  /** Mainland "13800138000", or "+852 61234567" (with a space after the country code, as the emulator wants). */
  phone: string
  /** Used when the merchant row has to be created. */
  merchantName?: string
  username?: string
  position?: string
  /** Defaults to every permission. */
  permissions?: AccountPermission[]
}

/**
 * Ensures the merchant and an enabled account for `phone` exist (created directly in the store, as the admin
 * would), then logs in through `POST /api/auth/login`. Reuses the account when the phone already has one.
 */
export async function loginAs(app: App, db: Db, options: LoginAsOptions): Promise<TestSession> {
  const merchants = merchantsRepository(db)
  if ((await merchants.find(options.merchant)) === undefined) {
    await merchants.upsert({ account: options.merchant, name: options.merchantName })
  }
  const accounts = accountsRepository(db)
  const phone = normalizePhone(options.phone)
  if (phone === undefined) throw new Error(`loginAs: ${options.phone} is not a phone number the admin would accept`)
  const existing = (await accounts.list(options.merchant)).find((account) => account.phone === phone)
  if (existing === undefined) {
    await accounts.create(options.merchant, {
      phone,
      username: options.username ?? `user ${options.phone.slice(-4)}`,
      position: options.position ?? '',
      enabled: true,
      permissions: options.permissions ?? ['capture', 'void', 'refund', 'tracking', 'order-query', 'card-bin', 'health-check'],
    })
  }
  const codes = await wechatCodes(app, options.phone)
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { ...codes, merchantAccount: options.merchant },
    remoteAddress: randomClientAddress(),
  })
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`)
  const login = response.json() as LoginResponse
  return {
    token: login.token,
    signingKey: login.signingKey,
    profile: login.profile,
    userId: login.profile.userId,
    merchant: options.merchant,
    phone: options.phone,
  }
}

/** Like harness.buildTestApp, with the auth options: a WeChat fake (default `fakeWechat()`), a clock, limits. */
export function buildAuthTestApp(
  db: Db,
  options: Partial<Pick<BuildAppOptions, 'wechat' | 'clock' | 'loginLimits'>> & { config?: ServerConfig } = {},
): TestApp & { wechat: WechatApi & Partial<ReturnType<typeof fakeWechat>> } {
  const { capture, destination } = captureLogs()
  const wechat = options.wechat ?? fakeWechat()
  const app = buildApp({
    config: options.config ?? testConfig(),
    db,
    logger: createLogger({ level: 'debug', destination }),
    wechat,
    clock: options.clock,
    loginLimits: options.loginLimits,
    standIns: devStandIns,
  })
  if (options.wechat === undefined || 'calls' in options.wechat) appsWithFakeWechat.add(app)
  return { app, logs: capture, wechat }
}
