/**
 * The stores every server test runs against: PGlite in memory always, and PostgreSQL too when DATABASE_URL is
 * set. Each PostgreSQL store lives in a fresh random schema that is dropped afterwards, so parallel test files
 * and concurrent CI runs on one database never see each other's tables.
 *
 *   describe.each(testStores())('… on the $kind store', (store) => { … await store.open() … store.cleanup() })
 */
import { randomBytes } from 'node:crypto'
import { openPglite, openPostgres, type Db, type StoreKind } from '../../server/src/db'

export interface TestStore {
  kind: StoreKind
  /** A new, empty database: PGlite in memory, or a new schema on PostgreSQL. */
  open(): Promise<Db>
  /**
   * PostgreSQL only: two pools on one new schema, i.e. two server processes sharing a database.
   * (PGlite is single-process by design, so there is nothing to share.)
   */
  openPair?(): Promise<[Db, Db]>
  /** Closes every Db opened here and drops the PostgreSQL schemas. */
  cleanup(): Promise<void>
}

function pgliteStore(): TestStore {
  const opened: Db[] = []
  return {
    kind: 'pglite',
    async open() {
      const db = await openPglite()
      opened.push(db)
      return db
    },
    async cleanup() {
      await Promise.all(opened.map((db) => db.close()))
    },
  }
}

function postgresStore(connectionString: string): TestStore {
  const opened: Db[] = []
  const schemas: string[] = []
  const connect = async (schema: string): Promise<Db> => {
    const db = await openPostgres({ connectionString, schema, max: 4 })
    opened.push(db)
    return db
  }
  const newSchema = (): string => {
    const schema = `test_${randomBytes(6).toString('hex')}`
    schemas.push(schema)
    return schema
  }
  return {
    kind: 'postgres',
    open: () => connect(newSchema()),
    async openPair() {
      const schema = newSchema()
      const first = await connect(schema) // creates the schema before the second pool looks for it
      return [first, await connect(schema)]
    },
    async cleanup() {
      await Promise.all(opened.map((db) => db.close()))
      if (schemas.length === 0) return
      const admin = await openPostgres({ connectionString, max: 1 })
      try {
        for (const schema of schemas) await admin.query(`drop schema if exists ${schema} cascade`)
      } finally {
        await admin.close()
      }
    },
  }
}

/** Fresh stores for one test file; call at module level and pass to describe.each. */
export function testStores(): TestStore[] {
  const url = process.env.DATABASE_URL
  return url === undefined || url === '' ? [pgliteStore()] : [pgliteStore(), postgresStore(url)]
}
