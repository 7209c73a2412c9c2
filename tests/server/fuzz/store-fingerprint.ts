/**
 * A fingerprint of every table of the store, to prove that a refused request changed nothing. The bookkeeping a
 * signed request does before any validation is left out on purpose: the nonce it spends (request_nonces), the
 * session's idle clock (sessions.last_seen_at) and the per-address counters (rate_limits). They are the replay
 * and idle protection working, not a change the request asked for.
 */
import type { Db } from '../../../server/src/db'

const SKIPPED_TABLES = new Set(['request_nonces', 'rate_limits'])
/**
 * push_outbox's lease and done marks are the subscribe-message sender's own bookkeeping (a timer working off the
 * queue the demo's messages filled, docs/push.md), not a change a request asked for; a request adding a message
 * would still show in the row count.
 */
const SKIPPED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  sessions: ['last_seen_at'],
  push_outbox: ['leased_until', 'not_before', 'done_at'],
}
/**
 * Rows left out: an action route audits a refusal by permission or ownership before it looks at the body
 * (docs/actions.md, "Order of checks"): the audit log working, like the nonce. Any other action row still counts.
 */
const SKIPPED_ROWS: Readonly<Record<string, string>> = { actions: `not (status = 'failed' and failure in ('not-permitted', 'payment-not-found'))` }

async function tables(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  )
  return rows.map((row) => row.name).filter((name) => !SKIPPED_TABLES.has(name))
}

async function columns(db: Db, table: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = $1 order by ordinal_position`,
    [table],
  )
  const skipped = SKIPPED_COLUMNS[table] ?? []
  return rows.map((row) => row.name).filter((name) => !skipped.includes(name))
}

/** table → md5 of its rows (kept columns only, in a stable order) and its row count. */
export async function storeFingerprint(db: Db): Promise<Record<string, string>> {
  const result: Record<string, string> = {}
  for (const table of await tables(db)) {
    const kept = (await columns(db, table)).map((name) => `"${name}"`)
    const row = `row(${kept.join(', ')})::text`
    const { rows } = await db.query<{ digest: string | null; count: string | number }>(
      `select md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as digest, count(*) as count from "${table}"` +
        (SKIPPED_ROWS[table] === undefined ? '' : ` where ${SKIPPED_ROWS[table]}`),
    )
    result[table] = `${rows[0].count}:${rows[0].digest ?? ''}`
  }
  return result
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...names].filter((name) => before[name] !== after[name]).sort()
}
