/**
 * Issue 12 item 5: every page and static file of `/` carries a CSP (own scripts plus the build's inline script by
 * hash), frame-ancestors 'none', nosniff and a referrer policy, and HSTS in production; `/admin` shares the code.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../server/src/app'
import { h5Static } from '../../../server/src/plugins/h5-static'
import { HSTS, inlineScriptHashes } from '../../../server/src/plugins/security-headers'
import { adminPage } from '../../../server/src/routes/admin/page'
import { buildTestApp, testConfig } from '../harness'
import { testStores } from '../stores'

const INLINE = '!function(n){document.documentElement.style.fontSize=n+"px"}(20)'
const INDEX_HTML = `<!doctype html><title>商户助手</title><script>${INLINE}</script><script src="/js/app.1a2b3c4d.js"></script>`
const INLINE_HASH = `'sha256-${createHash('sha256').update(INLINE).digest('base64')}'`

function writeH5Build(dir: string): void {
  mkdirSync(join(dir, 'js'), { recursive: true })
  mkdirSync(join(dir, 'static', 'images'), { recursive: true })
  writeFileSync(join(dir, 'index.html'), INDEX_HTML)
  writeFileSync(join(dir, 'js', 'app.1a2b3c4d.js'), 'console.log("app")')
  writeFileSync(join(dir, 'static', 'images', 'logo.png'), 'png')
}

function expectPageHeaders(headers: Record<string, unknown>, url: string): void {
  const csp = String(headers['content-security-policy'])
  expect(csp, url).toMatch(/(?:^|; )script-src 'self'(?: 'sha256-[A-Za-z0-9+/=]+')*(?:;|$)/)
  expect(csp, url).not.toMatch(/script-src[^;]*'unsafe-inline'/)
  expect(csp, url).toContain("frame-ancestors 'none'")
  expect(csp, url).toMatch(/object-src 'none'|default-src 'none'/)
  expect(headers['x-content-type-options'], url).toBe('nosniff')
  expect(headers['referrer-policy'], url).toBe('no-referrer')
  expect(headers['x-frame-options'], url).toBe('DENY')
}

describe.each(testStores())('security headers of / on the $kind store', (store) => {
  let app: App
  let unbuilt: App
  beforeAll(async () => {
    const db = await store.open()
    const h5Dir = mkdtempSync(join(tmpdir(), 'op-h5-'))
    writeH5Build(h5Dir)
    app = buildTestApp(db, testConfig({ H5_DIR: h5Dir })).app
    unbuilt = buildTestApp(db, testConfig({ H5_DIR: join(h5Dir, 'missing') })).app
  })
  afterAll(async () => {
    await app.close()
    await unbuilt.close()
    await store.cleanup()
  })

  it.each(['/', '/index.html', '/js/app.1a2b3c4d.js', '/static/images/logo.png', '/js/missing.js'])('on %s', async (url) => {
    const response = await app.inject({ method: 'GET', url })
    expectPageHeaders(response.headers, url)
    // Development serves plain http on loopback: HSTS there would lock the developer's browser out of it.
    expect(response.headers['strict-transport-security']).toBeUndefined()
  })

  it("allows exactly the build's own inline script, by hash", async () => {
    const csp = String((await app.inject({ method: 'GET', url: '/' })).headers['content-security-policy'])
    expect(csp).toContain(`script-src 'self' ${INLINE_HASH};`)
  })

  it('on the 503 answered while the build is missing, with no inline script allowed', async () => {
    const response = await unbuilt.inject({ method: 'GET', url: '/' })
    expect(response.statusCode).toBe(503)
    expectPageHeaders(response.headers, '/')
    expect(String(response.headers['content-security-policy'])).toContain("script-src 'self';")
  })

  it('not on the API (its answers are JSON for the app, not pages)', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    expect(response.headers['content-security-policy']).toBeUndefined()
  })
})

describe('in production', () => {
  it('/ and /admin add Strict-Transport-Security', async () => {
    const h5Dir = mkdtempSync(join(tmpdir(), 'op-h5-'))
    writeH5Build(h5Dir)
    const app = Fastify()
    await app.register(h5Static, { h5Dir, hsts: true })
    await app.register(adminPage, { hsts: true })
    for (const url of ['/', '/js/app.1a2b3c4d.js', '/admin', '/admin/admin.js']) {
      const response = await app.inject({ method: 'GET', url })
      expect(response.statusCode, url).toBe(200)
      expect(response.headers['strict-transport-security'], url).toBe(HSTS)
      expectPageHeaders(response.headers, url)
    }
    await app.close()
  })
})

describe('inlineScriptHashes', () => {
  it('hashes inline scripts only, skipping external and empty ones', () => {
    expect(inlineScriptHashes(`<script src="/a.js"></script><script>${INLINE}</script><script type="text/javascript">  </script>`)).toEqual([
      INLINE_HASH,
    ])
  })
})
