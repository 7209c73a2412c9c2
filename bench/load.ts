/**
 * `npx tsx bench/load.ts [-- --sessions 200 --seconds 60 --client-timeout 30]`
 *
 * The load of issue 12, item 10: N signed sessions flat out against a real server over real HTTP, to find requests
 * that hang. Starts the server as a child process (`node --import tsx server/src/main.ts`, the multi-process tests'
 * launcher) on PGlite in a fresh data directory with the demo data (or on PostgreSQL when DATABASE_URL is set), then:
 *
 *  1. creates enough mini-program accounts through the admin API (ten logins per phone are allowed per ten minutes);
 *  2. logs every session in through the WeChat emulator and POST /api/auth/login, each from its own loopback source
 *     address (127.10.x.y), so the per-address login limit is met as it would be by N phones;
 *  3. runs every session in a loop for --seconds: a signed request (reads, the heartbeat) on its own keep-alive
 *     connection, as the mini-program does, giving up after --client-timeout seconds like wx.request;
 *  4. prints per-route counts and p50/p95/p99/max, the requests that hung (no answer before the client gave up) and
 *     the 503s, and counts the server's "request not served in time" warn lines.
 *
 * Exit code 1 when any request hung: the run is the check. A tool to run by hand, not a CI step (it takes minutes and
 * both cores); docs/resilience.md records what it found.
 */
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { signedHeaders, type SessionKeys } from '../tests/server/support/signed-client'
import { startServerProcess } from '../tests/server/multi-process/server-process'

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    'client-timeout': { type: 'string', default: '30' },
  },
})
const SESSIONS = Number(values.sessions)
const SECONDS = Number(values.seconds)
const CLIENT_TIMEOUT_MS = Number(values['client-timeout']) * 1000
/** The login limit per phone (server/src/auth/login.ts DEFAULT_LOGIN_LIMITS.perPhone). */
const LOGINS_PER_PHONE = 10
/** Merchants the default OCEANPAYMENT_TERMINALS registers; ten accounts each at most. */
const MERCHANTS = ['150207', '995378', '140105']
const ADMIN_TOKEN = `load-admin-${randomBytes(24).toString('base64url')}`

/** What each session asks for, in turn: the read routes the app calls most, and the heartbeat (a write). */
const MIX: ReadonlyArray<{ method: 'GET' | 'POST'; url: string }> = [
  { method: 'GET', url: '/api/transactions' },
  { method: 'GET', url: '/api/me' },
  { method: 'GET', url: '/api/messages' },
  { method: 'POST', url: '/api/auth/heartbeat' },
  { method: 'GET', url: '/api/todos' },
  { method: 'GET', url: '/api/auth/profile' },
]

interface Answer {
  status: number
  body: string
  requestId?: string
}

/** Set when a request is given up on: whether its TCP connection was open and its request written by then. */
class GaveUp extends Error {
  constructor(readonly stage: string) {
    super('client-timeout')
  }
}

/** One HTTP request; `localAddress` picks the loopback source address; rejects with 'client-timeout' on give-up. */
function request(
  base: string,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string; agent?: http.Agent; localAddress?: string },
): Promise<Answer> {
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
    req.setTimeout(CLIENT_TIMEOUT_MS, () => req.destroy(new GaveUp(stage)))
    req.on('error', reject)
    req.end(options.body)
  })
}

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

function sourceAddress(i: number): string {
  return `127.10.${Math.floor(i / 250)}.${(i % 250) + 1}`
}

async function createAccounts(base: string, phones: number): Promise<Array<{ phone: string; merchant: string }>> {
  const made: Array<{ phone: string; merchant: string }> = []
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` }
  for (const merchant of MERCHANTS) {
    for (let slot = 0; slot < 10 && made.length < phones; slot += 1) {
      const phone = `139${merchant.slice(0, 4)}${String(slot).padStart(4, '0')}`
      const { headers, body } = json({ phone, username: `load ${slot}`, position: '', enabled: true, permissions: [] })
      const answer = await request(base, { method: 'POST', path: `/admin/api/merchants/${merchant}/users`, headers: { ...headers, ...auth }, body })
      if (answer.status === 200 || answer.status === 201) made.push({ phone, merchant })
    }
  }
  if (made.length < phones) throw new Error(`only ${made.length} of ${phones} accounts could be created`)
  return made
}

async function login(base: string, i: number, account: { phone: string; merchant: string }): Promise<SessionKeys> {
  const localAddress = sourceAddress(i)
  const post = async (path: string, payload: unknown): Promise<Record<string, unknown>> => {
    const answer = await request(base, { method: 'POST', path, localAddress, ...json(payload) })
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${answer.body}`)
    return JSON.parse(answer.body) as Record<string, unknown>
  }
  const loginCode = (await post('/sandbox/wechat/dev/login', { device: `load-device-${i}-${randomBytes(4).toString('hex')}` })).code
  const phoneCode = (await post('/sandbox/wechat/dev/phone-code', { phone: account.phone })).code
  const session = await post('/api/auth/login', { loginCode, phoneCode, merchantAccount: account.merchant })
  return { token: String(session.token), signingKey: String(session.signingKey) }
}

interface Sample {
  route: string
  ms: number
  status: number | 'hung' | 'error'
  requestId?: string
  /** For a hung request: how far it got on the client's side. */
  stage?: string
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function main(): Promise<void> {
  const env: Record<string, string> = { ADMIN_TOKEN, LOG_LEVEL: 'info', NODE_ENV: 'development' }
  if (process.env.DATABASE_URL !== undefined) env.DATABASE_URL = process.env.DATABASE_URL
  const server = await startServerProcess(env, 180_000)
  const loopDelay = monitorEventLoopDelay({ resolution: 20 })
  const base = server.url
  console.info(`server at ${base}; ${SESSIONS} sessions for ${SECONDS} s, client timeout ${CLIENT_TIMEOUT_MS / 1000} s`)
  const samples: Sample[] = []
  try {
    const accounts = await createAccounts(base, Math.ceil(SESSIONS / LOGINS_PER_PHONE))
    const sessions: SessionKeys[] = []
    for (let i = 0; i < SESSIONS; i += 1) sessions.push(await login(base, i, accounts[i % accounts.length]))
    console.info(`${sessions.length} sessions logged in; running`)

    // The client's own event-loop delay: a starved client would look like a slow server.
    loopDelay.enable()
    const endAt = Date.now() + SECONDS * 1000
    await Promise.all(
      sessions.map(async (session, i) => {
        // Each session keeps its own connection alive between requests, like one phone.
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
        for (let n = i; Date.now() < endAt; n += 1) {
          const { method, url } = MIX[n % MIX.length]
          const body = method === 'POST' ? '{}' : undefined
          // Our own request id (the server adopts a well-formed X-Request-Id), to find a hung request in its log.
          const requestId = `load-${i}-${n}`
          const { headers } = signedHeaders(session, { method, url, body: body === undefined ? undefined : {}, headers: { 'x-request-id': requestId } })
          const started = performance.now()
          try {
            const answer = await request(base, { method, path: url, headers, body, agent, localAddress: sourceAddress(i) })
            samples.push({ route: `${method} ${url}`, ms: performance.now() - started, status: answer.status, requestId: answer.requestId })
          } catch (error) {
            const hung = error instanceof GaveUp
            samples.push({ route: `${method} ${url}`, ms: performance.now() - started, status: hung ? 'hung' : 'error', requestId, stage: hung ? error.stage : String(error) })
          }
        }
        agent.destroy()
      }),
    )
  } finally {
    await server.stop()
  }

  console.info(`client event-loop delay: p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms`)
  const byRoute = new Map<string, Sample[]>()
  for (const sample of samples) byRoute.set(sample.route, [...(byRoute.get(sample.route) ?? []), sample])
  console.info('route                        n      p50    p95    p99    max   statuses')
  for (const [route, list] of byRoute) {
    const ms = list.map((s) => s.ms).sort((a, b) => a - b)
    const statuses: Record<string, number> = {}
    for (const s of list) statuses[String(s.status)] = (statuses[String(s.status)] ?? 0) + 1
    const cells = [50, 95, 99].map((p) => percentile(ms, p).toFixed(0).padStart(6))
    console.info(`${route.padEnd(28)} ${String(list.length).padStart(6)} ${cells.join(' ')} ${ms[ms.length - 1].toFixed(0).padStart(6)}   ${JSON.stringify(statuses)}`)
  }
  const hung = samples.filter((s) => s.status === 'hung')
  const errors = samples.filter((s) => s.status === 'error')
  const busy = samples.filter((s) => s.status === 503)
  const warned = server.output().split('\n').filter((line) => line.includes('request not served in time')).length
  console.info(
    `${samples.length} requests: ${hung.length} hung (${((100 * hung.length) / Math.max(1, samples.length)).toFixed(2)} %), ` +
      `${errors.length} connection errors, ${busy.length} answered 503; server logged ${warned} "request not served in time"`,
  )
  // What the server did with the requests the client gave up on: answered late, still working, or never saw them.
  const logFile = join(tmpdir(), `load-server-${Date.now()}.log`)
  writeFileSync(logFile, server.output())
  const lines = server.output().split('\n').filter((line) => line.startsWith('{'))
  const parsed = lines.map((line) => JSON.parse(line) as { reqId?: string; msg?: string; responseTime?: number; res?: { statusCode?: number } })
  for (const sample of hung.slice(0, 20)) {
    const seen = parsed.filter((line) => line.reqId === sample.requestId)
    const completed = seen.find((line) => line.msg === 'request completed')
    const fate =
      seen.length === 0
        ? 'never seen by the server'
        : completed === undefined
          ? `server saw it (${seen.map((line) => line.msg).join(', ')}) but never answered`
          : `answered ${completed.res?.statusCode} after ${Math.round(completed.responseTime ?? 0)} ms`
    console.info(`hung ${sample.requestId} ${sample.route} (client: ${sample.stage}): ${fate}`)
  }
  console.info(`server log: ${logFile}`)
  if (hung.length > 0) process.exitCode = 1
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
