/**
 * The idle sweep runs on its own timer, outside every request (issue 14): started when the app is ready, repeated
 * every interval, stopped on close; `app.sweepIdle` runs one now.
 */
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idleSweep } from '../../../server/src/auth/idle-sweep'
import { sessionService } from '../../../server/src/auth/sessions'
import type { Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { accountsRepository } from '../../../server/src/repositories/accounts'
import { merchantsRepository } from '../../../server/src/repositories/merchants'
import { testStores } from '../stores'

const IDLE_SECONDS = 600

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return check()
}

describe.each(testStores())('the idle sweep on the $kind store', (store) => {
  let db: Db
  let now = Date.UTC(2025, 2, 3, 4, 0, 0)
  const clock = () => now
  let accountId: string
  const count = async (table: string) => (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n

  beforeAll(async () => {
    db = await store.open()
    await migrate(db)
    await merchantsRepository(db).upsert({ account: '140105', name: 'Sweep test' })
    const created = await accountsRepository(db).create('140105', {
      phone: '13800138001',
      username: 'sweep',
      position: '',
      enabled: true,
      permissions: [],
    })
    if (created.kind !== 'created') throw new Error(`account not created: ${created.kind}`)
    accountId = created.account.id
  })
  afterAll(() => store.cleanup())

  /** A session with one recorded request at `now`. */
  async function usedSession(): Promise<void> {
    const sessions = sessionService(db, { clock, idleSeconds: IDLE_SECONDS })
    const { id } = await sessions.start(accountId)
    expect(await sessions.recordRequest(id, `nonce-${id}`, now)).toBe('recorded')
  }

  it('sweeps on its timer once the app is ready, without any request, and stops on close', async () => {
    const app = Fastify()
    await app.register(idleSweep, { db, clock, sessionIdleSeconds: IDLE_SECONDS, intervalMs: 25 })
    await usedSession()
    await app.ready()
    now += 11 * 60_000 // past the idle limit (and its touch lag) and the nonce retention
    expect(await until(async () => (await count('sessions')) === 0, 5_000)).toBe(true)
    expect(await count('request_nonces')).toBe(0)

    await app.close()
    await usedSession()
    now += 11 * 60_000
    await new Promise((resolve) => setTimeout(resolve, 150)) // six intervals: a live timer would have swept
    expect(await count('sessions')).toBe(1)
    await db.query('delete from sessions')
  })

  it('with interval 0 starts no timer; app.sweepIdle runs one sweep and reports its counts', async () => {
    const app = Fastify()
    await app.register(idleSweep, { db, clock, sessionIdleSeconds: IDLE_SECONDS, intervalMs: 0 })
    await app.ready()
    await usedSession()
    await usedSession()
    now += 11 * 60_000
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(await count('sessions')).toBe(2)
    expect(await app.sweepIdle?.()).toEqual({ sessions: 2, nonces: 0, rateLimits: 0 })
    expect(await count('sessions')).toBe(0)
    await app.close()
  })
})
