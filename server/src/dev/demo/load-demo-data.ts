/**
 * Loads the deterministic demo data: the known merchants and terminals, then a year of business for the demo
 * merchant 140105 and the second merchant 150207, all in one transaction (a failed load leaves nothing behind, so
 * the next start simply tries again). `ensureDemoData` does it once, into an empty store, at start-up.
 */
import type { ServerConfig } from '../../config'
import type { Db, Queryable } from '../../db'
import { merchantsRepository } from '../../repositories/merchants'
import { deferFacets } from '../../repositories/transaction-rollups'
import { announcements } from './announcements'
import { insertRows } from './bulk-insert'
import {
  ACCOUNT_MANAGER_COLUMNS,
  BATCH_COLUMNS,
  CASE_COLUMNS,
  MESSAGE_COLUMNS,
  TRANSACTION_COLUMNS,
} from './demo-tables'
import { generateMerchant, type MerchantExtras } from './generate-merchant'
import { recomputeFunds } from '../../services/funds'
import { KNOWN_MERCHANTS } from '../../config/known-merchants'
import { DEMO_PROFILE, SECOND_PROFILE, type MerchantProfile } from './profiles'

/** Transactions of 140105 for `npm start`: loads in a few seconds on PGlite (see README, Demo data). */
export const DEFAULT_DEMO_SIZE = 20_000
/** The second merchant has about 15% of the demo merchant's business. */
export const SECOND_MERCHANT_SHARE = 0.15
export const DEFAULT_DEMO_SEED = 20_250_515

export interface LoadDemoDataOptions {
  /** Transactions for the demo merchant 140105 (default 20,000). */
  size?: number
  /** Transactions for 150207 (default 15% of `size`). */
  secondSize?: number
  /** The year covered ends here (default: now). */
  now?: Date | number
  seed?: number
  /** Rows per INSERT statement. */
  chunkSize?: number
  /**
   * Rebuild 0014's rollup facets once at the end instead of keeping them row chunk by chunk (deferFacets); default:
   * for loads of 50,000 transactions or more. It holds transactions exclusively until the load commits, so the
   * small start-up load keeps the triggers and leaves readers alone.
   */
  deferRollups?: boolean
  /** Called after each chunk of transactions is written. */
  onProgress?: (progress: { account: string; inserted: number; total: number }) => void
}

/** From this many transactions a load rebuilds the rollup facets at its end (deferRollups). */
const DEFERRED_ROLLUPS_FROM = 50_000

export interface LoadDemoDataResult {
  /** False when `onlyIntoEmptyStore` found transactions already there. */
  loaded: boolean
  transactions: Record<string, number>
  cases: number
  batches: number
  messages: number
  durationMs: number
}

export class DemoDataPresentError extends Error {
  constructor(accounts: readonly string[]) {
    super(`Demo data is already loaded for ${accounts.join(', ')}; reset it first (npm run demo:generate -- --reset)`)
    this.name = 'DemoDataPresentError'
  }
}

/** The demo merchants whose business is generated. */
export const DEMO_PROFILES: readonly MerchantProfile[] = [DEMO_PROFILE, SECOND_PROFILE]
export const DEMO_ACCOUNTS: readonly string[] = DEMO_PROFILES.map((profile) => profile.merchant.account)

async function upsertKnownMerchants(tx: Queryable): Promise<void> {
  const merchants = merchantsRepository(tx)
  for (const merchant of KNOWN_MERCHANTS) {
    await merchants.upsert({ account: merchant.account, name: merchant.name })
    for (const terminal of merchant.terminals) {
      await merchants.upsertTerminal({ terminal: terminal.terminal, account: merchant.account, name: terminal.name })
    }
  }
}

async function writeExtras(tx: Queryable, extras: MerchantExtras, chunkSize: number, account: string, now: number): Promise<void> {
  for (let i = 0; i < extras.cases.length; i += chunkSize) {
    await insertRows(tx, 'order_cases', CASE_COLUMNS, extras.cases.slice(i, i + chunkSize))
  }
  await insertRows(tx, 'settlement_batches', BATCH_COLUMNS, extras.batches)
  for (let i = 0; i < extras.messages.length; i += chunkSize) {
    await insertRows(tx, 'messages', MESSAGE_COLUMNS, extras.messages.slice(i, i + chunkSize))
  }
  await insertRows(
    tx,
    'account_managers',
    ACCOUNT_MANAGER_COLUMNS,
    [extras.manager],
    'on conflict (account) do update set name = excluded.name, phone = excluded.phone, wecom_id = excluded.wecom_id, email = excluded.email',
  )
  // The funds snapshot by the server's own rule over the rows just written, so the page's later recomputations
  // continue it instead of contradicting it.
  await recomputeFunds(tx, account, new Date(now), extras.fundCurrencies)
}

interface InternalOptions {
  /** Load only when the store has no transactions at all; otherwise return loaded: false. */
  onlyIntoEmptyStore?: boolean
}

async function load(db: Db, options: LoadDemoDataOptions, internal: InternalOptions): Promise<LoadDemoDataResult> {
  const started = performance.now()
  const size = options.size ?? DEFAULT_DEMO_SIZE
  const sizes = [size, options.secondSize ?? Math.ceil(size * SECOND_MERCHANT_SHARE)]
  const now = options.now === undefined ? Date.now() : Number(options.now)
  const seed = options.seed ?? DEFAULT_DEMO_SEED
  const chunkSize = options.chunkSize ?? 5_000
  const result: LoadDemoDataResult = { loaded: false, transactions: {}, cases: 0, batches: 0, messages: 0, durationMs: 0 }

  await db.transaction(async (tx) => {
    // Two server processes starting together on one PostgreSQL: the second waits here, then finds the data.
    if (db.kind === 'postgres') await tx.query(`select pg_advisory_xact_lock(hashtext('oceanpayment-assistant:demo-data'))`)
    if (internal.onlyIntoEmptyStore === true) {
      const { rows } = await tx.query<{ present: boolean }>('select exists (select 1 from transactions) as present')
      if (rows[0]?.present === true) return
    } else {
      const { rows } = await tx.query<{ account: string }>(
        'select distinct account from transactions where account = any($1::text[])',
        [DEMO_ACCOUNTS],
      )
      if (rows.length > 0) throw new DemoDataPresentError(rows.map((row) => row.account))
    }

    // The statement_timeout of a server connection is for requests; the rebuild reads every loaded row.
    const rebuildFacets = (options.deferRollups ?? sizes.reduce((sum, n) => sum + n, 0) >= DEFERRED_ROLLUPS_FROM)
      ? await deferFacets(tx, DEMO_ACCOUNTS)
      : undefined
    await upsertKnownMerchants(tx)
    await insertRows(tx, 'messages', MESSAGE_COLUMNS, announcements(now), 'on conflict (source_key) do nothing')
    for (const [index, profile] of DEMO_PROFILES.entries()) {
      const account = profile.merchant.account
      const total = sizes[index] ?? 0
      const generator = generateMerchant(profile, { count: total, now, seed, chunkSize })
      let inserted = 0
      let step = generator.next()
      while (step.done !== true) {
        await insertRows(tx, 'transactions', TRANSACTION_COLUMNS, step.value)
        inserted += step.value.length
        options.onProgress?.({ account, inserted, total })
        step = generator.next()
      }
      const extras = step.value
      await writeExtras(tx, extras, chunkSize, account, now)
      result.transactions[account] = inserted
      result.cases += extras.cases.length
      result.batches += extras.batches.length
      result.messages += extras.messages.length
    }
    if (rebuildFacets !== undefined) {
      if (db.kind === 'postgres') await tx.query('set local statement_timeout = 0')
      await rebuildFacets()
    }
    result.loaded = true
  })
  if (result.loaded) {
    // Fresh statistics for the planner, and a visibility map so totals can be index-only scans (0008); outside
    // the transaction because VACUUM cannot run inside one.
    await db.exec(
      'vacuum analyze transactions, transaction_list_facets, transaction_chart_facets, transaction_list_facets_monthly, transaction_chart_facets_monthly',
    )
    await db.exec('analyze order_cases, settlement_batches, messages, transaction_day_totals')
  }
  result.durationMs = Math.round(performance.now() - started)
  return result
}

/**
 * Generates and writes the demo data. Refuses (DemoDataPresentError) when either demo merchant already has
 * transactions: payment IDs would collide, and mixing two generations would break the batch sums.
 */
export function loadDemoData(db: Db, options: LoadDemoDataOptions = {}): Promise<LoadDemoDataResult> {
  return load(db, options, {})
}

export interface DemoDataLogger {
  info(details: object, message: string): void
}

/**
 * At start-up: loads the default demo data when `config.demoData` is on and the store has no transactions yet.
 * Idempotent across restarts and safe when several processes start at once.
 */
export async function ensureDemoData(
  db: Db,
  config: Pick<ServerConfig, 'demoData'>,
  logger: DemoDataLogger,
  options: LoadDemoDataOptions = {},
): Promise<LoadDemoDataResult | undefined> {
  if (!config.demoData) return undefined
  const { rows } = await db.query<{ present: boolean }>('select exists (select 1 from transactions) as present')
  if (rows[0]?.present === true) return undefined
  const result = await load(db, options, { onlyIntoEmptyStore: true })
  if (result.loaded) {
    logger.info(
      { transactions: result.transactions, cases: result.cases, batches: result.batches, durationMs: result.durationMs },
      'demo data loaded',
    )
  }
  return result
}
