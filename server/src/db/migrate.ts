/**
 * Applies server/migrations/NNNN_name.sql files in order, each in its own transaction, and records them in
 * schema_migrations. Applied files must not change: a checksum catches an edit that would otherwise leave
 * databases silently different. On PostgreSQL an advisory lock makes concurrent start-ups safe: the second
 * process waits, then finds the work done.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { migrationsDir } from '../paths'
import type { Db, Queryable } from './types'

export interface Migration {
  /** The four digits, e.g. "0001". */
  version: string
  /** File name without extension, e.g. "0001_init". */
  name: string
  sql: string
  checksum: string
}

export interface MigrateOptions {
  /** Defaults to server/migrations. */
  dir?: string
  logger?: { info(details: object, message: string): void }
}

export interface MigrateResult {
  /** Versions applied by this call, in order; empty when the store was already up to date. */
  applied: string[]
}

const FILE_NAME = /^(\d{4})_[a-z0-9_]+\.sql$/

const BOOKKEEPING = `
  create table if not exists schema_migrations (
    version    text primary key,
    name       text not null,
    checksum   text not null,
    applied_at timestamptz not null default now()
  )`

export class MigrationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MigrationError'
  }
}

function checksum(sql: string): string {
  // Line endings normalised so a Windows checkout does not look like an edited migration.
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex')
}

export async function loadMigrations(dir: string = migrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort()
  const migrations: Migration[] = []
  for (const file of files) {
    const match = FILE_NAME.exec(file)
    if (match === null) throw new MigrationError(`Migration file name "${file}" must look like 0001_some_name.sql`)
    const version = match[1]
    if (migrations.some((m) => m.version === version)) {
      throw new MigrationError(`Two migration files share version ${version}`)
    }
    const sql = await readFile(join(dir, file), 'utf8')
    migrations.push({ version, name: file.slice(0, -'.sql'.length), sql, checksum: checksum(sql) })
  }
  return migrations
}

/**
 * Serialises migrators across processes until the transaction ends. Keyed by schema, so separate schemas
 * (parallel test files) do not wait for each other. PGlite is single-process and needs no lock.
 */
async function lock(db: Db, tx: Queryable): Promise<void> {
  if (db.kind !== 'postgres') return
  // A migration may rewrite a large table, and a second process must wait for the first one's migrations however
  // long they take: the request-sized bounds of timeouts.ts do not apply here (SET LOCAL: this transaction only).
  await tx.query('set local statement_timeout = 0')
  await tx.query('set local lock_timeout = 0')
  await tx.query(`select pg_advisory_xact_lock(hashtext('oceanpayment-assistant:migrate:' || current_schema()))`)
}

async function applyOne(db: Db, migration: Migration): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lock(db, tx)
    // Checked under the lock: another process may have applied it while we waited.
    const { rows } = await tx.query<{ checksum: string }>(
      'select checksum from schema_migrations where version = $1',
      [migration.version],
    )
    const recorded = rows[0]
    if (recorded !== undefined) {
      if (recorded.checksum !== migration.checksum) {
        throw new MigrationError(
          `Migration ${migration.name} was changed after it was applied; add a new migration instead of editing it`,
        )
      }
      return false
    }
    await tx.exec(migration.sql)
    await tx.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
      migration.version,
      migration.name,
      migration.checksum,
    ])
    return true
  })
}

export async function migrate(db: Db, options: MigrateOptions = {}): Promise<MigrateResult> {
  const migrations = await loadMigrations(options.dir)
  await db.transaction(async (tx) => {
    // Under the lock too: concurrent `create table if not exists` can still collide on PostgreSQL.
    await lock(db, tx)
    await tx.exec(BOOKKEEPING)
  })

  const applied: string[] = []
  for (const migration of migrations) {
    if (await applyOne(db, migration)) {
      applied.push(migration.version)
      options.logger?.info({ migration: migration.name }, 'migration applied')
    }
  }
  return { applied }
}
