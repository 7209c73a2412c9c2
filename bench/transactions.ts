/**
 * `npm run bench [-- --transactions 1000000 --samples 200 --warmup 20 --regenerate]`
 *
 * Latency of the GET /api/transactions query path (services/transactions.ts `listTransactions`, called directly:
 * the same SQL, cursor and shaping as the route, without HTTP, signing and JSON serialisation) for a merchant with
 * a million transactions. On PostgreSQL (DATABASE_URL, recommended) the data lives in its own schema,
 * bench_transactions, so the configured store's own data is untouched; on PGlite in DATA_DIR/pglite-bench.
 * The data is generated once (the demo generator, merchant 140105) and reused by later runs.
 *
 * Measures first pages (with count and per-currency totals) under several filters, and the page 500 pages deep
 * (cursor reached by following nextCursor), each ≥ 200 samples after warm-up; prints p50/p95/p99 and writes
 * bench/report.md and bench/report.json. For comparison it also times the plain row scan of the whole-year totals,
 * what the first page cost before the repository read 0008's day totals (first proven equal to the list's total).
 */
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../server/src/config'
import { openPglite, openPostgres, type Db } from '../server/src/db'
import { migrate } from '../server/src/db/migrate'
import { loadDemoData, resetDemoData } from '../server/src/dev'
import { oneYearBack } from '../server/src/lib/time-range'
import { listTransactions } from '../server/src/services/transactions'
import { DAY_MS, toBeijingIso } from '@contract/beijing-time'
import type { TransactionsQuery } from '@contract/transactions'

const ACCOUNT = '140105'
const BENCH_SCHEMA = 'bench_transactions'
const TARGET_P95_MS = 50

interface Scenario {
  name: string
  /** Built from the data's own "now", so windows like "last 30 days" hit data however old the generation is. */
  query: (now: Date) => TransactionsQuery
  /** Page depth: 1 is the first page (with totals); 500 follows 499 cursors first. */
  depth: number
}

const lastDays = (now: Date, days: number) => ({ from: toBeijingIso(now.getTime() - days * DAY_MS), to: toBeijingIso(now) })

const SCENARIOS: readonly Scenario[] = [
  { name: 'first page: terminal 14010588 + USD, last 30 days', depth: 1, query: (now) => ({ ...lastDays(now, 30), terminal: '14010588', currency: 'USD' }) },
  { name: 'first page: no filter, last 7 days', depth: 1, query: (now) => lastDays(now, 7) },
  { name: 'first page: no filter, last 30 days', depth: 1, query: (now) => lastDays(now, 30) },
  { name: 'first page: Visa + success, last 30 days', depth: 1, query: (now) => ({ ...lastDays(now, 30), cardBrand: 'Visa', status: 'success' }) },
  { name: 'first page: tracking missing + funds unsettled, last 30 days', depth: 1, query: (now) => ({ ...lastDays(now, 30), tracking: 'missing', fundsStatus: 'unsettled' }) },
  { name: 'first page: settlement time, EUR booking, last 30 days', depth: 1, query: (now) => ({ ...lastDays(now, 30), timeType: 'settlement', bookingCurrency: 'EUR' }) },
  { name: 'first page: pending pre-authorizations (to-do)', depth: 1, query: () => ({ authStatus: 'pending' }) },
  { name: 'first page: open chargebacks (to-do)', depth: 1, query: () => ({ case: 'chargeback' }) },
  { name: 'first page: order number search, whole year', depth: 1, query: () => ({ q: 'placeholder' }) },
  { name: 'first page: order number search in lower case, last 7 days (whole year searched)', depth: 1, query: (now) => ({ ...lastDays(now, 7), q: 'placeholder-lower' }) },
  { name: 'first page: batch number + booking currency (the settlement link)', depth: 1, query: () => ({ batchNo: 'placeholder' }) },
  { name: 'first page: status failure, last 30 days', depth: 1, query: (now) => ({ ...lastDays(now, 30), status: 'failure' }) },
  { name: 'first page: booking time (记账时间), last 30 days', depth: 1, query: (now) => ({ ...lastDays(now, 30), timeType: 'booked' }) },
  { name: 'first page: no filter, whole year', depth: 1, query: () => ({}) },
  { name: 'first page: terminal 14010588 + USD, whole year', depth: 1, query: () => ({ terminal: '14010588', currency: 'USD' }) },
  { name: 'page 500: no filter, whole year', depth: 500, query: () => ({}) },
  { name: 'page 500: terminal 14010588 + USD, whole year', depth: 500, query: () => ({ terminal: '14010588', currency: 'USD' }) },
]

interface Result {
  name: string
  samples: number
  p50: number
  p95: number
  p99: number
  mean: number
  max: number
  rowsMatching: number | undefined
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] ?? Number.NaN
}

async function openBenchDb(): Promise<{ db: Db; where: string }> {
  const config = loadConfig(process.env)
  if (config.databaseUrl !== undefined) {
    // Generating a million rows runs statements far longer than the server's request-sized statement_timeout.
    return {
      db: await openPostgres({ connectionString: config.databaseUrl, schema: BENCH_SCHEMA, max: 4, unboundedStatements: true }),
      where: `PostgreSQL, schema ${BENCH_SCHEMA}`,
    }
  }
  const dataDir = join(config.dataDir, 'pglite-bench')
  return { db: await openPglite({ dataDir }), where: `PGlite in ${dataDir}` }
}

async function ensureData(db: Db, size: number, regenerate: boolean): Promise<void> {
  const { rows } = await db.query<{ count: number }>('select count(*)::int as count from transactions where account = $1', [ACCOUNT])
  const present = rows[0]?.count ?? 0
  if (present === size && !regenerate) {
    console.log(`Reusing ${present.toLocaleString('en-US')} transactions of ${ACCOUNT}`)
    // Measure a store in its steady state (autovacuum would have run by now in production).
    await db.exec('vacuum analyze transactions')
    return
  }
  if (present > 0) await resetDemoData(db)
  console.log(`Generating ${size.toLocaleString('en-US')} transactions for ${ACCOUNT} …`)
  let lastReport = 0
  const result = await loadDemoData(db, {
    size,
    secondSize: 3_000,
    chunkSize: 10_000,
    onProgress: ({ account, inserted, total }) => {
      if (inserted === total || inserted - lastReport >= 100_000) {
        lastReport = inserted
        console.log(`  ${account}: ${inserted.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`)
      }
    },
  })
  console.log(`Generated in ${(result.durationMs / 1000).toFixed(1)} s (including VACUUM ANALYZE)`)
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await fn()
  return performance.now() - started
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      transactions: { type: 'string', default: '1000000' },
      samples: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '20' },
      regenerate: { type: 'boolean', default: false },
    },
    strict: true,
  })
  const size = Number(values.transactions)
  const samples = Number(values.samples)
  const warmup = Number(values.warmup)
  if (![size, samples, warmup].every((n) => Number.isInteger(n) && n >= 0) || samples < 1 || size < 1) {
    throw new Error('--transactions, --samples and --warmup must be whole numbers (samples and transactions ≥ 1)')
  }

  const { db, where } = await openBenchDb()
  try {
    await migrate(db)
    await ensureData(db, size, values.regenerate)
    // "now" of the queries: the end of the generated year, so the windows always cover data; and an order
    // number from inside the data for the search scenario.
    const { rows } = await db.query<{ newest: Date; order_number: string; batch_no: string; batch_currency: string; version: string }>(
      `select (select max(payment_time) from transactions where account = $1) as newest,
              (select order_number from transactions where account = $1
                order by payment_time desc, payment_id desc limit 1 offset 1234) as order_number,
              b.batch_no, trim(b.currency) as batch_currency,
              version() as version
         from (select batch_no, currency from settlement_batches where account = $1 and batch_type = 'transaction'
                 and txn_count > 0 order by created_at desc limit 1 offset 2) b`,
      [ACCOUNT],
    )
    const sample = rows[0]
    if (sample === undefined || sample.order_number === null) throw new Error('no benchmark data')
    const now = new Date(sample.newest)

    const load = loadavg().map((n) => n.toFixed(2)).join(' ')
    const measure = async (name: string, run: () => Promise<unknown>, rowsMatching: number | undefined): Promise<Result> => {
      for (let i = 0; i < warmup; i += 1) await run()
      const timings: number[] = []
      for (let i = 0; i < samples; i += 1) timings.push(await time(run))
      timings.sort((a, b) => a - b)
      const result: Result = {
        name,
        samples,
        p50: percentile(timings, 50),
        p95: percentile(timings, 95),
        p99: percentile(timings, 99),
        mean: timings.reduce((a, b) => a + b, 0) / timings.length,
        max: timings[timings.length - 1] ?? Number.NaN,
        rowsMatching,
      }
      console.log(
        `${result.p95 < TARGET_P95_MS ? 'ok  ' : 'SLOW'} ${name}: p50 ${result.p50.toFixed(1)} ms, ` +
          `p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms` +
          (rowsMatching === undefined ? '' : ` (${rowsMatching.toLocaleString('en-US')} rows match)`),
      )
      return result
    }

    const results: Result[] = []
    for (const scenario of SCENARIOS) {
      let query = scenario.query(now)
      if (query.q === 'placeholder') query = { ...query, q: sample.order_number }
      if (query.q === 'placeholder-lower') query = { ...query, q: sample.order_number.toLowerCase() }
      if (query.batchNo !== undefined) {
        query = { ...query, batchNo: sample.batch_no, bookingCurrency: sample.batch_currency as TransactionsQuery['bookingCurrency'] }
      }
      let cursorQuery: TransactionsQuery = query
      const first = await listTransactions(db, ACCOUNT, query, { now })
      const rowsMatching = first.total?.count
      for (let page = 1; page < scenario.depth; page += 1) {
        const current = await listTransactions(db, ACCOUNT, cursorQuery, { now })
        if (current.nextCursor === null) throw new Error(`${scenario.name}: the list ends before page ${scenario.depth}`)
        cursorQuery = { ...query, cursor: current.nextCursor }
      }
      const result = await measure(scenario.name, () => listTransactions(db, ACCOUNT, cursorQuery, { now }), rowsMatching)
      results.push(result)
    }

    // Not the current path: the exact row scan the whole-year totals took before the day rollup (and still take
    // under filters the rollup does not hold). First proven equal to the list's own whole-year totals.
    const listed = (await listTransactions(db, ACCOUNT, {}, { now })).total
    const scanned = await scanTotals(db, now)
    const scannedCount = scanned.reduce((total, r) => total + Number(r.count), 0)
    if (listed === undefined || listed.count !== scannedCount) {
      throw new Error(`the row scan disagrees with the list: ${scannedCount} vs ${listed?.count}`)
    }
    const references = [
      await measure('row scan: count + amounts per currency, no filter, whole year', () => scanTotals(db, now), undefined),
    ]
    writeReport({ where, version: sample.version, size, samples, warmup, results, references, load })
  } finally {
    await db.close()
  }
}

/** The whole-year unfiltered totals read row by row: from 00:00 Beijing time of the same date a year ago to now. */
async function scanTotals(db: Db, now: Date): Promise<Array<{ currency: string; count: string; amount_minor: string }>> {
  const { rows } = await db.query<{ currency: string; count: string; amount_minor: string }>(
    `select currency, count(*)::text as count, sum(amount_minor)::text as amount_minor
     from transactions where account = $1 and payment_time >= $2 and payment_time <= $3
     group by currency`,
    [ACCOUNT, oneYearBack(now), now],
  )
  return rows
}

function row(r: Result): string {
  const matching = r.rowsMatching === undefined ? '' : r.rowsMatching.toLocaleString('en-US')
  const verdict = r.p95 < TARGET_P95_MS ? 'ok' : 'over target'
  return `| ${r.name} | ${matching} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${verdict} |`
}

function writeReport(report: {
  where: string
  version: string
  size: number
  samples: number
  warmup: number
  results: Result[]
  references: Result[]
  load: string
}): void {
  const dir = __dirname
  const when = new Date().toISOString()
  writeFileSync(join(dir, 'report.json'), `${JSON.stringify({ ...report, when, targetP95Ms: TARGET_P95_MS }, null, 2)}\n`)
  const lines = [
    '# Transactions query benchmark',
    '',
    `Written by \`npm run bench\` on ${when}.`,
    '',
    `- Store: ${report.where} (${report.version.split(' on ')[0] ?? report.version})`,
    `- Node ${process.version}; ${report.size.toLocaleString('en-US')} transactions of merchant ${ACCOUNT} (+3,000 of 150207)`,
    `- Path: \`listTransactions\` (server/src/services/transactions.ts) called directly; ${report.warmup} warm-up calls, then ${report.samples} timed samples per scenario, one at a time`,
    `- Target: p95 < ${TARGET_P95_MS} ms; load average at the start: ${report.load} (the machine is shared, so figures vary run to run)`,
    '',
    '| Scenario | rows matching | p50 ms | p95 ms | p99 ms | max ms | |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...report.results.map(row),
    '',
    'For comparison (not the current `/api/transactions` path: the row scan its whole-year totals replaced; see bench/README.md):',
    '',
    '| Query | | p50 ms | p95 ms | p99 ms | max ms | |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...report.references.map(row),
    '',
  ]
  writeFileSync(join(dir, 'report.md'), lines.join('\n'))
  console.log(`Wrote ${join(dir, 'report.md')}`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exitCode = 1
})
