/**
 * 消息提醒 in the real weapp build against the live server (docs/push.md): Me opens the settings, which show every
 * topic the server configured with its grants left and a switch, and the "allow more" button; within budgets.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import type { SubscriptionsResponse } from '@contract/subscriptions'
import type { WeappApp } from './harness'
import { startLiveServer, type LiveServer } from './support/live-server'

const SETDATA_BYTES_BUDGET = 256 * 1024

let server: LiveServer
let login: LoginResponse
let app: WeappApp

beforeAll(async () => {
  server = await startLiveServer()
  login = await server.login()
}, 180_000)

afterAll(async () => {
  await server?.close()
})

afterEach(() => app?.dispose())

describe('subscription settings', () => {
  it('open from Me and show each configured topic with its grants and switch', async () => {
    app = await server.boot(login)
    const me = await app.openPage('pages/me/index')
    await me.waitFor(() => me.has({ testId: 'me-subscriptions' }), { message: '消息提醒 row never rendered' })
    expect(me.textOf({ testId: 'me-subscriptions' })).toContain('消息提醒')
    await me.tap({ testId: 'me-subscriptions' })
    await me.waitFor(() => me.has({ testId: 'subs-topic-chargeback' }), { message: 'settings never showed the topics' })
    const answer = await server.signedGet<SubscriptionsResponse>(login, '/api/me/subscriptions')
    expect(answer.topics.length).toBeGreaterThan(0)
    for (const topic of answer.topics) {
      expect(me.has({ testId: `subs-switch-${topic.topic}` })).toBe(true)
      expect(me.textOf({ testId: `subs-remaining-${topic.topic}` })).toContain(`剩余 ${topic.remaining} 次`)
    }
    expect(me.text()).toContain('拒付通知')
    expect(me.has({ testId: 'subs-allow-more' })).toBe(true)
    for (const call of me.metrics.calls) expect(call.bytes).toBeLessThanOrEqual(SETDATA_BYTES_BUDGET)
    await me.tap({ testId: 'subs-close' })
    await me.waitFor(() => !me.has({ testId: 'subscription-settings' }), { message: 'settings never closed' })
  })
})
