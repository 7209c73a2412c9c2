/**
 * Issue 12 item 4: the development stand-ins (the emulator mints a login code for any phone) answer only callers
 * on this machine unless SANDBOX_ACCESS=open; the server binds loopback by default and says so at start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../server/src/app'
import { migrate } from '../../../server/src/db/migrate'
import { isLoopbackAddress } from '../../../server/src/dev/loopback-guard'
import { createLogger } from '../../../server/src/logging/logger'
import { startServer } from '../../../server/src/startup/start-server'
import { buildTestApp, captureLogs, testConfig } from '../harness'
import { testStores } from '../stores'

const PHONE_CODE = { method: 'POST', url: '/sandbox/wechat/dev/phone-code', payload: { phone: '13800138000' } } as const
const LOGIN_CODE = { method: 'POST', url: '/sandbox/wechat/dev/login', payload: {} } as const

it.each([
  ['127.0.0.1', true],
  ['127.8.9.10', true],
  ['::1', true],
  ['::ffff:127.0.0.1', true],
  ['192.168.1.20', false],
  ['::ffff:10.0.0.5', false],
  ['fe80::1', false],
  ['1127.0.0.1', false],
  [undefined, false],
])('isLoopbackAddress(%s) is %s', (address, expected) => {
  expect(isLoopbackAddress(address)).toBe(expected)
})

describe.each(testStores())('development stand-ins on the $kind store', (store) => {
  let guarded: App
  let open: App
  beforeAll(async () => {
    const db = await store.open()
    await migrate(db)
    guarded = buildTestApp(db).app
    open = buildTestApp(db, testConfig({ SANDBOX_ACCESS: 'open' })).app
  })
  afterAll(async () => {
    await guarded.close()
    await open.close()
    await store.cleanup()
  })

  it('answer a caller on this machine', async () => {
    expect((await guarded.inject({ ...PHONE_CODE, remoteAddress: '127.0.0.1' })).statusCode).toBe(200)
    expect((await guarded.inject({ ...LOGIN_CODE, remoteAddress: '::1' })).statusCode).toBe(200)
  })

  it.each(['192.168.1.20', '10.0.0.5', '::ffff:203.0.113.9'])('refuse a caller at %s with 403 in the envelope, on every stand-in route', async (remoteAddress) => {
    for (const request of [
      PHONE_CODE,
      LOGIN_CODE,
      { method: 'GET', url: '/sandbox/wechat/cgi-bin/token' },
      { method: 'GET', url: '/sandbox/oceanpayment/dev/notifications' },
      { method: 'POST', url: '/sandbox/oceanpayment/service/check/normal', payload: {} },
    ] as const) {
      const response = await guarded.inject({ ...request, remoteAddress })
      expect(response.statusCode, request.url).toBe(403)
      expect(response.json().error.code).toBe('FORBIDDEN')
      expect(response.json().error.message).toMatch(/SANDBOX_ACCESS=open/)
    }
  })

  it('ignore X-Forwarded-For: the socket decides', async () => {
    const response = await guarded.inject({ ...PHONE_CODE, remoteAddress: '192.168.1.20', headers: { 'x-forwarded-for': '127.0.0.1' } })
    expect(response.statusCode).toBe(403)
  })

  it('leave the rest of the server alone', async () => {
    expect((await guarded.inject({ method: 'GET', url: '/api/health', remoteAddress: '192.168.1.20' })).statusCode).toBe(200)
  })

  it('answer anyone with SANDBOX_ACCESS=open', async () => {
    expect((await open.inject({ ...PHONE_CODE, remoteAddress: '192.168.1.20' })).statusCode).toBe(200)
  })
})

describe('start-up', () => {
  it('binds loopback by default and the banner says who can reach the server', async () => {
    const { capture, destination } = captureLogs()
    // No demo data: this is about the listening socket and the banner.
    const server = await startServer(testConfig({ PORT: '0', DEMO_DATA: 'off' }), { logger: createLogger({ level: 'info', destination }) })
    try {
      expect(server.app.server.address()).toMatchObject({ address: '127.0.0.1' })
      const banner = capture.lines().find((line) => line.host === '127.0.0.1')
      expect(banner?.msg).toMatch(/listening on 127\.0\.0\.1 only.*stand-ins \(\/sandbox\) answer this machine only/)
    } finally {
      await server.close()
    }
  })
})
