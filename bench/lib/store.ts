/**
 * The benchmark's store: a million generated transactions of merchant 140105 (the demo generator, + 3,000 of
 * 150207), generated once and reused. On PostgreSQL in a database of its own, `<DATABASE_URL's database>_bench`
 * (created when missing), so the configured database's data is untouched and a server process can be pointed at
 * it with nothing but its DATABASE_URL (a schema would need a search_path the server's connection string cannot
 * carry beside its own startup options). On PGlite in DATA_DIR/bench-store/pglite, the server's own layout for
 * DATA_DIR=DATA_DIR/bench-store.
 */
import { join } from 'node:path'
import pg from 'pg'
import { loadConfig } from '../../server/src/config'
import { openPglite, openPostgres, type Db } from '../../server/src/db'
import { migrate } from '../../server/src/db/migrate'
import { loadDemoData, resetDemoData } from '../../server/src/dev'

export const BENCH_ACCOUNT = '140105'
export type StoreKind = 'pglite' | 'postgres'

export interface BenchStore {
  kind: StoreKind
  /** What the server process needs to open the same data. */
  serverEnv: Record<string, string>
  describe: string
  open(): Promise<Db>
}

/** `--store` or, by default, PostgreSQL when DATABASE_URL is set, else PGlite. */
export function benchStore(choice: string | undefined): BenchStore {
  const config = loadConfig(process.env)
  const kind: StoreKind = choice === 'pglite' || choice === 'postgres' ? choice : config.databaseUrl === undefined ? 'pglite' : 'postgres'
  if (kind === 'postgres') {
    if (config.databaseUrl === undefined) throw new Error('--store postgres needs DATABASE_URL')
    const url = new URL(config.databaseUrl)
    const database = `${url.pathname.slice(1) || 'postgres'}_bench`
    url.pathname = `/${database}`
    const benchUrl = url.toString()
    return {
      kind,
      serverEnv: { DATABASE_URL: benchUrl },
      describe: `PostgreSQL, database ${database}`,
      open: async () => {
        await createDatabase(config.databaseUrl ?? '', database)
        // Generating a million rows runs statements far longer than the server's request-sized statement_timeout.
        return openPostgres({ connectionString: benchUrl, max: 4, unboundedStatements: true })
      },
    }
  }
  const dataDir = join(config.dataDir, 'bench-store')
  return {
    kind,
    serverEnv: { DATA_DIR: dataDir },
    describe: `PGlite in ${join(dataDir, 'pglite')}`,
    open: () => openPglite({ dataDir: join(dataDir, 'pglite') }),
  }
}

/** Creates `database` on the server of `adminUrl` when missing (`fresh`: dropped first, whatever it held). */
export async function createDatabase(adminUrl: string, database: string, fresh = false): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    if (fresh) await client.query(`drop database if exists "${database.replace(/"/g, '""')}" with (force)`)
    const { rows } = await client.query('select 1 from pg_database where datname = $1', [database])
    if (rows.length === 0) await client.query(`create database "${database.replace(/"/g, '""')}"`)
  } finally {
    await client.end()
  }
}

/** Migrates, then makes sure the store holds `size` transactions of 140105 (generating them when it does not). */
export async function ensureData(db: Db, size: number, regenerate: boolean): Promise<void> {
  await migrate(db)
  const { rows } = await db.query<{ count: number }>('select count(*)::int as count from transactions where account = $1', [BENCH_ACCOUNT])
  const present = rows[0]?.count ?? 0
  if (present === size && !regenerate) {
    console.log(`Reusing ${present.toLocaleString('en-US')} transactions of ${BENCH_ACCOUNT}`)
    // Measure a store in its steady state (autovacuum would have run by now in production).
    await db.exec('vacuum analyze')
    return
  }
  if (present > 0) await resetDemoData(db)
  console.log(`Generating ${size.toLocaleString('en-US')} transactions for ${BENCH_ACCOUNT} …`)
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

/** What the scenarios take from the data itself: its "now", an order number and a batch to search for. */
export interface DataFacts {
  newest: Date
  orderNumber: string
  batchNo: string
  batchCurrency: string
  version: string
}

export async function dataFacts(db: Db): Promise<DataFacts> {
  const { rows } = await db.query<{ newest: Date; order_number: string; batch_no: string; batch_currency: string; version: string }>(
    `select (select max(payment_time) from transactions where account = $1) as newest,
            (select order_number from transactions where account = $1
              order by payment_time desc, payment_id desc limit 1 offset 1234) as order_number,
            b.batch_no, trim(b.currency) as batch_currency,
            version() as version
       from (select batch_no, currency from settlement_batches where account = $1 and batch_type = 'transaction'
               and txn_count > 0 order by created_at desc limit 1 offset 2) b`,
    [BENCH_ACCOUNT],
  )
  const facts = rows[0]
  if (facts === undefined || facts.order_number === null) throw new Error('no benchmark data')
  return { newest: new Date(facts.newest), orderNumber: facts.order_number, batchNo: facts.batch_no, batchCurrency: facts.batch_currency, version: facts.version }
}
