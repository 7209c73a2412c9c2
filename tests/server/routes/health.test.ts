import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HealthResponse, HealthUnavailableResponse } from '@contract/api'
import type { Db } from '../../../server/src/db'
import { buildTestApp } from '../harness'
import { testStores } from '../stores'

const packageVersion = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string
}).version

/** The real store with its query replaced: the app must answer 503, not crash or hang. */
function withQuery(db: Db, query: Db['query']): Db {
  return { kind: db.kind, query, exec: db.exec, transaction: db.transaction, close: db.close }
}

describe.each(testStores())('GET /api/health on the $kind store', (store) => {
  let db: Db
  beforeAll(async () => {
    db = await store.open()
  })
  afterAll(() => store.cleanup())

  it('answers 200 with the store kind, version and time', async () => {
    const { app } = buildTestApp(db)
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    await app.close()

    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    expect(response.headers['cache-control']).toBe('no-store')
    const body = response.json<HealthResponse>()
    expect(body).toEqual({ status: 'ok', store: store.kind, version: packageVersion, time: expect.any(String) })
    expect(Math.abs(Date.parse(body.time) - Date.now())).toBeLessThan(60_000)
  })

  it('answers 503 when the store query fails, and logs why', async () => {
    const failing = withQuery(db, () => Promise.reject(new Error('connection refused')))
    const { app, logs } = buildTestApp(failing)
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    await app.close()

    expect(response.statusCode).toBe(503)
    expect(response.json<HealthUnavailableResponse>()).toEqual({
      status: 'unavailable',
      store: store.kind,
      time: expect.any(String),
    })
    const warning = logs.lines().find((line) => line.msg === 'health check: store unavailable')
    expect(warning).toMatchObject({ level: 40, err: { message: 'connection refused' } })
  })

  it('answers 503 when the store hangs', async () => {
    const hanging = withQuery(db, () => new Promise(() => undefined))
    const { app } = buildTestApp(hanging, undefined, 50)
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    await app.close()

    expect(response.statusCode).toBe(503)
    expect(response.json<HealthUnavailableResponse>().status).toBe('unavailable')
  })
})
