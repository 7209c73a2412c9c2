/**
 * The store's bounded waits (server/src/db/timeouts.ts): what cannot be served in time fails with DbUnavailableError
 * instead of waiting without end. PGlite: its one connection's queue. PostgreSQL: lock_timeout, statement_timeout and
 * the pool's connection wait. Each case is the slowest of its kind, so the suite holds one of each only.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DB_TIMEOUTS, DbUnavailableError, openPostgres, type Db } from '../../../server/src/db'
import { testStores } from '../stores'

async function failure(run: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now()
  try {
    await run()
  } catch (error) {
    return { error, ms: performance.now() - started }
  }
  throw new Error('expected a failure')
}

describe.each(testStores())('bounded waits on the $kind store', (store) => {
  let db: Db
  beforeAll(async () => {
    db = await store.open() // in a hook: booting PGlite on a busy machine can take longer than a test may
  })
  afterAll(() => store.cleanup())

  it('a burst of statements leaves the event loop free between them (new connections are read under load)', async () => {
    // Issue 12, item 10: PGlite ran a queue of statements back to back in one event-loop turn, so sockets were
    // accepted and read once per turn and new connections' requests waited past the client's 30 s.
    // Statements of ~1 ms each: the 200 take far longer than the 10 ms PGlite may keep the loop from I/O.
    let done = 0
    const burst = Array.from({ length: 200 }, () =>
      db.query('select count(*) from generate_series(1, 20000)').then(() => (done += 1)),
    )
    const doneWhenLoopTurned = await new Promise<number>((resolve) => setImmediate(() => setImmediate(() => resolve(done))))
    await Promise.all(burst)
    expect(done).toBe(200)
    expect(doneWhenLoopTurned).toBeLessThan(100)
  })

  it('a statement issued on the Db inside its own transaction fails within the bounds instead of hanging', async () => {
    // On PGlite this is a deadlock (the transaction holds the only connection and waits for the statement, which
    // waits for the connection): the queue wait turns it into DbUnavailableError and the transaction rolls back.
    // On PostgreSQL the statement takes another pooled connection and simply waits for nothing.
    await db.exec('create table bw_rows (id int primary key)')
    const attempt = db.transaction(async (tx) => {
      await tx.query('insert into bw_rows values (1)')
      await db.query('select count(*) from bw_rows')
      return 'done'
    })
    if (db.kind === 'pglite') {
      const { error, ms } = await failure(() => attempt)
      expect(error).toBeInstanceOf(DbUnavailableError)
      expect(error).toMatchObject({ reason: 'queue-wait' })
      expect(ms).toBeGreaterThanOrEqual(DB_TIMEOUTS.queueWaitMs - 50)
      expect(ms).toBeLessThan(DB_TIMEOUTS.queueWaitMs + 2_000)
      // Rolled back, and the connection is free again.
      expect((await db.query<{ n: number }>('select count(*)::int as n from bw_rows')).rows).toEqual([{ n: 0 }])
    } else {
      expect(await attempt).toBe('done')
    }
  })
})

const databaseUrl = process.env.DATABASE_URL
describe.skipIf(databaseUrl === undefined || databaseUrl === '')('PostgreSQL statement, lock and connection bounds', () => {
  const schema = `bw_${randomBytes(6).toString('hex')}`
  const opened: Db[] = []
  const open = async (max: number): Promise<Db> => {
    const db = await openPostgres({ connectionString: databaseUrl ?? '', schema, max })
    opened.push(db)
    return db
  }

  afterAll(async () => {
    await opened[0]?.query(`drop schema if exists ${schema} cascade`)
    await Promise.all(opened.map((db) => db.close()))
  })

  it('sets the timeouts, and no parallel plans, on every pooled connection', async () => {
    const db = await open(2)
    const { rows } = await db.query<Record<string, string>>(
      `select current_setting('statement_timeout') as statement, current_setting('lock_timeout') as lock,
         current_setting('idle_in_transaction_session_timeout') as idle,
         current_setting('max_parallel_workers_per_gather') as parallel`,
    )
    expect(rows[0]).toEqual({
      statement: `${DB_TIMEOUTS.statementMs / 1000}s`,
      lock: `${DB_TIMEOUTS.lockMs / 1000}s`,
      idle: `${DB_TIMEOUTS.idleInTransactionMs / 1000}s`,
      parallel: '0', // no parallel plans for request-sized reads (postgres.ts)
    })
  })

  it('a lock held elsewhere: lock-timeout after lock_timeout, not a wait as long as the lock', async () => {
    const db = await open(2)
    await db.exec('create table bw_locked (id int primary key)')
    const other = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${schema}` })
    await other.connect()
    try {
      await other.query('begin')
      await other.query('lock table bw_locked in access exclusive mode')
      const { error, ms } = await failure(() => db.query('insert into bw_locked values (1)'))
      expect(error).toBeInstanceOf(DbUnavailableError)
      expect(error).toMatchObject({ reason: 'lock-timeout' })
      expect(ms).toBeLessThan(DB_TIMEOUTS.lockMs + 1_000)
    } finally {
      await other.query('rollback')
      await other.end()
    }
    await db.query('insert into bw_locked values (1)')
  })

  it('a statement past statement_timeout: statement-timeout, and the connection is usable after', async () => {
    const db = await open(1)
    const { error } = await failure(() =>
      db.transaction(async (tx) => {
        await tx.query('set local statement_timeout = 100') // the real bound is 10 s; the mapping is what is tested
        await tx.query('select pg_sleep(2)')
      }),
    )
    expect(error).toBeInstanceOf(DbUnavailableError)
    expect(error).toMatchObject({ reason: 'statement-timeout' })
    expect((await db.query('select 1 as one')).rows).toEqual([{ one: 1 }])
  })

  it('every connection busy: connection-wait after the pool wait, and the pool recovers', async () => {
    const db = await open(1)
    let release = (): void => undefined
    const holding = db.transaction(() => new Promise<void>((resolve) => (release = resolve)))
    const { error, ms } = await failure(() => db.query('select 1'))
    expect(error).toBeInstanceOf(DbUnavailableError)
    expect(error).toMatchObject({ reason: 'connection-wait' })
    expect(ms).toBeGreaterThanOrEqual(DB_TIMEOUTS.connectionWaitMs - 50)
    expect(ms).toBeLessThan(DB_TIMEOUTS.connectionWaitMs + 1_000)
    release()
    await holding
    expect((await db.query('select 1 as one')).rows).toEqual([{ one: 1 }])
  })
})
