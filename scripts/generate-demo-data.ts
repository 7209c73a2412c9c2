/**
 * `npm run demo:generate -- --transactions 1000000 [--second N] [--seed N] [--now ISO] [--reset]`
 *
 * Regenerates the deterministic demo data at a chosen size into the configured store (DATABASE_URL, else PGlite in
 * DATA_DIR; stop the server first when it uses PGlite). `--transactions` is the demo merchant 140105's count; the
 * second merchant 150207 gets 15% of it unless `--second` says otherwise. Without `--reset` it refuses to load over
 * existing demo data.
 */
import { parseArgs } from 'node:util'
import { loadConfig } from '../server/src/config'
import { openDb } from '../server/src/db'
import { migrate } from '../server/src/db/migrate'
import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_SIZE, loadDemoData, resetDemoData } from '../server/src/dev'

const MAX_TRANSACTIONS = 20_000_000

function count(name: string, raw: string | undefined, fallback: number | undefined): number | undefined {
  if (raw === undefined) return fallback
  if (!/^\d+$/.test(raw.replace(/_/g, '')) || Number(raw.replace(/_/g, '')) > MAX_TRANSACTIONS) {
    throw new Error(`--${name} must be a whole number up to ${MAX_TRANSACTIONS} (got "${raw}")`)
  }
  return Number(raw.replace(/_/g, ''))
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      transactions: { type: 'string' },
      second: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
      reset: { type: 'boolean', default: false },
    },
    strict: true,
  })
  const size = count('transactions', values.transactions, DEFAULT_DEMO_SIZE) ?? DEFAULT_DEMO_SIZE
  const secondSize = count('second', values.second, undefined)
  const seed = count('seed', values.seed, DEFAULT_DEMO_SEED) ?? DEFAULT_DEMO_SEED
  const now = values.now === undefined ? Date.now() : Date.parse(values.now)
  if (Number.isNaN(now)) throw new Error(`--now must be an ISO 8601 time (got "${values.now}")`)

  const config = loadConfig(process.env)
  const db = await openDb(config)
  try {
    const started = performance.now()
    await migrate(db)
    console.log(`Store: ${config.store === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.pgliteDir}`}`)
    if (values.reset) {
      const reset = await resetDemoData(db)
      console.log(`Removed the previous demo data (${reset.transactions.toLocaleString('en-US')} transactions) in ${seconds(performance.now() - started)}`)
    }
    let lastReport = 0
    const result = await loadDemoData(db, {
      size,
      secondSize,
      seed,
      now,
      chunkSize: 10_000,
      onProgress: ({ account, inserted, total }) => {
        const elapsed = performance.now() - started
        if (inserted === total || elapsed - lastReport >= 2_000) {
          lastReport = elapsed
          console.log(`  ${account}: ${inserted.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} transactions (${seconds(elapsed)})`)
        }
      },
    })
    const transactions = Object.entries(result.transactions)
      .map(([account, n]) => `${account}: ${n.toLocaleString('en-US')}`)
      .join(', ')
    console.log(
      `Loaded ${transactions} transactions, ${result.cases} cases, ${result.batches} settlement batches, ` +
        `${result.messages} notices (seed ${seed}) in ${seconds(result.durationMs)}; total ${seconds(performance.now() - started)}`,
    )
  } finally {
    await db.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
