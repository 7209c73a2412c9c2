/** PostgreSQL through a node-postgres pool, for deployments that outgrow one machine or need several processes. */
import pg from 'pg'
import { DB_TIMEOUTS } from './timeouts'
import { keepAsText, textParsedTypes } from './type-parsers'
import { asUnavailable } from './unavailable'
import type { Db, Queryable, QueryResult } from './types'

export interface PostgresOptions {
  connectionString: string
  /**
   * Run everything inside this schema: created if missing, and each pooled connection starts with
   * `search_path` set to it. Tests use a fresh random one per file so parallel runs never collide.
   */
  schema?: string
  /** Pool size (pg's default is 10); the server passes DB_POOL_MAX (config). */
  max?: number
  /**
   * Lift statement_timeout and lock_timeout (0 = none) for long offline work on a pool of its own: the benchmark's
   * data generation. The server never does.
   */
  unboundedStatements?: boolean
  /**
   * An idle pooled connection failed (server restart, network). The pool drops it and reconnects on demand;
   * without a listener the error would crash the process.
   */
  onIdleError?: (error: Error) => void
}

/** Only plain lower-case identifiers: the name goes into DDL and a startup option, where it cannot be a parameter. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

function typeOverrides(): pg.TypeOverrides {
  const types = new pg.TypeOverrides()
  for (const oid of textParsedTypes) types.setTypeParser(oid, keepAsText)
  return types
}

/**
 * The bounded waits of timeouts.ts as connection startup options: in force from a connection's first statement.
 *
 * And no parallel query plans. The server's reads are rollup-sized (0014/0018): PostgreSQL planned parallel workers
 * for the charts' unions, and starting two workers cost 60–90 ms of a chart's ~100 ms where the query's own work was
 * ~15 ms (EXPLAIN ANALYZE on the bench store, docs/performance.md). Under many sessions on a few cores, workers
 * only take cores from other requests. Writes never run parallel plans anyway, so bulk loads are unaffected; the
 * bench's raw-SQL replay opens its connections with these settings too, so both sides plan alike.
 */
export function sessionSettings(unbounded = false): string[] {
  return [
    `statement_timeout=${unbounded ? 0 : DB_TIMEOUTS.statementMs}`,
    `lock_timeout=${unbounded ? 0 : DB_TIMEOUTS.lockMs}`,
    `idle_in_transaction_session_timeout=${DB_TIMEOUTS.idleInTransactionMs}`,
    'max_parallel_workers_per_gather=0',
  ]
}

function queryable(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      try {
        const result = await target.query(sql, [...params])
        return { rows: result.rows as T[] }
      } catch (error) {
        throw asUnavailable(error)
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        // Without parameters pg uses the simple query protocol, which accepts several statements.
        await target.query(sql)
      } catch (error) {
        throw asUnavailable(error)
      }
    },
  }
}

async function connect(pool: pg.Pool): Promise<pg.PoolClient> {
  try {
    return await pool.connect()
  } catch (error) {
    throw asUnavailable(error)
  }
}

async function inTransaction<T>(pool: pg.Pool, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const client = await connect(pool)
  try {
    await client.query('begin')
    const result = await fn(queryable(client))
    await client.query('commit')
    client.release()
    return result
  } catch (error) {
    try {
      await client.query('rollback')
      client.release()
    } catch (rollbackError) {
      // The connection is in an unknown state: destroy it rather than hand it to the next caller.
      client.release(rollbackError instanceof Error ? rollbackError : true)
    }
    throw error
  }
}

export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const { connectionString, schema, onIdleError } = options
  const max = options.max ?? 10
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid schema name "${schema}": use lower-case letters, digits and _`)
  }

  const pool = new pg.Pool({
    connectionString,
    max,
    // Waiting for a connection is bounded like everything else: a full pool answers 503, not a queue without end.
    connectionTimeoutMillis: DB_TIMEOUTS.connectionWaitMs,
    types: typeOverrides(),
    // Startup options, so search_path and the timeouts are in place before the first query on every connection.
    options: [...(schema === undefined ? [] : [`search_path=${schema}`]), ...sessionSettings(options.unboundedStatements)]
      .map((setting) => `-c ${setting}`)
      .join(' '),
  })
  pool.on('error', (error) => onIdleError?.(error))

  let closing: Promise<void> | undefined
  const close = (): Promise<void> => (closing ??= pool.end())

  try {
    if (schema !== undefined) await pool.query(`create schema if not exists ${schema}`)
    else await pool.query('select 1') // fail at start-up, not on the first request
  } catch (error) {
    await close()
    throw error
  }

  return {
    kind: 'postgres',
    connections: max,
    ...queryable(pool),
    transaction: (fn) => inTransaction(pool, fn),
    close,
  }
}
