/** DB_POOL_MAX reaches the PostgreSQL pool through openDb (issue 14); PGlite stays one connection whatever it says. */
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../../server/src/db'

const databaseUrl = process.env.DATABASE_URL

describe('openDb pool size', () => {
  it.runIf(databaseUrl !== undefined)('opens the PostgreSQL pool with dbPoolMax connections at most', async () => {
    const db = await openDb({ databaseUrl, dbPoolMax: 3, pgliteDir: '' })
    try {
      expect(db.connections).toBe(3)
      // Four statements that each hold their connection: at most three run at once.
      const started = await Promise.all(
        Array.from({ length: 4 }, () =>
          db.query<{ pid: number }>('select pg_backend_pid() as pid from pg_sleep(0.2)').then(({ rows }) => rows[0]?.pid),
        ),
      )
      expect(new Set(started).size).toBeLessThanOrEqual(3)
    } finally {
      await db.close()
    }
  })

  it('keeps PGlite at its one connection', async () => {
    const db = await openDb({ databaseUrl: undefined, dbPoolMax: 40, pgliteDir: join(tmpdir(), `pool-size-${randomBytes(4).toString('hex')}`) })
    try {
      expect(db.connections).toBe(1)
    } finally {
      await db.close()
    }
  })
})
