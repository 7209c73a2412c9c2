/**
 * Set-based bulk inserts: one statement per chunk, one array parameter per column, expanded by `unnest`. Both PGlite
 * and PostgreSQL take thousands of rows per round trip this way, and the parameter count stays at the column count
 * (multi-row VALUES would hit PostgreSQL's 65,535-parameter limit at ~2,000 rows of a wide table).
 */
import type { Queryable } from '../../db'

export type ColumnType = 'text' | 'bigint' | 'integer' | 'timestamptz'

export interface Column<Row> {
  readonly name: string
  readonly type: ColumnType
  readonly value: (row: Row) => string | number | null
}

/** A column of epoch-millisecond times, sent as ISO 8601 text and cast by the database. */
export function timeColumn<Row>(name: string, value: (row: Row) => number | null): Column<Row> {
  return {
    name,
    type: 'timestamptz',
    value: (row) => {
      const ms = value(row)
      return ms === null ? null : new Date(ms).toISOString()
    },
  }
}

export async function insertRows<Row>(
  tx: Queryable,
  table: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  suffix = '',
): Promise<void> {
  if (rows.length === 0) return
  const names = columns.map((column) => column.name).join(', ')
  // Times travel as text and are cast after unnest, so no driver-specific Date handling is involved.
  const selects = columns.map((column, i) => (column.type === 'timestamptz' ? `c${i}::timestamptz` : `c${i}`)).join(', ')
  const arrays = columns
    .map((column, i) => `$${i + 1}::${column.type === 'timestamptz' ? 'text' : column.type}[]`)
    .join(', ')
  const aliases = columns.map((_, i) => `c${i}`).join(', ')
  const sql = `insert into ${table} (${names}) select ${selects} from unnest(${arrays}) as u(${aliases}) ${suffix}`
  const params = columns.map((column) => rows.map((row) => column.value(row)))
  await tx.query(sql, params)
}
