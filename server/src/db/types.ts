/**
 * The one database interface the rest of the server sees. PGlite and PostgreSQL both speak it, with the same
 * `$1…` placeholders and the same value types (see type-parsers.ts), so repositories and tests run unchanged on both.
 */
import type { StoreKind } from '@contract/api'

export type { StoreKind }

export interface QueryResult<T> {
  rows: T[]
}

/** What both a Db and an open transaction can do. */
export interface Queryable {
  /** One statement, parameters as `$1`, `$2`… */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>
  /** Several `;`-separated statements without parameters (migrations). */
  exec(sql: string): Promise<void>
}

export interface Db extends Queryable {
  readonly kind: StoreKind
  /** How many statements can run at once: the pool size on PostgreSQL, 1 on PGlite (absent on test fakes: 1). */
  readonly connections?: number
  /**
   * Runs `fn` in BEGIN … COMMIT, rolling back if it throws. Use only the `tx` handed to `fn` inside it:
   * on PostgreSQL the Db itself would run on another connection, outside the transaction.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /** Idempotent. */
  close(): Promise<void>
}
