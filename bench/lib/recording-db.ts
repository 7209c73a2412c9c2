/**
 * The raw-SQL side of "server ÷ raw SQL": a Db that records every statement a service runs (the repository's own
 * SQL and parameters, so the bench never keeps a copy that could drift), and a replay of those statements straight
 * through the store's driver. Statements the service started while another was in flight (Promise.all) are
 * replayed together, so the replay has the service's concurrency and the ratio isolates HTTP, signing, session
 * and nonce writes, validation and serialisation.
 */
import type { Db, Queryable } from '../../server/src/db'

export interface Statement {
  sql: string
  params: readonly unknown[]
}

/** Statements in the order started; a group's statements were in flight together. */
export type Recording = Statement[][]

/** Runs `call` against a Db that records what it sends (and passes it on), and returns the recording. */
export async function record(db: Db, call: (db: Queryable) => Promise<unknown>): Promise<Recording> {
  const groups: Recording = []
  let inFlight = 0
  const note = (statement: Statement): void => {
    if (inFlight === 0 || groups.length === 0) groups.push([])
    groups[groups.length - 1].push(statement)
  }
  const wrap = (target: Queryable): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      note({ sql, params })
      inFlight += 1
      try {
        return await target.query<T>(sql, params)
      } finally {
        inFlight -= 1
      }
    },
    async exec(sql: string) {
      note({ sql, params: [] })
      inFlight += 1
      try {
        await target.exec(sql)
      } finally {
        inFlight -= 1
      }
    },
  })
  await call(wrap(db))
  return groups
}

/** Runs a recording again, group after group, each group's statements concurrently. */
export async function replay(db: Queryable, recording: Recording): Promise<void> {
  for (const group of recording) await Promise.all(group.map((s) => db.query(s.sql, s.params)))
}

/** Whether a recording only reads (a replay must not change the store it measures). */
export function readsOnly(recording: Recording): boolean {
  return recording.every((group) => group.every((s) => /^\s*(select|with)\b/i.test(s.sql) && !/\b(insert|update|delete)\b/i.test(s.sql)))
}
