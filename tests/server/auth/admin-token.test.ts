import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { merchantsRepository } from '../../../server/src/repositories/merchants'
import { ADMIN_PAGE_CSP } from '../../../server/src/routes/admin/page'
import { resolveAdminToken, tokensEqual } from '../../../server/src/auth/admin-token'
import { testConfig } from '../harness'
import { testStores } from '../stores'
import { buildAuthTestApp, loginAs, signedGet, signedPost } from '../support/signed-client'

function freshDataDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'op-admin-token-')), 'data')
}

describe('resolveAdminToken', () => {
  it('uses ADMIN_TOKEN when set and writes no file', async () => {
    const dataDir = freshDataDir()
    const resolved = await resolveAdminToken({ adminToken: 'x'.repeat(40), dataDir })
    expect(resolved).toEqual({ token: 'x'.repeat(40), file: undefined, generated: false })
  })

  it('generates a token into DATA_DIR/admin-token with mode 0600 and reuses it afterwards', async () => {
    const dataDir = freshDataDir()
    const first = await resolveAdminToken({ adminToken: undefined, dataDir })
    expect(first.generated).toBe(true)
    expect(first.file).toBe(join(dataDir, 'admin-token'))
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(readFileSync(first.file!, 'utf8').trim()).toBe(first.token)
    expect(statSync(first.file!).mode & 0o777).toBe(0o600)

    chmodSync(first.file!, 0o644)
    const second = await resolveAdminToken({ adminToken: undefined, dataDir })
    expect(second).toEqual({ token: first.token, file: first.file, generated: false })
    expect(statSync(first.file!).mode & 0o777).toBe(0o600)
  })

  it('gives two processes starting at once the same token', async () => {
    const dataDir = freshDataDir()
    const [a, b] = await Promise.all([
      resolveAdminToken({ adminToken: undefined, dataDir }),
      resolveAdminToken({ adminToken: undefined, dataDir }),
    ])
    expect(a.token).toBe(b.token)
    expect([a.generated, b.generated].filter(Boolean)).toHaveLength(1)
  })

  it('compares tokens exactly', () => {
    expect(tokensEqual('a'.repeat(40), 'a'.repeat(40))).toBe(true)
    expect(tokensEqual('a'.repeat(40), `${'a'.repeat(39)}b`)).toBe(false)
    expect(tokensEqual('a'.repeat(39), 'a'.repeat(40))).toBe(false)
  })

  it('ignores a file too short to be a token and replaces nothing silently', async () => {
    const dataDir = freshDataDir()
    await resolveAdminToken({ adminToken: undefined, dataDir }) // creates the directory
    writeFileSync(join(dataDir, 'admin-token'), 'short\n')
    await expect(resolveAdminToken({ adminToken: undefined, dataDir })).rejects.toThrow(/no usable token/)
  })
})

describe.each(testStores())('admin page, generated token and log hygiene on the $kind store', (store) => {
  let db: Db
  beforeAll(async () => {
    db = await store.open()
    await migrate(db)
    await merchantsRepository(db).upsert({ account: '140105', name: 'Demo' })
  })
  afterAll(() => store.cleanup())

  it('accepts the generated token file on the admin API', async () => {
    const config = testConfig()
    const { app } = buildAuthTestApp(db, { config })
    await app.ready()
    const token = readFileSync(join(config.dataDir, 'admin-token'), 'utf8').trim()
    const ok = await app.inject({ method: 'GET', url: '/admin/api/merchants', headers: { authorization: `Bearer ${token}` } })
    expect(ok.statusCode).toBe(200)
    await app.close()
  })

  it('serves the admin page, its script and style with a strict Content-Security-Policy', async () => {
    const { app } = buildAuthTestApp(db)
    for (const [url, type] of [
      ['/admin', 'text/html'],
      ['/admin/', 'text/html'],
      ['/admin/admin.js', 'text/javascript'],
      ['/admin/admin.css', 'text/css'],
      ['/admin/favicon.svg', 'image/svg+xml'],
    ] as const) {
      const response = await app.inject({ method: 'GET', url })
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toContain(type)
      expect(response.headers['content-security-policy']).toBe(ADMIN_PAGE_CSP)
      expect(response.headers['x-content-type-options']).toBe('nosniff')
    }
    expect(ADMIN_PAGE_CSP).toContain("default-src 'none'")
    expect(ADMIN_PAGE_CSP).not.toContain('unsafe')
    const html = (await app.inject({ method: 'GET', url: '/admin' })).body
    expect(html).toContain('<script src="/admin/admin.js" defer></script>')
    expect(html).not.toMatch(/<script>|style="|onclick=/)
    // Its own icon, so the browser does not ask for /favicon.ico (a 404); Chinese first, English a switch away.
    expect(html).toContain('<link rel="icon" href="/admin/favicon.svg">')
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('id="lang-switch"')
    await app.close()
  })

  it('keeps tokens, keys, session_key, the admin token and full phones out of the logs', async () => {
    const adminToken = 'admin-SECRET-token-0123456789abcdef'
    const { app, logs, wechat } = buildAuthTestApp(db, { config: testConfig({ ADMIN_TOKEN: adminToken }) })
    const created = await app.inject({
      method: 'POST',
      url: '/admin/api/merchants/140105/users',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: { phone: '13812345678', username: 'log test' },
    })
    expect(created.statusCode).toBe(201)
    await app.inject({ method: 'GET', url: '/admin/api/merchants', headers: { authorization: `Bearer ${adminToken}x` } })
    const session = await loginAs(app, db, { merchant: '140105', phone: '13812345678' })
    await signedGet(app, session, '/api/auth/profile?x=1')
    await signedPost(app, session, '/api/auth/heartbeat', {}, { sign: 'f'.repeat(64) })
    await signedPost(app, session, '/api/auth/logout')
    await app.close()

    const text = logs.text()
    expect(text).toContain('logged in')
    expect(text).toContain('request rejected')
    expect(wechat.sessionKeys?.length).toBeGreaterThan(0)
    for (const secret of [session.token, session.signingKey, adminToken, '13812345678', ...(wechat.sessionKeys ?? [])]) {
      expect(text).not.toContain(secret)
    }
  })
})
