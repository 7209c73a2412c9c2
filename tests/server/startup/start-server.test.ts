import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { HealthResponse } from '@contract/api'
import { openPglite, type Db } from '../../../server/src/db'
import { createLogger } from '../../../server/src/logging/logger'
import { startServer } from '../../../server/src/startup/start-server'
import { captureLogs, testConfig } from '../harness'
import { testStores } from '../stores'

const quiet = () => createLogger({ level: 'silent' })

describe.each(testStores())('startServer on the $kind store', (store) => {
  afterAll(() => store.cleanup())

  it('migrates, listens on a free port, answers over real HTTP and closes cleanly', async () => {
    const db = await store.open()
    const { capture, destination } = captureLogs()
    const server = await startServer(testConfig({ PORT: '0', HOST: '127.0.0.1' }), {
      db,
      logger: createLogger({ level: 'info', destination }),
    })
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)

    const response = await fetch(`${server.url}/api/health`)
    expect(response.status).toBe(200)
    expect(((await response.json()) as HealthResponse).store).toBe(store.kind)
    expect(capture.lines().filter((line) => line.msg === `server ready at ${server.url}`)).toHaveLength(1)

    await server.close()
    await server.close() // idempotent
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow()
    // The store was the caller's: still open.
    expect((await db.query('select 1 as one')).rows).toEqual([{ one: 1 }])
  })
})

describe('startServer with a persisted PGlite directory', () => {
  it('keeps its data across restarts and refuses a second server on the same directory', async () => {
    const config = testConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'op-data-')) })
    const createdAt = async (db: Db): Promise<unknown> =>
      (await db.query("select value from app_meta where key = 'created_at'")).rows[0]

    const server = await startServer(config, { logger: quiet() })
    expect(server.db.kind).toBe('pglite')
    const firstCreatedAt = await createdAt(server.db)

    await expect(openPglite({ dataDir: config.pgliteDir })).rejects.toThrow(/is in use by process/)
    await server.close()

    const restarted = await startServer(config, { logger: quiet() })
    expect(await createdAt(restarted.db)).toEqual(firstCreatedAt)
    await restarted.close()
  })

  it('releases the store when start-up fails', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'op-data-'))
    const blocker = await startServer(testConfig({ PORT: '0', HOST: '127.0.0.1' }), { logger: quiet() })
    const port = Number(new URL(blocker.url).port)
    const config = testConfig({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir })

    await expect(startServer(config, { logger: quiet() })).rejects.toThrow(/EADDRINUSE/)
    await blocker.close()
    // Had the failed start kept its PGlite lock, this would throw "in use".
    const db = await openPglite({ dataDir: config.pgliteDir })
    await db.close()
  })
})
