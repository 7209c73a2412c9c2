/**
 * `npx tsx bench/load.ts [-- --shape people|flat --processes 1|2 --store pglite|postgres --sessions 200
 *                            --seconds 60 --client-timeout 30]`
 *
 * N logged-in sessions against real server processes over real HTTP (issue 14, item 4; first written for issue
 * 12, item 10, to find requests that hang). Starts the server(s) as child processes (`node --import tsx
 * server/src/main.ts`, the multi-process tests' launcher) with the demo data: PGlite in a fresh data directory, or
 * a fresh `<DATABASE_URL's database>_load` (`--processes 2` needs PostgreSQL: two processes on one database, sessions spread over
 * both as a load balancer would). Then:
 *
 *  1. creates enough mini-program accounts through the admin API (ten logins per phone are allowed per ten minutes);
 *  2. logs every session in through the WeChat emulator and POST /api/auth/login, each from its own loopback source
 *     address (127.10.x.y), so the per-address login limit is met as it would be by N phones;
 *  3. runs every session for --seconds on its own keep-alive connection, giving up after --client-timeout seconds
 *     like wx.request, in one of two shapes:
 *       people — the screens a merchant opens, in order (home's to-dos and badge, funds, transactions, the next
 *                page, a transaction, a chart, settlements, messages, 我的, the heartbeat), 2–5 s between taps;
 *       flat   — the same requests back to back: one request in flight per session, to find the ceiling;
 *  4. samples each server's resident memory every second and, on PostgreSQL, what its connections are doing
 *     (pg_stat_activity every 250 ms: which statements are active and what they wait on — the evidence of anything
 *     that serialises sessions);
 *  5. prints req/s, p50/p95/p99, errors, memory, per-route figures and the fate of any request given up on, and
 *     writes them into bench/report.json / report.md.
 *
 * Exit code 1 when any request failed: errors must be 0. A tool to run by hand, not a CI step (minutes, both cores).
 */
import { writeFileSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { createAccounts, GaveUp, login, LOGINS_PER_PHONE, signedRequest, type BenchSession } from './lib/http'
import { updateReport } from './lib/report'
import type { LoadReport } from './lib/report-load'
import { rssMiB, startBenchServer, type BenchServer } from './lib/server'
import { summarize } from './lib/stats'
import { createDatabase } from './lib/store'
import { uptime } from './lib/machine'

const { values } = parseArgs({
  options: {
    shape: { type: 'string', default: 'people' },
    processes: { type: 'string', default: '1' },
    store: { type: 'string' },
    sessions: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    'client-timeout': { type: 'string', default: '30' },
  },
  strict: true,
})
const SHAPE = values.shape
const PROCESSES = Number(values.processes)
const SESSIONS = Number(values.sessions)
const SECONDS = Number(values.seconds)
const CLIENT_TIMEOUT_MS = Number(values['client-timeout']) * 1000
const DATABASE_URL = process.env.DATABASE_URL
const STORE = values.store ?? (DATABASE_URL === undefined ? 'pglite' : 'postgres')
if (SHAPE !== 'people' && SHAPE !== 'flat') throw new Error('--shape is people or flat')
if (STORE !== 'pglite' && STORE !== 'postgres') throw new Error('--store is pglite or postgres')
if (STORE === 'postgres' && DATABASE_URL === undefined) throw new Error('--store postgres needs DATABASE_URL')
if (PROCESSES !== 1 && !(PROCESSES === 2 && STORE === 'postgres')) throw new Error('--processes is 1, or 2 on PostgreSQL (PGlite is one process\'s store)')
/** Merchants the default OCEANPAYMENT_TERMINALS registers; ten accounts each at most. */
const MERCHANTS = ['150207', '995378', '140105']
const THINK_MS = { min: 2000, max: 5000 }

interface Step {
  route: string
  method: 'GET' | 'POST'
  /** The path, from what the session has seen so far (the next page's cursor, a transaction's id). */
  path: (seen: Seen) => string | undefined
}

interface Seen {
  cursor?: string
  paymentId?: string
}

/** A merchant's round through the app: each tap, the requests its screen sends (in parallel when the page does). */
const TAPS: ReadonlyArray<readonly Step[]> = [
  [
    { route: 'GET /api/todos', method: 'GET', path: () => '/api/todos' },
    { route: 'GET /api/messages (badge)', method: 'GET', path: () => '/api/messages?limit=1' },
  ],
  [{ route: 'GET /api/funds', method: 'GET', path: () => '/api/funds' }],
  [{ route: 'GET /api/transactions', method: 'GET', path: () => '/api/transactions' }],
  [{ route: 'GET /api/transactions?cursor', method: 'GET', path: (s) => (s.cursor === undefined ? undefined : `/api/transactions?cursor=${encodeURIComponent(s.cursor)}`) }],
  [{ route: 'GET /api/transactions/:id', method: 'GET', path: (s) => (s.paymentId === undefined ? undefined : `/api/transactions/${encodeURIComponent(s.paymentId)}`) }],
  [{ route: 'GET /api/charts/overview', method: 'GET', path: () => '/api/charts/overview' }],
  [{ route: 'GET /api/settlements', method: 'GET', path: () => '/api/settlements' }],
  [{ route: 'GET /api/messages', method: 'GET', path: () => '/api/messages' }],
  [{ route: 'GET /api/me', method: 'GET', path: () => '/api/me' }],
  [{ route: 'POST /api/auth/heartbeat', method: 'POST', path: () => '/api/auth/heartbeat' }],
]

interface Sample {
  route: string
  ms: number
  status: number | 'hung' | 'error'
  requestId?: string
  /** For a hung request: how far it got on the client's side. */
  stage?: string
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** What the servers' PostgreSQL connections do, sampled until stopped. */
function sampleActivity(databaseUrl: string): { stop(): Promise<Array<{ what: string; share: number }>> } {
  const client = new pg.Client({ connectionString: databaseUrl })
  const counts = new Map<string, number>()
  let samples = 0
  let running = true
  const done = (async () => {
    await client.connect()
    while (running) {
      const { rows } = await client.query<{ state: string; wait: string | null; query: string }>(
        `select state, wait_event_type || ':' || wait_event as wait, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) as query
           from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      )
      samples += rows.length
      for (const row of rows) {
        const what = row.state === 'active' ? `active, ${row.wait ?? 'on CPU'}: ${row.query}` : `${row.state}${row.wait === null ? '' : `, ${row.wait}`}`
        counts.set(what, (counts.get(what) ?? 0) + 1)
      }
      await sleep(250)
    }
    await client.end()
  })()
  return {
    async stop() {
      running = false
      await done
      return [...counts.entries()].map(([what, n]) => ({ what, share: n / Math.max(1, samples) })).sort((a, b) => b.share - a.share)
    },
  }
}

async function main(): Promise<void> {
  const env: Record<string, string> = {}
  if (STORE === 'postgres' && DATABASE_URL !== undefined) {
    // A fresh database per run, `<database>_load`: the demo data as a new install has it, and no login limits or
    // sessions left by an earlier run (ten logins per phone per ten minutes would refuse a rerun's sessions).
    const url = new URL(DATABASE_URL)
    const database = `${url.pathname.slice(1) || 'postgres'}_load`
    await createDatabase(DATABASE_URL, database, true)
    url.pathname = `/${database}`
    env.DATABASE_URL = url.toString()
  }
  const servers: BenchServer[] = []
  const loopDelay = monitorEventLoopDelay({ resolution: 20 })
  const samples: Sample[] = []
  const peakRss: number[] = []
  const loadBefore = uptime()
  let waits: Array<{ what: string; share: number }> | undefined
  try {
    // One after another: the second finds the demo data and its steps done (they run one process at a time).
    for (let p = 0; p < PROCESSES; p += 1) servers.push(await startBenchServer(env))
    const bases = servers.map((s) => s.url)
    console.info(`servers at ${bases.join(', ')}; ${STORE}, ${SESSIONS} sessions, shape ${SHAPE}, ${SECONDS} s, client timeout ${CLIENT_TIMEOUT_MS / 1000} s`)
    const accounts = await createAccounts(bases[0], servers[0].adminToken, MERCHANTS, Math.ceil(SESSIONS / LOGINS_PER_PHONE))
    const sessions: BenchSession[] = []
    for (let i = 0; i < SESSIONS; i += 1) sessions.push(await login(bases[i % bases.length], i, accounts[i % accounts.length]))
    console.info(`${sessions.length} sessions logged in; running`)

    const rssTimer = setInterval(() => {
      servers.forEach((s, i) => (peakRss[i] = Math.max(peakRss[i] ?? 0, rssMiB(s.pid) ?? 0)))
    }, 1000)
    const activity = env.DATABASE_URL === undefined ? undefined : sampleActivity(env.DATABASE_URL)
    loopDelay.enable()
    const endAt = Date.now() + SECONDS * 1000
    await Promise.all(
      sessions.map(async (session, i) => {
        const base = bases[i % bases.length]
        // Each session keeps its own connection alive between requests, like one phone.
        const agent = new http.Agent({ keepAlive: true, maxSockets: 2 })
        const seen: Seen = {}
        // People do not all start at once.
        if (SHAPE === 'people') await sleep(Math.random() * THINK_MS.max)
        for (let n = 0; Date.now() < endAt; n += 1) {
          const tap = TAPS[n % TAPS.length]
          const send = async (step: Step): Promise<void> => {
              const path = step.path(seen)
              if (path === undefined) return
              // Our own request id (the server adopts a well-formed X-Request-Id), to find a hung request in its log.
              const requestId = `load-${i}-${n}-${step.route.length}`
              const started = performance.now()
              try {
                const answer = await signedRequest(base, session, { method: step.method, path, agent, requestId, timeoutMs: CLIENT_TIMEOUT_MS })
                samples.push({ route: step.route, ms: performance.now() - started, status: answer.status, requestId: answer.requestId })
                if (answer.status === 200 && step.route === 'GET /api/transactions') {
                  const page = JSON.parse(answer.body) as { nextCursor: string | null; items: Array<{ paymentId: string }> }
                  seen.cursor = page.nextCursor ?? undefined
                  seen.paymentId = page.items[0]?.paymentId
                }
              } catch (error) {
                const hung = error instanceof GaveUp
                samples.push({ route: step.route, ms: performance.now() - started, status: hung ? 'hung' : 'error', requestId, stage: hung ? error.stage : String(error) })
              }
          }
          // A screen sends its requests together; flat out keeps exactly one in flight per session.
          if (SHAPE === 'people') await Promise.all(tap.map(send))
          else for (const step of tap) await send(step)
          if (SHAPE === 'people') await sleep(THINK_MS.min + Math.random() * (THINK_MS.max - THINK_MS.min))
        }
        agent.destroy()
      }),
    )
    clearInterval(rssTimer)
    waits = await activity?.stop()
  } finally {
    for (const server of servers) await server.stop()
  }

  const delayP99 = loopDelay.percentile(99) / 1e6
  console.info(`client event-loop delay: p99 ${delayP99.toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms`)
  const byRoute = new Map<string, Sample[]>()
  for (const sample of samples) byRoute.set(sample.route, [...(byRoute.get(sample.route) ?? []), sample])
  console.info('route                            n      p50    p95    p99    max   statuses')
  for (const [route, list] of byRoute) {
    const s = summarize(list.map((x) => x.ms))
    const statuses: Record<string, number> = {}
    for (const x of list) statuses[String(x.status)] = (statuses[String(x.status)] ?? 0) + 1
    const cells = [s.p50, s.p95, s.p99, s.max].map((v) => v.toFixed(0).padStart(6))
    console.info(`${route.padEnd(32)} ${String(list.length).padStart(6)} ${cells.join(' ')}   ${JSON.stringify(statuses)}`)
  }
  const failed = samples.filter((s) => s.status !== 200)
  const errorsByKind: Record<string, number> = {}
  for (const s of failed) errorsByKind[String(s.status)] = (errorsByKind[String(s.status)] ?? 0) + 1
  const all = summarize(samples.map((s) => s.ms))
  const warned = servers.map((s) => s.output().split('\n').filter((line) => line.includes('request not served in time')).length)
  console.info(
    `${samples.length} requests, ${(samples.length / SECONDS).toFixed(0)} req/s: p50 ${all.p50.toFixed(0)} p95 ${all.p95.toFixed(0)} p99 ${all.p99.toFixed(0)} ms; ` +
      `${failed.length} errors ${JSON.stringify(errorsByKind)}; server RSS peak ${peakRss.map((m) => m.toFixed(0)).join(' + ')} MiB; ` +
      `servers logged "request not served in time" ${warned.join(' + ')} times`,
  )
  for (const w of (waits ?? []).slice(0, 12)) console.info(`  ${(100 * w.share).toFixed(1).padStart(5)} %  ${w.what}`)

  // What the server did with the requests the client gave up on: answered late, still working, or never saw them.
  const output = servers.map((s) => s.output()).join('\n')
  const logFile = join(tmpdir(), `load-server-${Date.now()}.log`)
  writeFileSync(logFile, output)
  const parsed = output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { reqId?: string; msg?: string; responseTime?: number; res?: { statusCode?: number } })
  for (const sample of failed.filter((s) => s.status === 'hung').slice(0, 20)) {
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

  const report: LoadReport = {
    when: new Date().toISOString(),
    store: STORE === 'postgres' ? 'PostgreSQL' : 'PGlite',
    processes: PROCESSES,
    shape: SHAPE as LoadReport['shape'],
    sessions: SESSIONS,
    seconds: SECONDS,
    requests: samples.length,
    requestsPerSecond: samples.length / SECONDS,
    latency: all,
    errors: failed.length,
    errorsByKind,
    byRoute: [...byRoute.entries()].map(([route, list]) => ({ route, ...summarize(list.map((x) => x.ms)) })),
    serverRssMiB: peakRss,
    clientLoopDelayP99Ms: delayP99,
    loadBefore,
    loadAfter: uptime(),
    waits,
  }
  updateReport((file) => {
    file.load[`${STORE}-${PROCESSES}-${SHAPE}`] = report
  })
  if (failed.length > 0) process.exitCode = 1
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
