/**
 * The bench's HTTP side: plain node:http requests (no client library between the timer and the socket), the
 * accounts it creates through the admin API, and logins through the WeChat emulator and POST /api/auth/login,
 * each session from its own loopback source address as N phones would be. Shared by bench.ts and load.ts.
 */
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { LoginResponse } from '@contract/auth'
import { signedHeaders, type SessionKeys } from '../../tests/server/support/signed-client'

export interface Answer {
  status: number
  body: string
  requestId?: string
}

/** Set when a request is given up on: whether its TCP connection was open and its request written by then. */
export class GaveUp extends Error {
  constructor(readonly stage: string) {
    super('client-timeout')
  }
}

export interface RequestOptions {
  method: string
  path: string
  headers?: Record<string, string>
  body?: string
  agent?: http.Agent
  localAddress?: string
  /** Give up after this long (like wx.request's timeout); default 30 s. */
  timeoutMs?: number
}

/** One HTTP request; `localAddress` picks the loopback source address; rejects with GaveUp on give-up. */
export function request(base: string, options: RequestOptions): Promise<Answer> {
  const url = new URL(options.path, base)
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method, headers: options.headers, agent: options.agent, localAddress: options.localAddress },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const id = res.headers['x-request-id']
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), requestId: typeof id === 'string' ? id : undefined })
        })
        res.on('error', reject)
      },
    )
    let stage = 'waiting for a socket'
    req.on('socket', (socket) => {
      if (!socket.connecting) {
        stage = 'on a reused connection'
        return
      }
      stage = 'connecting'
      socket.once('connect', () => (stage = 'connected'))
    })
    req.on('finish', () => (stage = `${stage}, request written`))
    req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new GaveUp(stage)))
    req.on('error', reject)
    req.end(options.body)
  })
}

export const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

/** Session i's own loopback address, so per-address limits are met as N phones would meet them. */
export function sourceAddress(i: number): string {
  return `127.10.${Math.floor(i / 250)}.${(i % 250) + 1}`
}

/** The login limit per phone (server/src/auth/login.ts DEFAULT_LOGIN_LIMITS.perPhone). */
export const LOGINS_PER_PHONE = 10

/** A mini-program account that can log in: its phone and merchant. */
export interface BenchAccount {
  phone: string
  merchant: string
}

/** Creates up to `phones` accounts (ten per merchant at most) through the admin API. */
export async function createAccounts(base: string, adminToken: string, merchants: readonly string[], phones: number): Promise<BenchAccount[]> {
  const made: BenchAccount[] = []
  const auth = { authorization: `Bearer ${adminToken}` }
  for (const merchant of merchants) {
    for (let slot = 0; slot < 10 && made.length < phones; slot += 1) {
      const phone = `139${merchant.slice(0, 4)}${String(slot).padStart(4, '0')}`
      const { headers, body } = json({ phone, username: `load ${slot}`, position: '', enabled: true, permissions: [] })
      const answer = await request(base, { method: 'POST', path: `/admin/api/merchants/${merchant}/users`, headers: { ...headers, ...auth }, body })
      // PHONE_ALREADY_BOUND: made by an earlier run on the same store; it logs in all the same. Any other refusal
      // (the merchant's ten accounts are taken, say) leaves the slot out.
      if (answer.status === 200 || answer.status === 201 || answer.body.includes('"PHONE_ALREADY_BOUND"')) made.push({ phone, merchant })
    }
  }
  if (made.length < phones) throw new Error(`only ${made.length} of ${phones} accounts could be created`)
  return made
}

export interface BenchSession extends SessionKeys {
  userId: string
  merchant: string
}

/** Logs session `i` in as the phone would: emulator codes, then POST /api/auth/login from its own address. */
export async function login(base: string, i: number, account: BenchAccount): Promise<BenchSession> {
  const localAddress = sourceAddress(i)
  const post = async (path: string, payload: unknown): Promise<Record<string, unknown>> => {
    const answer = await request(base, { method: 'POST', path, localAddress, ...json(payload) })
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${answer.body}`)
    return JSON.parse(answer.body) as Record<string, unknown>
  }
  const loginCode = (await post('/sandbox/wechat/dev/login', { device: `load-device-${i}-${randomBytes(4).toString('hex')}` })).code
  const phoneCode = (await post('/sandbox/wechat/dev/phone-code', { phone: account.phone })).code
  const session = (await post('/api/auth/login', { loginCode, phoneCode, merchantAccount: account.merchant })) as unknown as LoginResponse
  return { token: session.token, signingKey: session.signingKey, userId: session.profile.userId, merchant: account.merchant }
}

/** A signed request of `session`, fresh timestamp and nonce, as the mini-program's request layer sends it. */
export function signedRequest(
  base: string,
  session: SessionKeys,
  options: { method: 'GET' | 'POST'; path: string; agent?: http.Agent; localAddress?: string; requestId?: string; timeoutMs?: number },
): Promise<Answer> {
  const body = options.method === 'POST' ? '{}' : undefined
  const extra: Record<string, string> = options.requestId === undefined ? {} : { 'x-request-id': options.requestId }
  const { headers } = signedHeaders(session, { method: options.method, url: options.path, body: body === undefined ? undefined : {}, headers: extra })
  return request(base, { method: options.method, path: options.path, headers, body, agent: options.agent, localAddress: options.localAddress, timeoutMs: options.timeoutMs })
}
