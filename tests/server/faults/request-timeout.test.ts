/**
 * Issue 12, item 10: no request may hang unanswered. Whatever keeps a request from finishing — the store's bounded
 * waits (DbUnavailableError) or anything else past the request timeout (Fastify's handlerTimeout) — it is answered
 * 503 SERVICE_UNAVAILABLE with Retry-After in the error envelope, and logged once at warn with its request id, route
 * and duration. The last case is the hang itself: PGlite's one connection held past the queue wait.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiErrorBody } from '@contract/api'
import { buildApp, type App } from '../../../server/src/app'
import { DB_TIMEOUTS, DbUnavailableError, type Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { createLogger } from '../../../server/src/logging/logger'
import { captureLogs, testConfig, type LogCapture } from '../harness'
import { testStores } from '../stores'

const REQUEST_TIMEOUT_MS = 300
const ADMIN_TOKEN = 'request-timeout-admin-token-0123456789abcdef'

describe.each(testStores())('requests that cannot be served in time, on the $kind store', (store) => {
  let db: Db
  let app: App
  let logs: LogCapture

  beforeAll(async () => {
    db = await store.open()
    await migrate(db)
    const { capture, destination } = captureLogs()
    logs = capture
    app = buildApp({
      config: testConfig({ ADMIN_TOKEN, GAP_FILL_INTERVAL_SECONDS: '0' }),
      db,
      logger: createLogger({ level: 'info', destination }),
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
    })
    // Test-only routes: one that never answers, one whose store is unavailable.
    app.get('/test/never', () => new Promise(() => undefined))
    app.get('/test/store-busy', async () => {
      throw new DbUnavailableError('lock-timeout', 'store unavailable: lock-timeout')
    })
    await app.ready()
  })

  afterAll(async () => {
    await app?.close()
    await store.cleanup()
  })

  const warnLines = (requestId: string) =>
    logs.lines().filter((line) => line.reqId === requestId && line.msg === 'request not served in time')

  it('a handler that never finishes is answered 503 with Retry-After after the request timeout, and logged once', async () => {
    const started = performance.now()
    const response = await app.inject({ method: 'GET', url: '/test/never', headers: { 'x-request-id': 'hang-probe-1' } })
    expect(performance.now() - started).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 10)
    expect(response.statusCode).toBe(503)
    expect(response.headers['retry-after']).toBe('5')
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    expect(response.json<ApiErrorBody>().error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', requestId: 'hang-probe-1' })
    const [line, ...more] = warnLines('hang-probe-1')
    expect(more).toEqual([])
    expect(line).toMatchObject({ level: 40, reason: 'request-timeout', method: 'GET', route: '/test/never' })
    expect(line.ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 10)
  })

  it('DbUnavailableError from the store is a 503 with Retry-After at once, logged at warn, not a 500', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/store-busy', headers: { 'x-request-id': 'busy-probe-1' } })
    expect(response.statusCode).toBe(503)
    expect(response.headers['retry-after']).toBe('5')
    expect(response.json<ApiErrorBody>().error.code).toBe('SERVICE_UNAVAILABLE')
    expect(warnLines('busy-probe-1')).toMatchObject([{ reason: 'lock-timeout', route: '/test/store-busy' }])
    expect(logs.lines().filter((line) => line.reqId === 'busy-probe-1' && line.level === 50)).toEqual([])
  })

  it.runIf(store.kind === 'pglite')('PGlite: a real route while the one connection is held is answered 503, not left hanging', async () => {
    let release = (): void => undefined
    const holding = db.transaction(() => new Promise<void>((resolve) => (release = resolve)))
    try {
      const started = performance.now()
      const response = await app.inject({
        method: 'GET',
        url: '/admin/api/merchants',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'x-request-id': 'held-probe-1' },
      })
      const ms = performance.now() - started
      expect(response.statusCode).toBe(503)
      expect(response.json<ApiErrorBody>().error.code).toBe('SERVICE_UNAVAILABLE')
      // The request timeout here is shorter than the queue wait, so whichever bound comes first answers.
      expect(ms).toBeLessThan(DB_TIMEOUTS.queueWaitMs + 1_000)
      expect(warnLines('held-probe-1')).toHaveLength(1)
    } finally {
      release()
      await holding
    }
    const after = await app.inject({ method: 'GET', url: '/admin/api/merchants', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    expect(after.statusCode).toBe(200)
  })
})
