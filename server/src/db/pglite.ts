/** Embedded store: Postgres compiled to WASM, in-process. Persisted in a directory, or in memory (tests). */
import { mkdir } from 'node:fs/promises'
import { PGlite, type Transaction } from '@electric-sql/pglite'
import { lockDataDir } from './data-dir-lock'
import { keepAsText, textParsedTypes } from './type-parsers'
import type { Db, Queryable, QueryResult } from './types'

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

  let closing: Promise<void> | undefined
  return {
    kind: 'pglite',
    ...queryable(pglite),
    // PGlite has a single connection; its transaction() holds it exclusively, so other queries wait.
    transaction: (fn) => pglite.transaction((tx) => fn(queryable(tx))),
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
