/**
 * Issue 12 item 8: a start-up killed between the demo data's commit and the demo accounts' step used to leave a
 * store with no demo accounts for good (the next start saw transactions and skipped the rest). Each step now checks
 * its own completion: a restart completes the store, and preparing twice changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openPglite, type Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { DEMO_USERS, devStandIns } from '../../../server/src/dev'
import { ensureDemoData } from '../../../server/src/dev/demo'
import { createLogger } from '../../../server/src/logging/logger'
import { prepareStore, registerConfiguredMerchants } from '../../../server/src/startup/prepare-store'
import { startServerProcess } from '../multi-process/server-process'
import { testConfig } from '../harness'
import { testStores } from '../stores'

const quiet = createLogger({ level: 'silent' })

async function demoPhones(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ phone: string }>('select phone from miniprogram_accounts where phone = any($1::text[]) order by phone', [
    DEMO_USERS.map((user) => user.phone),
  ])
  return rows.map((row) => row.phone)
}

const ALL_DEMO_PHONES = DEMO_USERS.map((user) => user.phone).sort()

describe.each(testStores())('demo preparation on the $kind store', (store) => {
  afterAll(() => store.cleanup())

  it('completes a store whose start-up stopped after the demo data, and is idempotent', async () => {
    const db = await store.open()
    const config = testConfig()
    await migrate(db)
    // What the killed start-up left: merchants registered and the demo data committed, nothing after.
    await registerConfiguredMerchants(db, config)
    const loaded = await ensureDemoData(db, config, quiet, { size: 300, secondSize: 100 })
    expect(loaded?.loaded).toBe(true)
    expect(await demoPhones(db)).toEqual([])

    await prepareStore(db, config, quiet, devStandIns)
    expect(await demoPhones(db)).toEqual(ALL_DEMO_PHONES)
    const { rows: mirrored } = await db.query<{ count: number }>('select count(*)::int as count from sandbox_orders')

    // A second start: nothing doubled.
    await prepareStore(db, config, quiet, devStandIns)
    expect(await demoPhones(db)).toEqual(ALL_DEMO_PHONES)
    expect((await db.query<{ count: number }>('select count(*)::int as count from sandbox_orders')).rows).toEqual(mirrored)
  }, 120_000)
})

describe('a real server process killed with SIGKILL after the demo data commit (PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'op-resumable-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))
  const env = { DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'info' }

  it('leaves a store the next start completes', async () => {
    await expect(startServerProcess({ ...env, OP_TEST_KILL_AT_STEP: 'after-demo-data' }, 240_000)).rejects.toThrow(/signal SIGKILL/)

    const restarted = await startServerProcess(env, 240_000)
    await restarted.stop()

    const db = await openPglite({ dataDir: join(dataDir, 'pglite') })
    try {
      expect(await demoPhones(db)).toEqual(ALL_DEMO_PHONES)
    } finally {
      await db.close()
    }
  }, 600_000)
})
