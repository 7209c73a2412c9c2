/**
 * `npm run bench [-- --store pglite|postgres --only lists,charts,home,deep --samples 40 --warmup 5
 *                    --transactions 1000000 --regenerate]`
 *
 * Every screen of the merchant through the real path: signed GETs over HTTP to a running server process (started
 * as bench/load.ts starts it) holding a million generated transactions (bench/lib/store.ts), one logged-in
 * session, one request at a time. Then, in the same run, the same pages' SQL straight through the store's driver:
 * each route's service is called once through a recording Db (bench/lib/recording-db.ts) so the statements timed
 * are the repository's own, replayed with the service's concurrency. Reports p50/p95/p99 of both, server ÷ raw SQL
 * (p50 over p50) and deep page ÷ first page, against the targets, with the machine's load; writes
 * bench/report.md and bench/report.json. The raw side runs after the server has stopped because PGlite is one
 * process's store; on PostgreSQL the order is kept the same so the two stores' figures compare.
 */
import { parseArgs } from 'node:util'
import type { Db } from '../server/src/db'
import { createAccounts, login, signedRequest, type BenchSession } from './lib/http'
import { readsOnly, record, replay } from './lib/recording-db'
import { updateReport, type ScenarioResult } from './lib/report'
import { startBenchServer } from './lib/server'
import { summarize, ms, type Summary } from './lib/stats'
import { BENCH_ACCOUNT, benchStore, dataFacts, ensureData } from './lib/store'
import { GROUPS, firstPageOf, pathOf, scenarios, serviceCall, type Call, type Scenario } from './scenarios'
import { uptime } from './lib/machine'

/** Minimum samples a scenario gets however slow it is; past `budgetMs` of timing, no more are taken. */
const MIN_SAMPLES = 3

async function timeRuns(warmup: number, samples: number, budgetMs: number, run: () => Promise<void>): Promise<Summary> {
  for (let i = 0; i < warmup; i += 1) await run()
  const timings: number[] = []
  const startedAll = performance.now()
  for (let i = 0; i < samples; i += 1) {
    // A page taking seconds would hold the run for many minutes: its p50/p95 are clear from fewer samples.
    if (i >= MIN_SAMPLES && performance.now() - startedAll > budgetMs) break
    const started = performance.now()
    await run()
    timings.push(performance.now() - started)
  }
  return summarize(timings)
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      store: { type: 'string' },
      only: { type: 'string' },
      transactions: { type: 'string', default: '1000000' },
      samples: { type: 'string', default: '40' },
      warmup: { type: 'string', default: '5' },
      'budget-seconds': { type: 'string', default: '20' },
      regenerate: { type: 'boolean', default: false },
    },
    strict: true,
  })
  const size = Number(values.transactions)
  const samples = Number(values.samples)
  const warmup = Number(values.warmup)
  const budgetMs = Number(values['budget-seconds']) * 1000
  if (![size, samples, warmup].every((n) => Number.isInteger(n) && n >= 0) || samples < 1 || size < 1) {
    throw new Error('--transactions, --samples and --warmup must be whole numbers (samples and transactions ≥ 1)')
  }
  const only = values.only === undefined ? [...GROUPS] : values.only.split(',').map((g) => g.trim())
  const unknown = only.filter((g) => !(GROUPS as readonly string[]).includes(g))
  if (unknown.length > 0) throw new Error(`--only takes ${GROUPS.join(', ')} (got ${unknown.join(', ')})`)

  const store = benchStore(values.store)
  let db: Db = await store.open()
  const facts = await (async () => {
    try {
      await ensureData(db, size, values.regenerate)
      return await dataFacts(db)
    } finally {
      await db.close()
    }
  })()
  const all = scenarios(facts)
  // A deep page's ratio needs its first page, whatever --only says.
  const chosen = all.filter((s) => only.includes(s.group))
  const wanted = new Set(chosen)
  for (const s of chosen) if (s.depth > 1) wanted.add(firstPageOf(s, all) ?? s)
  const selected = all.filter((s) => wanted.has(s))
  const loadBefore = uptime()
  console.log(`${store.describe}; ${selected.length} scenarios, ${warmup} warm-up + ${samples} samples each; ${loadBefore}`)

  // 1. Through the server.
  // DEMO_DATA=off: the store holds the generated data; the demo's start-up steps (accounts, sandbox mirror) are
  // not what is measured and would scan the million rows with the server's request-sized statement timeout.
  const server = await startBenchServer({ ...store.serverEnv, DEMO_DATA: 'off' })
  const serverSide = new Map<Scenario, Summary>()
  const paths = new Map<Scenario, string>()
  /** The call each scenario times: a deep page's carries the cursor reached. */
  const calls = new Map<Scenario, Call>()
  const failures = new Map<Scenario, string>()
  let session: BenchSession | undefined
  try {
    const [account] = await createAccounts(server.url, server.adminToken, [BENCH_ACCOUNT], 1)
    const keys = await login(server.url, 0, account)
    session = keys
    const get = async (path: string): Promise<string> => {
      const answer = await signedRequest(server.url, keys, { method: 'GET', path })
      if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${answer.body.slice(0, 300)}`)
      return answer.body
    }
    for (const scenario of selected) {
      let call = scenario.call
      let path = pathOf(call)
      if (scenario.depth > 1 && call.route === 'transactions') {
        // Follow nextCursor as the list's infinite scroll does, then time the page it reaches.
        const query = call.query
        for (let page = 1; page < scenario.depth; page += 1) {
          const cursor = (JSON.parse(await get(path)) as { nextCursor: string | null }).nextCursor
          if (cursor === null) throw new Error(`${scenario.name}: the list ends before page ${scenario.depth}`)
          call = { route: 'transactions', query: { ...query, cursor } }
          path = pathOf(call)
        }
      }
      paths.set(scenario, path)
      calls.set(scenario, call)
      const check = await signedRequest(server.url, keys, { method: 'GET', path })
      if (check.status !== 200) {
        // An error answer (a 503 past the request timeout, say) is a finding, not a reason to stop the run.
        failures.set(scenario, `${check.status} ${check.body.slice(0, 200)}`)
        console.log(`server  ${scenario.name}: answered ${check.status}, not timed`)
        continue
      }
      const summary = await timeRuns(warmup, samples, budgetMs, async () => void (await get(path)))
      serverSide.set(scenario, summary)
      console.log(`server  ${scenario.name}: p50 ${ms(summary.p50)}, p95 ${ms(summary.p95)}, p99 ${ms(summary.p99)} ms`)
    }
  } finally {
    await server.stop()
  }

  // 2. The same pages' SQL, straight through the driver.
  if (session === undefined) throw new Error('no session')
  db = await store.open()
  const results: ScenarioResult[] = []
  try {
    const caller = { merchant: session.merchant, userId: session.userId }
    for (const scenario of selected) {
      const call = serviceCall(calls.get(scenario) ?? scenario.call, caller, new Date())
      let recording = await record(db, call)
      // A read that refreshes what it shows first (the funds, when older than 30 minutes) writes once; the next
      // call is the read every later request makes.
      if (!readsOnly(recording)) recording = await record(db, call)
      if (!readsOnly(recording)) {
        console.log(`raw SQL ${scenario.name}: the service writes on every call; not replayed`)
        continue
      }
      const raw = await timeRuns(warmup, samples, budgetMs, () => replay(db, recording))
      const statements = recording.reduce((n, group) => n + group.length, 0)
      console.log(`raw SQL ${scenario.name}: p50 ${ms(raw.p50)}, p95 ${ms(raw.p95)} ms (${statements} statements)`)
      const server = serverSide.get(scenario)
      if (server === undefined) {
        results.push({ name: scenario.name, group: scenario.group, depth: scenario.depth, path: paths.get(scenario) ?? '', raw, statements, failure: failures.get(scenario) })
        continue
      }
      results.push({ name: scenario.name, group: scenario.group, depth: scenario.depth, path: paths.get(scenario) ?? '', server, raw, statements })
    }
  } finally {
    await db.close()
  }

  const deepRatios = selected
    .filter((s) => s.depth > 1)
    .map((deep) => {
      const first = firstPageOf(deep, all)
      const deepResult = results.find((r) => r.name === deep.name)
      const firstResult = results.find((r) => r.name === first?.name)
      return { deep: deep.name, first: first?.name ?? '', ratio: (deepResult?.server?.p50 ?? Number.NaN) / (firstResult?.server?.p50 ?? Number.NaN) }
    })
  updateReport((report) => {
    report.bench[store.kind] = {
    when: new Date().toISOString(),
    store: store.describe,
    version: facts.version,
    size,
    samples,
    warmup,
    groups: only,
    loadBefore,
    loadAfter: uptime(),
    results,
    deepRatios,
    }
  })
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exitCode = 1
})
