/** Embedded store: Postgres compiled to WASM, in-process. Persisted in a directory, or in memory (tests). */
import { mkdir } from 'node:fs/promises'
import { PGlite, type Transaction } from '@electric-sql/pglite'
import { lockDataDir } from './data-dir-lock'
import { createGate } from './gate'
import { DB_TIMEOUTS } from './timeouts'
import { keepAsText, textParsedTypes } from './type-parsers'
import type { Db, Queryable, QueryResult } from './types'

/** The longest PGlite's statements may keep the event loop from I/O before it is given a turn. */
const YIELD_AFTER_MS = 10

export interface PgliteOptions {
  /** Absolute directory for the data files; omitted = in memory, gone on close. */
  dataDir?: string
}

const parsers = Object.fromEntries(textParsedTypes.map((oid) => [oid, keepAsText]))

function queryable(target: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const result = await target.query<T>(sql, [...params])
      return { rows: result.rows }
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql)
    },
  }
}

export async function openPglite(options: PgliteOptions = {}): Promise<Db> {
  const { dataDir } = options
  let unlock: (() => Promise<void>) | undefined
  if (dataDir !== undefined) {
    await mkdir(dataDir, { recursive: true })
    unlock = await lockDataDir(dataDir)
  }

  let pglite: PGlite
  try {
    pglite = new PGlite({ dataDir, parsers })
    await pglite.waitReady
  } catch (error) {
    await unlock?.()
    throw error
  }

  /**
   * PGlite has a single connection; its transaction() holds it exclusively and its own queue makes everything else
   * wait without limit. This gate in front of it bounds that wait: past DB_TIMEOUTS.queueWaitMs the caller gets
   * DbUnavailableError (503) instead of hanging. Statements inside a transaction use its `tx` and bypass the gate.
   */
  const turn = createGate({ max: 1, waitMs: DB_TIMEOUTS.queueWaitMs, reason: 'queue-wait', what: 'the PGlite connection' })
  const direct = queryable(pglite)
  /**
   * PGlite runs each statement synchronously (WASM) and hands the connection on through promise callbacks only, so
   * under load one event-loop turn ran every waiting request's statements back to back (seconds), and the loop
   * reached new connections once per turn: the hang of issue 12, item 10 (docs/resilience.md). Yielding to the
   * event loop once statements have held it for YIELD_AFTER_MS lets sockets be accepted and read between them,
   * without paying a loop turn for every statement when nothing is waiting.
   */
  let heldSince = performance.now()
  const inTurn = <T>(fn: () => Promise<T>): Promise<T> =>
    turn.run(async () => {
      if (performance.now() - heldSince >= YIELD_AFTER_MS) {
        await new Promise((resolve) => setImmediate(resolve))
        heldSince = performance.now()
      }
      return fn()
    })

  let closing: Promise<void> | undefined
  return {
    kind: 'pglite',
    connections: 1,
    query: (sql, params) => inTurn(() => direct.query(sql, params)),
    exec: (sql) => inTurn(() => direct.exec(sql)),
    transaction: (fn) => inTurn(() => pglite.transaction((tx) => fn(queryable(tx)))),
    close() {
      closing ??= (async () => {
        try {
          await pglite.close()
        } finally {
          await unlock?.()
        }
      })()
      return closing
    },
  }
}
