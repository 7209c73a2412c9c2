/**
 * What keeping the rollups exact costs a write (issue 14: "keeping the rollups exact costs inserts at most 1.5×"),
 * and how long generating the million-row store takes ("stays under 2 minutes").
 *
 *   DATABASE_URL=postgres://…/db npx tsx bench/writes.ts          # PostgreSQL, in database <db>_writes (recreated)
 *   npx tsx bench/writes.ts --store pglite                        # PGlite, in a temporary directory
 *   … --generate 1000000                                          # also time generating that many (a fresh store)
 *
 * On a store holding the demo data (`--size`, default 50,000 transactions), each measurement runs inside a
 * transaction that is rolled back, in turn with no rollup triggers, with 0014's (transactions → day facets), and with
 * 0014's and 0018's (day facets → months) — 0008's day totals keep their trigger in all three, as before issue 14:
 *   - bulk: one INSERT of 20,000 transactions copied from existing ones (a gap fill, the generator's chunks);
 *   - single: 1,000 one-row INSERTs (a webhook's notice, an action's refund), one statement each.
 * Medians of `--runs` (default 5) each way; the ratio is all on ÷ off. Writes the figures into bench/report.json.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../server/src/config'
import { openPglite, openPostgres, type Db, type Queryable } from '../server/src/db'
import { migrate } from '../server/src/db/migrate'
import { loadDemoData } from '../server/src/dev'
import { uptime } from './lib/machine'
import { updateReport } from './lib/report'
import type { WriteCost, WritesReport } from './lib/report-writes'
import { createDatabase } from './lib/store'

/** The rollup triggers: 0014's on transactions (day facets), 0018's on the day facets (months). */
const DAY_TRIGGERS: [string, string[]] = ['transactions', ['transactions_facets_insert', 'transactions_facets_update', 'transactions_facets_delete']]
const MONTH_TRIGGERS = ['transaction_list_facets', 'transaction_chart_facets'].map((table): [string, string[]] => [
  table,
  ['insert', 'update', 'delete'].map((event) => `${table}_monthly_${event}`),
])

/** Which rollups a measurement keeps: none, 0014's day facets only, or days and months. */
type Level = 'off' | 'day' | 'all'

async function setRollupTriggers(tx: Queryable, level: Level): Promise<void> {
  for (const [[table, triggers], on] of [
    [DAY_TRIGGERS, level !== 'off'],
    ...MONTH_TRIGGERS.map((entry) => [entry, level === 'all'] as const),
  ] as const) {
    await tx.query(`alter table ${table} ${triggers.map((name) => `${on ? 'enable' : 'disable'} trigger ${name}`).join(', ')}`)
  }
}

/** Runs `work` in a transaction that is rolled back, with the rollup triggers on or off; returns its milliseconds. */
async function timed(db: Db, level: Level, work: (tx: Queryable) => Promise<void>): Promise<number> {
  let elapsed = 0
  await db
    .transaction(async (tx) => {
      await setRollupTriggers(tx, level)
      const started = performance.now()
      await work(tx)
      elapsed = performance.now() - started
      throw new RolledBack()
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error
    })
  return elapsed
}

class RolledBack extends Error {}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/** Copies of existing payments under new ids, spread over the year as the originals are. */
const copySql = (limit: number, tag: string): string =>
  `insert into transactions
   select (jsonb_populate_record(null::transactions, to_jsonb(t) || jsonb_build_object(
             'payment_id', '${tag}-' || t.payment_id, 'has_chargeback', false, 'has_fraud', false))).*
   from (select * from transactions where account = '140105' order by payment_id limit ${limit}) t`

async function measure(db: Db, runs: number, work: (tx: Queryable) => Promise<void>): Promise<Omit<WriteCost, 'rows'>> {
  const times: Record<Level, number[]> = { off: [], day: [], all: [] }
  for (let run = 0; run < runs; run += 1) {
    // Interleaved, so a change in the machine's load falls on every side alike.
    for (const level of ['off', 'day', 'all'] as const) times[level].push(await timed(db, level, work))
  }
  return { offMs: median(times.off), dayMs: median(times.day), onMs: median(times.all) }
}

async function openStore(kind: 'postgres' | 'pglite', name: string): Promise<{ db: Db; describe: string; drop(): Promise<void> }> {
  const config = loadConfig(process.env)
  if (kind === 'postgres') {
    if (config.databaseUrl === undefined) throw new Error('PostgreSQL needs DATABASE_URL')
    const url = new URL(config.databaseUrl)
    const database = `${url.pathname.slice(1) || 'postgres'}_${name}`
    url.pathname = `/${database}`
    await createDatabase(config.databaseUrl, database, true)
    const db = await openPostgres({ connectionString: url.toString(), max: 2, unboundedStatements: true })
    return { db, describe: `PostgreSQL, database ${database}`, drop: () => db.close() }
  }
  const dir = await mkdtemp(join(tmpdir(), `bench-${name}-`))
  const db = await openPglite({ dataDir: dir })
  return {
    db,
    describe: 'PGlite in a temporary directory',
    drop: async () => {
      await db.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      store: { type: 'string' },
      size: { type: 'string', default: '50000' },
      runs: { type: 'string', default: '5' },
      generate: { type: 'string' },
    },
  })
  const kind = values.store === 'pglite' || (values.store === undefined && process.env.DATABASE_URL === undefined) ? 'pglite' : 'postgres'
  const loadBefore = uptime()
  const report: WritesReport = { when: new Date().toISOString(), store: '', size: Number(values.size), loadBefore, loadAfter: '' }

  if (values.generate !== undefined) {
    const size = Number(values.generate)
    const store = await openStore(kind, 'writes_generate')
    try {
      await migrate(store.db)
      const load = uptime()
      console.log(`Generating ${size.toLocaleString('en-US')} transactions (${store.describe}); ${load}`)
      const result = await loadDemoData(store.db, { size, secondSize: 3_000, chunkSize: 10_000 })
      report.generation = { size, seconds: result.durationMs / 1000, load }
      console.log(`Generated in ${(result.durationMs / 1000).toFixed(1)} s (including VACUUM ANALYZE)`)
    } finally {
      await store.drop()
    }
  }

  const store = await openStore(kind, 'writes')
  try {
    report.store = store.describe
    await migrate(store.db)
    await loadDemoData(store.db, { size: report.size, secondSize: 3_000 })
    await store.db.exec('vacuum analyze')
    const runs = Number(values.runs)
    let tag = 0
    const bulk = await measure(store.db, runs, (tx) => tx.query(copySql(20_000, `b${(tag += 1)}`)).then(() => undefined))
    report.bulk = { rows: 20_000, ...bulk }
    console.log(`bulk 20,000: off ${bulk.offMs.toFixed(0)}, days ${bulk.dayMs.toFixed(0)}, days + months ${bulk.onMs.toFixed(0)} ms, ×${(bulk.onMs / bulk.offMs).toFixed(2)}`)
    const { rows } = await store.db.query<{ payment_id: string }>(
      `select payment_id from transactions where account = '140105' order by payment_id limit 1000`,
    )
    const single = await measure(store.db, runs, async (tx) => {
      tag += 1
      for (const { payment_id: id } of rows) {
        await tx.query(
          `insert into transactions
           select (jsonb_populate_record(null::transactions, to_jsonb(t) || jsonb_build_object(
                     'payment_id', $2 || t.payment_id, 'has_chargeback', false, 'has_fraud', false))).*
           from transactions t where payment_id = $1`,
          [id, `s${tag}-`],
        )
      }
    })
    report.single = { rows: rows.length, ...single }
    console.log(`single ×${rows.length}: off ${single.offMs.toFixed(0)}, days ${single.dayMs.toFixed(0)}, days + months ${single.onMs.toFixed(0)} ms, ×${(single.onMs / single.offMs).toFixed(2)}`)
  } finally {
    await store.drop()
  }
  report.loadAfter = uptime()
  updateReport((file) => {
    file.writes = { ...file.writes, [kind]: report }
  })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
