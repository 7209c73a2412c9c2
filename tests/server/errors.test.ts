import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiErrorBody } from '@contract/api'
import type { App } from '../../server/src/app'
import type { Db } from '../../server/src/db'
import { AppError } from '../../server/src/errors'
import { buildTestApp, type LogCapture } from './harness'
import { testStores } from './stores'

describe.each(testStores())('error responses on the $kind store', (store) => {
  let db: Db
  let app: App
  let logs: LogCapture

  beforeAll(async () => {
    db = await store.open()
    ;({ app, logs } = buildTestApp(db))
    // Routes that fail on purpose; the real routes come from buildApp. Outside /api/, because every /api/ route
    // but health and login needs a signed session (tests/server/auth/signing.test.ts covers errors there).
    app.get('/test/boom', async () => {
      throw new Error('pool exhausted while reading merchant 1234 (internal detail)')
    })
    app.get('/test/conflict', async () => {
      throw new AppError(409, 'CONFLICT', 'That account already exists')
    })
    app.post(
      '/test/validated',
      { schema: { body: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } },
      async () => ({ ok: true }),
    )
    await app.ready()
  })
  afterAll(async () => {
    await app.close()
    await store.cleanup()
  })

  it('answers an unknown /api route with the JSON 404 envelope', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/no-such-thing?token=abc' })
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    expect(response.json<ApiErrorBody>()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route for GET /api/no-such-thing' },
    })
  })

  it('answers an unknown method on /api with the same envelope', async () => {
    const response = await app.inject({ method: 'DELETE', url: '/api/health' })
    expect(response.statusCode).toBe(404)
    expect(response.json<ApiErrorBody>().error.code).toBe('NOT_FOUND')
  })

  it('hides a crash behind a generic 500 that carries the request id, and logs the detail under that id', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/boom' })
    expect(response.statusCode).toBe(500)
    const requestId = response.headers['x-request-id']
    expect(typeof requestId).toBe('string')
    expect(response.json<ApiErrorBody>()).toEqual({
      error: { code: 'INTERNAL', message: 'Internal server error', requestId },
    })
    expect(response.body).not.toContain('pool exhausted')

    const logged = logs.lines().find((line) => line.msg === 'request failed' && line.reqId === requestId)
    expect(logged).toMatchObject({
      level: 50,
      err: { type: 'Error', message: 'pool exhausted while reading merchant 1234 (internal detail)' },
    })
    expect(String((logged?.err as { stack?: unknown }).stack)).toContain('errors.test.ts')
  })

  it('passes a deliberate 4xx through with its stable code and message', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/conflict' })
    expect(response.statusCode).toBe(409)
    expect(response.json<ApiErrorBody>()).toEqual({
      error: { code: 'CONFLICT', message: 'That account already exists' },
    })
  })

  it('reports schema validation failures as VALIDATION_FAILED', async () => {
    const response = await app.inject({ method: 'POST', url: '/test/validated', payload: {} })
    expect(response.statusCode).toBe(400)
    const body = response.json<ApiErrorBody>()
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.message).toContain('name')
  })

  it('reports malformed JSON as BAD_REQUEST', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/test/validated',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json<ApiErrorBody>().error.code).toBe('BAD_REQUEST')
  })

  it('uses a well-formed caller request id and replaces anything else', async () => {
    const kept = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'mp-42.abc' } })
    expect(kept.headers['x-request-id']).toBe('mp-42.abc')
    const replaced = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'bad id\n{"level":60}' },
    })
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })
})
