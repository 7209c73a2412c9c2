import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiErrorBody } from '@contract/api'
import type { Db } from '../../../server/src/db'
import { buildTestApp, testConfig } from '../harness'
import { testStores } from '../stores'

const INDEX_HTML = '<!doctype html><title>Oceanpayment 商户助手</title><script src="/js/app.1a2b3c4d.js"></script>'

function writeH5Build(dir: string): void {
  mkdirSync(join(dir, 'js'), { recursive: true })
  writeFileSync(join(dir, 'index.html'), INDEX_HTML)
  writeFileSync(join(dir, 'js', 'app.1a2b3c4d.js'), 'console.log("app")')
  writeFileSync(join(dir, 'favicon.ico'), 'icon')
  writeFileSync(join(dir, '.env'), 'SECRET=1')
}

describe.each(testStores())('H5 build at / on the $kind store', (store) => {
  let db: Db
  beforeAll(async () => {
    db = await store.open()
  })
  afterAll(() => store.cleanup())

  it('serves index.html at / without caching it, and hashed bundles as immutable', async () => {
    const h5Dir = mkdtempSync(join(tmpdir(), 'op-h5-'))
    writeH5Build(h5Dir)
    const { app } = buildTestApp(db, testConfig({ H5_DIR: h5Dir }))

    const index = await app.inject({ method: 'GET', url: '/' })
    expect(index.statusCode).toBe(200)
    expect(index.headers['content-type']).toMatch(/^text\/html/)
    expect(index.headers['cache-control']).toBe('no-cache')
    expect(index.body).toBe(INDEX_HTML)

    const bundle = await app.inject({ method: 'GET', url: '/js/app.1a2b3c4d.js' })
    expect(bundle.statusCode).toBe(200)
    expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable')

    const unhashed = await app.inject({ method: 'GET', url: '/favicon.ico' })
    expect(unhashed.headers['cache-control']).toBe('no-cache')

    const missing = await app.inject({ method: 'GET', url: '/js/nope.js' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json<ApiErrorBody>().error.code).toBe('NOT_FOUND')

    const dotfile = await app.inject({ method: 'GET', url: '/.env' })
    expect(dotfile.statusCode).toBe(404)
    await app.close()
  })

  it('compresses the bundles (brotli or gzip, as asked) but never the API', async () => {
    const h5Dir = mkdtempSync(join(tmpdir(), 'op-h5-'))
    writeH5Build(h5Dir)
    const big = `console.log(${JSON.stringify('商户助手 '.repeat(2_000))})`
    writeFileSync(join(h5Dir, 'js', 'vendors.9f8e7d6c.js'), big)
    const { app } = buildTestApp(db, testConfig({ H5_DIR: h5Dir }))

    const br = await app.inject({ method: 'GET', url: '/js/vendors.9f8e7d6c.js', headers: { 'accept-encoding': 'br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(big) / 4)
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(big)

    const gzip = await app.inject({ method: 'GET', url: '/js/vendors.9f8e7d6c.js', headers: { 'accept-encoding': 'gzip' } })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(big)

    const plain = await app.inject({ method: 'GET', url: '/js/vendors.9f8e7d6c.js' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(big)

    const api = await app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'gzip, br' } })
    expect(api.headers['content-encoding']).toBeUndefined()
    await app.close()
  })

  it('answers / with 503 H5_NOT_BUILT while the build is missing, then serves it once it lands', async () => {
    const h5Dir = join(mkdtempSync(join(tmpdir(), 'op-h5-')), 'not-built-yet')
    const { app, logs } = buildTestApp(db, testConfig({ H5_DIR: h5Dir }))

    const before = await app.inject({ method: 'GET', url: '/' })
    expect(before.statusCode).toBe(503)
    expect(before.json<ApiErrorBody>()).toEqual({
      error: { code: 'H5_NOT_BUILT', message: expect.stringContaining('npm run build:h5') },
    })
    expect(logs.lines().some((line) => line.level === 40 && line.h5Dir === h5Dir)).toBe(true)
    // The API keeps working without the H5 build.
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)

    writeH5Build(h5Dir)
    const after = await app.inject({ method: 'GET', url: '/' })
    expect(after.statusCode).toBe(200)
    expect(after.body).toBe(INDEX_HTML)
    await app.close()
  })
})
