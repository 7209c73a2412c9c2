/**
 * The request path's writes (issue 14): one statement records a request's nonce and, at most once per
 * SESSION_TOUCH_EVERY_MS, the session's idle clock; the idle rule stays exact (ten minutes after the last accepted
 * request, never later, and not earlier either while the nonce is kept); the sweep counts in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NONCE_RETENTION_MS } from '../../../server/src/auth/signing-window'
import { SESSION_TOUCH_EVERY_MS, sessionService, type SessionService } from '../../../server/src/auth/sessions'
import type { Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { accountsRepository } from '../../../server/src/repositories/accounts'
import { merchantsRepository } from '../../../server/src/repositories/merchants'
import { sessionsRepository } from '../../../server/src/repositories/sessions'
import { testStores } from '../stores'

const IDLE_MS = 600_000
const START = Date.UTC(2025, 2, 3, 4, 0, 0)

describe.each(testStores())('session touch and idle rule on the $kind store', (store) => {
  let db: Db
  let now = START
  let sessions: SessionService
  let accountId: string
  let nonceCounter = 0
  const nonce = () => `nonce-${String(++nonceCounter).padStart(12, '0')}`

  const lastSeenAt = async (id: string): Promise<number | undefined> => {
    const { rows } = await db.query<{ last_seen_at: string }>('select last_seen_at from sessions where id = $1', [id])
    return rows[0] === undefined ? undefined : Number(rows[0].last_seen_at)
  }
  /** A session started at `now`, with its token. */
  const start = async () => sessions.start(accountId)
  /** What the signature check does for an accepted request at `now`: find, then record. */
  const request = async (token: string, id: string) => {
    if ((await sessions.find(token)) === undefined) return 'session-expired'
    return sessions.recordRequest(id, nonce(), now)
  }

  beforeAll(async () => {
    db = await store.open()
    await migrate(db)
    await merchantsRepository(db).upsert({ account: '140105', name: 'Touch test' })
    const created = await accountsRepository(db).create('140105', {
      phone: '13800138000',
      username: 'touch',
      position: '',
      enabled: true,
      permissions: [],
    })
    if (created.kind !== 'created') throw new Error(`account not created: ${created.kind}`)
    accountId = created.account.id
    sessions = sessionService(db, { clock: () => now, idleSeconds: IDLE_MS / 1000 })
  })
  afterAll(async () => {
    await store.cleanup()
  })

  it("commits the request's writes asynchronously, that transaction only", async () => {
    now = START
    const { id } = await start()
    // Inside a transaction of the test's own, so the setting can be read before the commit that uses it.
    const inside = await db.transaction(async (tx) => {
      await sessionsRepository(tx).recordRequest({ id, nonce: nonce(), nonceExpiresAt: now + NONCE_RETENTION_MS, now, touchEveryMs: SESSION_TOUCH_EVERY_MS })
      const { rows } = await tx.query<{ mode: string }>(`select current_setting('synchronous_commit') as mode`)
      return rows[0]?.mode
    })
    expect(inside).toBe('off')
    const { rows } = await db.query<{ mode: string }>(`select current_setting('synchronous_commit') as mode`)
    expect(rows[0]?.mode).toBe('on')
  })

  it('refuses a replayed nonce and reports a session that is gone', async () => {
    now = START
    const { id } = await start()
    expect(await sessions.recordRequest(id, 'replayed-nonce-0001', now)).toBe('recorded')
    expect(await sessions.recordRequest(id, 'replayed-nonce-0001', now + 1_000)).toBe('replayed')
    // The same nonce in another session is that session's own.
    const other = await start()
    expect(await sessions.recordRequest(other.id, 'replayed-nonce-0001', now)).toBe('recorded')
    await sessions.end(id)
    expect(await sessions.recordRequest(id, nonce(), now)).toBe('session-gone')
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from request_nonces where session_id = $1', [id])
    expect(rows[0]?.n).toBe(0)
  })

  it('writes last_seen_at at most once per SESSION_TOUCH_EVERY_MS, and never on a replay', async () => {
    expect(SESSION_TOUCH_EVERY_MS).toBe(30_000)
    now = START
    const { id } = await start()
    expect(await lastSeenAt(id)).toBe(START)
    for (const offset of [1, 10_000, SESSION_TOUCH_EVERY_MS - 1]) {
      now = START + offset
      expect(await sessions.recordRequest(id, nonce(), now)).toBe('recorded')
      expect(await lastSeenAt(id)).toBe(START)
    }
    now = START + SESSION_TOUCH_EVERY_MS
    const used = nonce()
    expect(await sessions.recordRequest(id, used, now)).toBe('recorded')
    expect(await lastSeenAt(id)).toBe(START + SESSION_TOUCH_EVERY_MS)
    now = START + 2 * SESSION_TOUCH_EVERY_MS + 5_000
    expect(await sessions.recordRequest(id, used, now)).toBe('replayed')
    expect(await lastSeenAt(id)).toBe(START + SESSION_TOUCH_EVERY_MS)
  })

  it('records parallel requests of one session all, touching it once', async () => {
    now = START
    const { id } = await start()
    now = START + SESSION_TOUCH_EVERY_MS + 1 // every one of them finds the stored value old enough to touch
    const results = await Promise.all(Array.from({ length: 8 }, () => sessions.recordRequest(id, nonce(), now)))
    expect(results).toEqual(Array(8).fill('recorded'))
    expect(await lastSeenAt(id)).toBe(now)
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from request_nonces where session_id = $1', [id])
    expect(rows[0]?.n).toBe(8)
  })

  it('keeps the idle rule exact although last_seen_at lags: alive 9 min 50 s after the last request, dead at 10 min', async () => {
    now = START
    const first = await start()
    // The last request falls 20 s after the stored touch, so it is not written to last_seen_at…
    now = START + 20_000
    expect(await request(first.token, first.id)).toBe('recorded')
    expect(await lastSeenAt(first.id)).toBe(START)
    // …yet 9 min 50 s after it (10 min 10 s after the stored value) the session still works: its nonce says when.
    now = START + 20_000 + 590_000
    expect(await request(first.token, first.id)).toBe('recorded')
    expect(await lastSeenAt(first.id)).toBe(now)

    // Idle 10 min + 1 ms after an unwritten last request: refused (and removed).
    now = START + 1_000_000
    const second = await start()
    now += 15_000
    const lastRequest = now
    expect(await request(second.token, second.id)).toBe('recorded')
    expect(await lastSeenAt(second.id)).toBe(lastRequest - 15_000)
    now = lastRequest + IDLE_MS + 1
    expect(await request(second.token, second.id)).toBe('session-expired')
    expect(await lastSeenAt(second.id)).toBeUndefined()

    // Exactly 10 min after a written last request: refused; 1 ms before: alive.
    now = START + 3_000_000
    const third = await start()
    now += IDLE_MS - 1
    expect(await request(third.token, third.id)).toBe('recorded')
    now += IDLE_MS
    expect(await request(third.token, third.id)).toBe('session-expired')
  })

  it('never lets a session outlive the idle limit past last_seen_at + limit + touch interval, nonces or not', async () => {
    now = START + 5_000_000
    const { id, token } = await start()
    // A forged nonce row dated in the future must not keep the session alive past the hard bound.
    await db.query('insert into request_nonces (session_id, nonce, expires_at) values ($1, $2, $3)', [
      id,
      nonce(),
      now + 10 * IDLE_MS + NONCE_RETENTION_MS,
    ])
    now += IDLE_MS + SESSION_TOUCH_EVERY_MS
    expect(await sessions.find(token)).toBeUndefined()
  })

  it('sweeps only sessions certainly idle, and counts what it deleted', async () => {
    await db.query('delete from sessions')
    now = START + 10_000_000
    const idle = await start()
    now += 10_000
    expect(await sessions.recordRequest(idle.id, nonce(), now)).toBe('recorded') // not written: 10 s after the start
    // Between idle and idle + touch interval after last_seen_at the nonce may still keep it alive: not swept.
    now = START + 10_000_000 + IDLE_MS + 5_000
    expect(await sessions.prune()).toEqual({ sessions: 0, nonces: 0, rateLimits: 0 })
    expect(await sessions.find(idle.token)).toBeDefined()
    now = START + 10_000_000 + IDLE_MS + SESSION_TOUCH_EVERY_MS
    const report = await sessions.prune()
    expect(report.sessions).toBe(1)
    expect(await lastSeenAt(idle.id)).toBeUndefined()
  })
})
