import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../server/src/app'
import type { Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { testStores } from '../stores'
import {
  buildAuthTestApp,
  canonicalPathAndQuery,
  computeSignature,
  loginAs,
  newNonce,
  signedGet,
  signedHeaders,
  signedPost,
  signedRequest,
  type TestSession,
} from '../support/signed-client'

/** A route that shows what it was reached with, to see the signed request got through intact. */
function withEchoRoute(app: App): App {
  const echo = async (request: { auth?: unknown; body?: unknown; query?: unknown }) => ({
    auth: request.auth,
    body: request.body ?? null,
    query: request.query,
  })
  app.get('/api/test/echo', echo)
  app.post('/api/test/echo', echo)
  app.post('/api/test/other', echo)
  return app
}

describe('canonicalPathAndQuery (the test client)', () => {
  it('sorts raw pairs by key then value, keeps them as sent, and drops an empty query', () => {
    expect(canonicalPathAndQuery('/api/x')).toBe('/api/x')
    expect(canonicalPathAndQuery('/api/x?')).toBe('/api/x')
    expect(canonicalPathAndQuery('/api/x?b=2&a=%20z&a=1&flag')).toBe('/api/x?a=%20z&a=1&b=2&flag')
  })
})

describe.each(testStores())('signed requests on the $kind store', (store) => {
  let db: Db
  let now = Date.UTC(2025, 2, 3, 4, 0, 0)
  const clock = () => now
  let app: App
  let session: TestSession

  beforeAll(async () => {
    db = await store.open()
    await migrate(db)
    app = withEchoRoute(buildAuthTestApp(db, { clock }).app)
    session = await loginAs(app, db, { merchant: '140105', phone: '13800138000', permissions: ['refund'] })
  })
  afterAll(async () => {
    await app.close()
    await store.cleanup()
  })

  it('lets a correctly signed GET and POST through with request.auth set and the body intact', async () => {
    const get = await signedGet(app, session, '/api/test/echo?b=2&a=1', { timestamp: now })
    expect(get.statusCode).toBe(200)
    expect(get.json()).toMatchObject({
      auth: { userId: session.userId, merchantNo: '140105', permissions: ['refund'], sessionId: expect.any(String) },
      query: { a: '1', b: '2' },
    })
    const body = { amount: '12.34', note: '退款 ✓' }
    const post = await signedPost(app, session, '/api/test/echo', body, { timestamp: now })
    expect(post.statusCode).toBe(200)
    expect(post.json().body).toEqual(body)
  })

  it('does not depend on the order of the query keys', async () => {
    for (const url of ['/api/test/echo?z=1&a=2&m=3', '/api/test/echo?m=3&z=1&a=2', '/api/test/echo?a=2&m=3&z=1']) {
      expect((await signedGet(app, session, url, { timestamp: now })).statusCode).toBe(200)
    }
    // Signed over one order, sent in another: still the same request.
    const nonce = newNonce()
    const sign = computeSignature({
      signingKey: session.signingKey,
      method: 'GET',
      url: '/api/test/echo?a=2&z=1',
      body: '',
      timestamp: now,
      nonce,
    })
    const response = await signedGet(app, session, '/api/test/echo?z=1&a=2', { timestamp: now, nonce, sign })
    expect(response.statusCode).toBe(200)
  })

  it('rejects a replayed nonce with NONCE_REPLAYED', async () => {
    const nonce = newNonce()
    expect((await signedGet(app, session, '/api/test/echo', { timestamp: now, nonce })).statusCode).toBe(200)
    const replay = await signedGet(app, session, '/api/test/echo', { timestamp: now, nonce })
    expect(replay.statusCode).toBe(401)
    expect(replay.json().error.code).toBe('NONCE_REPLAYED')
    // Even a later, freshly signed request may not reuse it.
    const later = await signedPost(app, session, '/api/test/echo', { x: 1 }, { timestamp: now + 1000, nonce })
    expect(later.json().error.code).toBe('NONCE_REPLAYED')
  })

  it('rejects timestamps more than 5 minutes off, in both directions, with TIMESTAMP_OUT_OF_WINDOW', async () => {
    for (const offset of [-5 * 60_000 - 1, 5 * 60_000 + 1, -86_400_000]) {
      const response = await signedGet(app, session, '/api/test/echo', { timestamp: now + offset })
      expect(response.statusCode).toBe(401)
      expect(response.json().error.code).toBe('TIMESTAMP_OUT_OF_WINDOW')
      expect(response.headers['x-op-server-time']).toBe(String(now))
    }
    for (const offset of [-5 * 60_000, 5 * 60_000]) {
      expect((await signedGet(app, session, '/api/test/echo', { timestamp: now + offset })).statusCode).toBe(200)
    }
    const { headers } = signedHeaders(session, { method: 'GET', url: '/api/test/echo', timestamp: now })
    const garbled = await app.inject({ method: 'GET', url: '/api/test/echo', headers: { ...headers, 'x-op-timestamp': '1e12' } })
    expect(garbled.json().error.code).toBe('TIMESTAMP_OUT_OF_WINDOW')
  })

  it('rejects each tampered part with SIGNATURE_INVALID', async () => {
    const body = JSON.stringify({ amount: '1.00' })
    const sign = (overrides: Partial<{ method: string; url: string; body: string; timestamp: number; nonce: string }>) => {
      const parts = { method: 'POST', url: '/api/test/echo?a=1', body, timestamp: now, nonce: newNonce(), ...overrides }
      return { parts, sign: computeSignature({ signingKey: session.signingKey, ...parts }) }
    }
    const send = (signed: ReturnType<typeof sign>, sent: Partial<{ method: 'GET' | 'POST'; url: string; body: string; timestamp: number; nonce: string }>) =>
      signedRequest(app, session, {
        method: 'POST',
        url: signed.parts.url,
        body: signed.parts.body,
        headers: { 'content-type': 'application/json' },
        timestamp: signed.parts.timestamp,
        nonce: signed.parts.nonce,
        sign: signed.sign,
        ...sent,
      })

    const untouched = sign({})
    expect((await send(untouched, {})).statusCode).toBe(200)

    const cases: Array<[string, Parameters<typeof send>[1]]> = [
      ['method', { method: 'GET' }],
      ['path', { url: '/api/test/other?a=1' }],
      ['query', { url: '/api/test/echo?a=2' }],
      ['body', { body: JSON.stringify({ amount: '100.00' }) }],
      ['timestamp', { timestamp: now + 1 }],
      ['nonce', { nonce: newNonce() }],
    ]
    for (const [part, sent] of cases) {
      const response = await send(sign({}), sent)
      expect({ part, status: response.statusCode, code: response.json().error?.code }).toEqual({
        part,
        status: 401,
        code: 'SIGNATURE_INVALID',
      })
    }

    const wrongKey = computeSignature({ ...sign({}).parts, signingKey: 'ab'.repeat(32) })
    const withWrongKey = await signedPost(app, session, '/api/test/echo', { a: 1 }, { timestamp: now, sign: wrongKey })
    expect(withWrongKey.json().error.code).toBe('SIGNATURE_INVALID')
    const upperCase = sign({})
    const upper = await send({ ...upperCase, sign: upperCase.sign.toUpperCase() }, {})
    expect(upper.json().error.code).toBe('SIGNATURE_INVALID')
    const flipped = sign({})
    const flippedSign = (flipped.sign[0] === '0' ? '1' : '0') + flipped.sign.slice(1)
    expect((await send({ ...flipped, sign: flippedSign }, {})).json().error.code).toBe('SIGNATURE_INVALID')
  })

  it('does not burn the nonce of a request whose signature failed', async () => {
    const nonce = newNonce()
    const bad = await signedGet(app, session, '/api/test/echo', { timestamp: now, nonce, sign: '0'.repeat(64) })
    expect(bad.json().error.code).toBe('SIGNATURE_INVALID')
    expect((await signedGet(app, session, '/api/test/echo', { timestamp: now, nonce })).statusCode).toBe(200)
  })

  it('rejects malformed nonces, and missing or unknown sessions with SESSION_EXPIRED', async () => {
    for (const nonce of ['short', 'x'.repeat(65), 'has space in it!!!!']) {
      const response = await signedGet(app, session, '/api/test/echo', { timestamp: now, nonce })
      expect(response.json().error.code).toBe('SIGNATURE_INVALID')
    }
    const unsigned = await app.inject({ method: 'GET', url: '/api/test/echo' })
    expect(unsigned.statusCode).toBe(401)
    expect(unsigned.json().error.code).toBe('SESSION_EXPIRED')
    const unknown = await signedGet(app, { token: 'A'.repeat(43), signingKey: session.signingKey }, '/api/test/echo', {
      timestamp: now,
    })
    expect(unknown.json().error.code).toBe('SESSION_EXPIRED')
    // A path no route serves is a plain 404, signed or not.
    const nowhere = await app.inject({ method: 'GET', url: '/api/no/such/route' })
    expect(nowhere.json().error.code).toBe('NOT_FOUND')
    // Percent-encoding the path does not slip past the check.
    const encoded = await app.inject({ method: 'GET', url: '/api/test/%65cho' })
    expect(encoded.statusCode).toBe(401)
  })

  it('leaves /api/health and /api/auth/login unsigned', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginCode: 'x', phoneCode: 'y' } })
    expect(login.json().error.code).toBe('WECHAT_CODE_INVALID')
  })

  it('lets parallel requests of one session all through, each nonce recorded once', async () => {
    now += 31_000 // the stored last_seen_at is old enough that every one of them tries to touch the session
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => signedGet(app, session, '/api/test/echo', { timestamp: now })),
    )
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200, 200])
  })

  it('prunes expired nonces and idle sessions as time passes (the sweep, which runs on its own timer)', async () => {
    const other = await loginAs(app, db, { merchant: '140105', phone: '13800138999' })
    expect((await signedGet(app, other, '/api/test/echo', { timestamp: now })).statusCode).toBe(200)
    const count = async (table: string) =>
      (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0].n
    expect(await count('request_nonces')).toBeGreaterThan(0)
    now += 11 * 60_000 // past the nonce retention and the idle limit (and its touch lag) of both sessions
    // A request no longer sweeps: it only refuses its own idle session.
    expect((await signedGet(app, session, '/api/test/echo', { timestamp: now })).statusCode).toBe(401)
    expect(await count('sessions')).toBe(1)
    expect(await app.sweepIdle?.()).toMatchObject({ sessions: 1 })
    expect(await count('sessions')).toBe(0)
    expect(await count('request_nonces')).toBe(0)
  })
})
