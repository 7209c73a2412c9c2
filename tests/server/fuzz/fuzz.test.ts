/**
 * Every route of the app, enumerated from the app itself, gets each class of bad input (control characters,
 * overlong values, wrong types, forged cursors, impossible dates, bad encodings, extra fields, wrong content
 * types). Each must be answered with a 4xx in the error envelope and leave every table as it was. Signed routes
 * are probed with a valid signature and admin routes with the admin token, so the probe reaches validation.
 * One app and one store per store kind keep it fast.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LightMyRequestResponse } from 'fastify'
import { buildApp, type App } from '../../../server/src/app'
import { resolveAdminToken } from '../../../server/src/auth/admin-token'
import type { Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { loadDemoData } from '../../../server/src/dev/demo/load-demo-data'
import { createLogger } from '../../../server/src/logging/logger'
import { WEBHOOK_PATH } from '../../../server/src/routes/webhooks/oceanpayment'
import { captureLogs, testConfig } from '../harness'
import { testStores } from '../stores'
import { fakeWechat, loginAs, signedHeaders, type TestSession } from '../support/signed-client'
import { collectRoutes, routeLabel, type FuzzRoute } from './routes'
import { forgedCursors, probesFor, sampleUrl, type Probe } from './probes'
import { changedTables, storeFingerprint } from './store-fingerprint'

const MERCHANT = '140105'
const profileRoute: FuzzRoute = { method: 'GET', url: '/api/auth/profile' }
const ERROR_KEYS = new Set(['code', 'message', 'requestId', 'merchants'])

interface Failure {
  route: string
  probe: string
  status: number
  body: string
}

/** Undefined when the answer is a 4xx in the error envelope; else what is wrong with it. */
function envelopeProblem(response: LightMyRequestResponse): string | undefined {
  if (response.statusCode < 400 || response.statusCode > 499) return `status ${response.statusCode}`
  let body: unknown
  try {
    body = response.json()
  } catch {
    return 'body is not JSON'
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error
  if (typeof error !== 'object' || error === null || Object.keys(body as object).length !== 1) return 'not {error:{…}}'
  if (typeof error.code !== 'string' || !/^[A-Z][A-Z_]+$/.test(error.code) || typeof error.message !== 'string') {
    return 'error without our code and message'
  }
  if (Object.keys(error).some((key) => !ERROR_KEYS.has(key))) return 'error with foreign keys (a framework shape)'
  return undefined
}

describe.each(testStores())('fuzz: every route refuses bad input on the $kind store', (store) => {
  let db: Db
  let app: App
  let routes: FuzzRoute[]
  let session: TestSession
  let adminToken: string
  const failures: Failure[] = []
  let probeCount = 0

  beforeAll(async () => {
    db = await store.open()
    await migrate(db)
    await loadDemoData(db, { size: 300, secondSize: 60, now: new Date(), seed: 11 })
    const config = testConfig()
    // The H5 app as a production build serves it, so its routes answer as they would there.
    mkdirSync(config.h5Dir, { recursive: true })
    writeFileSync(join(config.h5Dir, 'index.html'), '<!doctype html><title>h5</title>')
    const { destination } = captureLogs()
    // Built as production builds it (no development stand-ins): their routes mimic foreign APIs' own shapes.
    app = buildApp({ config, db, logger: createLogger({ level: 'warn', destination }), wechat: fakeWechat(),
      // Login probes must reach validation, not the per-phone limit (tested on its own elsewhere).
      loginLimits: { perClientAddress: { limit: 100_000, windowSeconds: 600 }, perPhone: { limit: 100_000, windowSeconds: 600 } },
      // Likewise the action routes' per-account limit (tested in tests/server/routes/actions).
      actions: { rateLimit: { limit: 100_000, windowSeconds: 600 }, runReconcilerAtStart: false },
    })
    routes = collectRoutes(app)
    await app.ready()
    adminToken = (await resolveAdminToken(config)).token
    session = await loginAs(app, db, { merchant: MERCHANT, phone: '13900139000' })
  }, 120_000)

  afterAll(async () => {
    await app?.close()
    await store.cleanup()
  })

  function send(route: FuzzRoute, probe: Pick<Probe, 'method' | 'url' | 'payload' | 'contentType'>): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {}
    if (probe.contentType !== undefined) headers['content-type'] = probe.contentType
    if (route.url.startsWith('/admin/api/')) headers.authorization = `Bearer ${adminToken}`
    if (route.url.startsWith('/api/') && route.url !== '/api/auth/login' && route.url !== '/api/health') {
      const signed = signedHeaders(session, { method: probe.method as 'GET', url: probe.url, body: probe.payload ?? undefined, headers })
      return app.inject({ method: probe.method as 'GET', url: probe.url, headers: signed.headers, payload: signed.payload })
    }
    return app.inject({ method: probe.method as 'GET', url: probe.url, headers, payload: probe.payload })
  }

  /** Probes that need an answer from the app first: cursors forged with the fingerprint of a real one. */
  async function cursorProbes(route: FuzzRoute): Promise<Probe[]> {
    if (route.method !== 'GET' || route.querystring?.properties?.cursor === undefined) return []
    const withLimit = route.querystring.properties.limit === undefined ? [] : ([['limit', '1']] as Array<[string, string]>)
    const first = await send(route, { method: 'GET', url: sampleUrl(route, withLimit) })
    let fingerprint: string | undefined
    const real = first.statusCode === 200 ? (first.json() as { nextCursor?: string | null }).nextCursor : undefined
    if (typeof real === 'string') {
      try {
        const decoded = JSON.parse(Buffer.from(real.split('.')[0], 'base64url').toString('utf8')) as { f?: unknown }
        if (typeof decoded.f === 'string') fingerprint = decoded.f
      } catch {
        // An opaque cursor: forging one with its fingerprint is not possible from outside, which is the point.
      }
    }
    const forged = forgedCursors(fingerprint)
    if (typeof real === 'string') forged.push({ what: 'a real cursor with one character changed', cursor: real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A') })
    return forged.map(({ what, cursor }) => ({
      class: 'forged-cursors' as const,
      what: `cursor: ${what}`,
      method: 'GET',
      url: sampleUrl(route, [...withLimit, ['cursor', encodeURIComponent(cursor)]]),
    }))
  }

  it('answers every probe of every route with a 4xx envelope and changes nothing', async () => {
    const fuzzed = routes.filter((route) => route.url !== WEBHOOK_PATH)
    expect(fuzzed.length).toBeGreaterThan(15)
    for (const route of fuzzed) {
      const probes = [...probesFor(route), ...(await cursorProbes(route))]
      const before = await storeFingerprint(db)
      for (const probe of probes) {
        probeCount += 1
        const response = await send(route, probe)
        const problem = envelopeProblem(response)
        if (problem !== undefined) {
          failures.push({ route: routeLabel(route), probe: `${probe.class}: ${probe.what}`, status: response.statusCode, body: `${problem} ${response.body.slice(0, 160)}` })
        }
      }
      const changed = changedTables(before, await storeFingerprint(db))
      if (changed.length > 0) failures.push({ route: routeLabel(route), probe: 'store fingerprint', status: 0, body: `changed: ${changed.join(', ')}` })
      // A probe that ended the session would turn every later probe into a 401: that is a failure of its own.
      const alive = await send(profileRoute, { method: 'GET', url: '/api/auth/profile' })
      if (alive.statusCode !== 200) {
        failures.push({ route: routeLabel(route), probe: 'session still alive after the probes', status: alive.statusCode, body: alive.body.slice(0, 160) })
        session = await loginAs(app, db, { merchant: MERCHANT, phone: '13900139000' })
      }
    }
    const summary = `${failures.length} of ${probeCount} probes answered wrongly on ${store.kind}`
    console.log(summary)
    for (const failure of failures) console.log(`  ${failure.route} | ${failure.probe} | ${failure.status} | ${failure.body}`)
    expect(failures, summary).toEqual([])
  }, 240_000)
})
