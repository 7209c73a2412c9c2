import { afterAll, describe, expect, it } from 'vitest'
import type { App } from '../../../server/src/app'
import type { Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import type { LoginLimits } from '../../../server/src/auth/login'
import { testStores } from '../stores'
import { buildAuthTestApp, fakeCodes, loginAs } from '../support/signed-client'

const limits: LoginLimits = {
  perClientAddress: { limit: 5, windowSeconds: 60 },
  perPhone: { limit: 3, windowSeconds: 600 },
}

function login(app: App, phone: string, remoteAddress: string) {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: fakeCodes(phone), remoteAddress })
}

describe.each(testStores())('login rate limits on the $kind store', (store) => {
  afterAll(() => store.cleanup())

  async function checkLimits(apps: [App, App], db: Db, now: { value: number }): Promise<void> {
    // Per client address: the 6th attempt in the minute is refused, whichever process it reaches.
    await loginAs(apps[0], db, { merchant: '140105', phone: '13800000001' })
    const statuses: number[] = []
    for (let i = 0; i < 6; i += 1) statuses.push((await login(apps[i % 2], `1390000000${i}`, '203.0.113.7')).statusCode)
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429])
    const limited = await login(apps[1], '13800000001', '203.0.113.7')
    expect(limited.statusCode).toBe(429)
    expect(limited.json().error.code).toBe('TOO_MANY_REQUESTS')
    const retryAfter = Number(limited.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    // Another address is not affected; the next window starts afresh.
    expect((await login(apps[0], '13800000001', '203.0.113.8')).statusCode).toBe(200)
    now.value += 60_000
    expect((await login(apps[1], '13800000001', '203.0.113.7')).statusCode).toBe(200)

    // Per phone: 3 per 10 minutes, from any address, on either process (2 used above).
    expect((await login(apps[0], '13800000001', '198.51.100.1')).statusCode).toBe(429)
    const phoneLimited = await login(apps[1], '13800000001', '198.51.100.2')
    expect(phoneLimited.statusCode).toBe(429)
    expect(phoneLimited.json().error.message).toMatch(/phone/)
    expect(Number(phoneLimited.headers['retry-after'])).toBeGreaterThan(60)
    now.value += 600_000
    expect((await login(apps[0], '13800000001', '198.51.100.3')).statusCode).toBe(200)
  }

  it('limits logins per client address and per phone, with Retry-After', async () => {
    const db = await store.open()
    await migrate(db)
    const now = { value: Date.UTC(2025, 4, 1, 8, 0, 10) }
    const clock = () => now.value
    const one = buildAuthTestApp(db, { clock, loginLimits: limits }).app
    const two = buildAuthTestApp(db, { clock, loginLimits: limits }).app
    await checkLimits([one, two], db, now)
    await one.close()
    await two.close()
  })

  it.runIf(store.kind === 'postgres')('holds across two processes on one PostgreSQL', async () => {
    const [first, second] = await store.openPair!()
    await migrate(first)
    const now = { value: Date.UTC(2025, 4, 1, 8, 0, 10) }
    const clock = () => now.value
    const one = buildAuthTestApp(first, { clock, loginLimits: limits }).app
    const two = buildAuthTestApp(second, { clock, loginLimits: limits }).app
    await checkLimits([one, two], first, now)
    await one.close()
    await two.close()
  })
})
