/**
 * The subscribe-message sender against the WeChat emulator (docs/push.md): what reaches the "phone", what is
 * recorded, what is never sent twice, and every fault of issue 15's list that concerns sending.
 */
import { afterAll, describe, expect, it, vi } from 'vitest'
import type { Db } from '../../../server/src/db'
import { pushRepository } from '../../../server/src/repositories/push'
import { routingTransport, type Transport } from '../../../server/src/outbound/transport'
import { createWechatClient } from '../../../server/src/wechat'
import { testStores, type TestStore } from '../stores'
import { API_BASE, APP_ID, SECRET, emulatorApp, openMigrated, recording, testClock } from '../wechat/support'
import { MERCHANT, TEMPLATES, emulatorSheet, grant, morningSummary, notice, received, remaining, send, user } from './support'

async function setup(store: TestStore, quotas: { subscribeDailyQuota?: number } = {}) {
  const db = await openMigrated(store)
  const { app } = await emulatorApp(db, { subscribeTemplates: TEMPLATES, quotas })
  const calls = recording(routingTransport(app))
  const client = createWechatClient({ apiBase: API_BASE, appId: APP_ID, secret: SECRET, transport: calls.transport, db })
  return { db, app, client, calls }
}

async function messageCount(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: string }>('select count(*)::text as n from messages where account = $1', [MERCHANT])
  return Number(rows[0].n)
}

/** A transport that answers subscribe/send itself (a fault), and passes everything else on. */
function faultyOnSend(inner: Transport, fault: Transport): Transport {
  return (request) => (request.url.includes('/message/subscribe/send') ? fault(request) : inner(request))
}

// Each test migrates a fresh store and runs the emulator: slow on a busy machine, not stuck.
vi.setConfig({ testTimeout: 120_000 })

describe.each(testStores())('subscribe-message sender on the $kind store', (store) => {
  afterAll(() => store.cleanup())

  it('sends one message per grant to the subscribed user, opening the message, with masked data only', async () => {
    const { db, app, client } = await setup(store)
    const alice = await user(db, 'device-alice-0001')
    await grant(app, db, alice, TEMPLATES.chargeback)
    const id = await notice(db, { orderNumber: 'ORD-7781', deadlineAt: new Date(Date.UTC(2026, 11, 5, 10, 0)) })

    const report = await send(db, client)
    expect(report).toMatchObject({ sent: 1, failed: 0, unknown: 0 })
    const [message, ...more] = await received(app, alice)
    expect(more).toEqual([])
    expect(message.templateId).toBe(TEMPLATES.chargeback)
    expect(message.page).toBe(`pages/message-detail/index?id=${id}`)
    expect(message.data).toEqual({
      character_string1: { value: 'ORD-7781' },
      thing2: { value: 'SEK 1,111.22' },
      thing3: { value: '4837 No authorizati…' },
      time4: { value: '2026-12-03 10:30' },
      thing5: { value: '请于12-05 18:00前回复拒付' },
    })
    expect(await remaining(db, alice, TEMPLATES.chargeback)).toBe(0)
    expect(await pushRepository(db).sendsOf(id)).toEqual([{ accountId: alice.accountId, status: 'sent', errcode: 0 }])

    // Nothing is sent twice for one event: another run, and another notice without a grant left, send nothing.
    await notice(db)
    expect((await send(db, client)).sent).toBe(0)
    expect(await received(app, alice)).toHaveLength(1)
  })

  it('a user who refused gets nothing and keeps the in-app message; a switched-off topic is not sent', async () => {
    const { db, app, client } = await setup(store)
    const refuser = await user(db, 'device-refuse-001')
    const switchedOff = await user(db, 'device-switch-001')
    expect(await emulatorSheet(app, refuser, { [TEMPLATES.chargeback]: 'reject' }, true)).toEqual({ [TEMPLATES.chargeback]: 'reject' })
    await grant(app, db, switchedOff, TEMPLATES.chargeback)
    await db.query('update subscription_grants set enabled = false where account_id = $1', [switchedOff.accountId])

    const id = await notice(db)
    expect((await send(db, client)).sent).toBe(0)
    expect(await received(app)).toEqual([])
    expect(await messageCount(db)).toBe(1)
    expect(await pushRepository(db).sendsOf(id)).toEqual([])
    expect(await remaining(db, switchedOff, TEMPLATES.chargeback)).toBe(1)
  })

  it('43101 (WeChat holds no grant although we counted one): recorded, our count goes to 0, the in-app message stays', async () => {
    const { db, app, client } = await setup(store)
    const bob = await user(db, 'device-bob-00001')
    // The server was told "accept" twice, but the user's WeChat gave no grant (e.g. a report replayed).
    await db.query(
      `insert into subscription_grants (account_id, template_id, remaining, updated_at) values ($1, $2, 2, now())`,
      [bob.accountId, TEMPLATES.chargeback],
    )
    const id = await notice(db)
    expect(await send(db, client)).toMatchObject({ sent: 0, failed: 1 })
    expect(await pushRepository(db).sendsOf(id)).toEqual([{ accountId: bob.accountId, status: 'failed', errcode: 43101 }])
    expect(await remaining(db, bob, TEMPLATES.chargeback)).toBe(0)
    expect(await received(app)).toEqual([])
    expect(await messageCount(db)).toBe(1)
  })

  it('a field too long is shortened with "…" (thing) or replaced (an order number too long for character_string)', async () => {
    const { db, app, client } = await setup(store)
    const carol = await user(db, 'device-carol-0001')
    await grant(app, db, carol, TEMPLATES.chargeback)
    await notice(db, { orderNumber: 'O'.repeat(40), reason: 'Fraudulent transaction — card absent environment, multiple attempts' })
    expect((await send(db, client)).sent).toBe(1)
    const [message] = await received(app, carol)
    expect(message.data.thing3.value).toBe('4837 Fraudulent tra…')
    expect([...message.data.thing3.value]).toHaveLength(20)
    expect(message.data.character_string1.value).toMatch(/^2100\d{8}$/)
  })

  it('the refund result goes with its own template and a phrase of at most 5 Chinese characters', async () => {
    const { db, app, client } = await setup(store)
    const dan = await user(db, 'device-dan-00001')
    await grant(app, db, dan, TEMPLATES.refund)
    await notice(db, { kind: 'refund', refundOutcome: 'failed', reason: 'Insufficient balance' })
    expect((await send(db, client)).sent).toBe(1)
    const [message] = await received(app, dan)
    expect(message.templateId).toBe(TEMPLATES.refund)
    expect(message.data.phrase3.value).toBe('退款失败')
    expect(message.data.thing5.value).toBe('原因: 4837 Insufficie…')
  })

  it('a deadline reminder goes once with the deadline template to the user who allowed it, none to one who did not', async () => {
    const { db, app, client } = await setup(store)
    const lea = await user(db, 'device-lea-00001')
    const max = await user(db, 'device-max-00001')
    await grant(app, db, lea, TEMPLATES.deadline)
    // Max allowed chargeback notices only: a reminder is not a chargeback notice.
    await grant(app, db, max, TEMPLATES.chargeback)
    const id = await notice(db, {
      kind: 'reminder',
      orderNumber: 'ORD-9001',
      deadlineAt: new Date(Date.UTC(2026, 11, 5, 10, 0)),
      reminder: { hours: 24, caseKind: 'chargeback' },
    })

    expect(await send(db, client)).toMatchObject({ sent: 1, failed: 0, unknown: 0 })
    const [message, ...more] = await received(app)
    expect(more).toEqual([])
    expect(message.templateId).toBe(TEMPLATES.deadline)
    expect(message.page).toBe(`pages/message-detail/index?id=${id}`)
    expect(message.data).toEqual({
      character_string1: { value: 'ORD-9001' },
      thing2: { value: '拒付 SEK 1,111.22' },
      time3: { value: '2026-12-05 18:00' },
      thing4: { value: '不足24小时' },
      thing5: { value: '请在截止前回复拒付, 逾期将败诉' },
    })
    expect(await received(app, max)).toEqual([])
    expect(await pushRepository(db).sendsOf(id)).toEqual([{ accountId: lea.accountId, status: 'sent', errcode: 0 }])
    expect(await remaining(db, max, TEMPLATES.chargeback)).toBe(1)
    // Once: another run sends nothing more.
    expect((await send(db, client)).sent).toBe(0)
    expect(await received(app, lea)).toHaveLength(1)
  })

  it('the morning summary goes once with the summary template, several currencies in one thing within 20 characters', async () => {
    const { db, app, client } = await setup(store)
    const noa = await user(db, 'device-noa-00001')
    const oli = await user(db, 'device-oli-00001')
    await grant(app, db, noa, TEMPLATES.summary)
    const id = await morningSummary(db, {
      day: '2026-12-03',
      successCount: 1234,
      successAmounts: [
        { currency: 'EUR', minor: '9876543' },
        { currency: 'JPY', minor: '1200000' },
        { currency: 'USD', minor: '123450' },
      ],
      newCases: 2,
      expiringAuthorizations: 1,
      deadlinesWithin72h: 3,
    })

    expect(await send(db, client)).toMatchObject({ sent: 1, failed: 0, unknown: 0 })
    const [message, ...more] = await received(app)
    expect(more).toEqual([])
    expect(message.templateId).toBe(TEMPLATES.summary)
    expect(message.page).toBe(`pages/message-detail/index?id=${id}`)
    expect(message.data).toEqual({
      date1: { value: '2026-12-03' },
      number2: { value: '1234' },
      thing3: { value: 'EUR 98,765.43 等3币种' },
      number4: { value: '2' },
      thing5: { value: '3件案件即将截止, 1笔预授权将到期' },
    })
    expect(await received(app, oli)).toEqual([])
    expect(await pushRepository(db).sendsOf(id)).toEqual([{ accountId: noa.accountId, status: 'sent', errcode: 0 }])
    expect((await send(db, client)).sent).toBe(0)
    expect(await received(app, noa)).toHaveLength(1)
  })

  it('WeChat answering 5xx: outcome unknown, recorded, the grant counts as used, never sent again', async () => {
    const { db, app } = await setup(store)
    const erin = await user(db, 'device-erin-0001')
    await grant(app, db, erin, TEMPLATES.chargeback, 2)
    let sendCalls = 0
    const transport = faultyOnSend(routingTransport(app), async () => {
      sendCalls += 1
      return { status: 502, headers: {}, body: 'Bad Gateway' }
    })
    const client = createWechatClient({ apiBase: API_BASE, appId: APP_ID, secret: SECRET, transport, db })
    const id = await notice(db)
    expect(await send(db, client)).toMatchObject({ sent: 0, unknown: 1 })
    expect(await send(db, client)).toMatchObject({ sent: 0, unknown: 0 })
    expect(sendCalls).toBe(1)
    expect(await pushRepository(db).sendsOf(id)).toEqual([{ accountId: erin.accountId, status: 'unknown', errcode: -1002 }])
    expect(await remaining(db, erin, TEMPLATES.chargeback)).toBe(1)
    expect(await messageCount(db)).toBe(1)
  })

  it('WeChat timing out: outcome unknown, never sent again', async () => {
    const { db, app, client: warm } = await setup(store)
    const fay = await user(db, 'device-fay-00001')
    await grant(app, db, fay, TEMPLATES.chargeback)
    // The shared access token is fetched first, at a normal pace: only the send itself is to time out.
    await warm.getPhoneNumber('warm-up-code').catch(() => undefined)
    let sendCalls = 0
    const transport = faultyOnSend(routingTransport(app), (request) => {
      sendCalls += 1
      return new Promise((_resolve, reject) => request.signal?.addEventListener('abort', () => reject(new Error('aborted'))))
    })
    const client = createWechatClient({ apiBase: API_BASE, appId: APP_ID, secret: SECRET, transport, db, timeoutMs: 50 })
    const id = await notice(db)
    expect(await send(db, client)).toMatchObject({ unknown: 1 })
    await send(db, client)
    expect(sendCalls).toBe(1)
    expect(await pushRepository(db).sendsOf(id)).toEqual([{ accountId: fay.accountId, status: 'unknown', errcode: -1000 }])
  })

  it('WeChat busy (-1): nothing was sent, the grant is given back and the message is tried again later', async () => {
    const { db, app } = await setup(store)
    const gus = await user(db, 'device-gus-00001')
    await grant(app, db, gus, TEMPLATES.chargeback)
    let busy = true
    const transport = faultyOnSend(routingTransport(app), async (request) =>
      busy ? { status: 200, headers: {}, body: JSON.stringify({ errcode: -1, errmsg: 'system error' }) } : routingTransport(app)(request),
    )
    const client = createWechatClient({ apiBase: API_BASE, appId: APP_ID, secret: SECRET, transport, db })
    const clock = testClock(Date.now())
    await notice(db)
    expect(await send(db, client, () => new Date(clock()))).toMatchObject({ sent: 0, deferred: 1 })
    expect(await remaining(db, gus, TEMPLATES.chargeback)).toBe(1)
    busy = false
    // Not before the retry delay.
    expect((await send(db, client, () => new Date(clock()))).sent).toBe(0)
    clock.advance(61_000)
    expect((await send(db, client, () => new Date(clock()))).sent).toBe(1)
    expect(await received(app, gus)).toHaveLength(1)
  })

  it('an expired access token (40001): one refresh, shared by two processes, and the message is sent', async () => {
    const { db, app } = await setup(store)
    const hal = await user(db, 'device-hal-00001')
    await grant(app, db, hal, TEMPLATES.chargeback, 2)
    const first = recording(routingTransport(app))
    const second = recording(routingTransport(app))
    const processA = createWechatClient({ apiBase: API_BASE, appId: APP_ID, secret: SECRET, transport: first.transport, db })
    const processB = createWechatClient({ apiBase: API_BASE, appId: APP_ID, secret: SECRET, transport: second.transport, db })
    await notice(db)
    expect((await send(db, processA)).sent).toBe(1)
    // B has the same token in memory (from the shared row); then WeChat invalidates it (a forced refresh elsewhere).
    await processB.getPhoneNumber('warm-up-code').catch(() => undefined)
    const forced = await app.inject({
      method: 'POST',
      url: '/sandbox/wechat/cgi-bin/stable_token',
      payload: { grant_type: 'client_credential', appid: APP_ID, secret: SECRET, force_refresh: true },
    })
    expect(forced.json()).toHaveProperty('access_token')
    await notice(db)
    expect((await send(db, processA)).sent).toBe(1)
    // A met 40001 and renewed once; B, meeting it next, takes A's new token from the store: no token request.
    await grant(app, db, hal, TEMPLATES.chargeback)
    await notice(db)
    const before = second.count('/cgi-bin/stable_token')
    expect((await send(db, processB)).sent).toBe(1)
    expect(second.count('/cgi-bin/stable_token')).toBe(before)
    expect(first.count('/cgi-bin/stable_token')).toBe(2)
    expect(await received(app, hal)).toHaveLength(3)
  })

  it('a flood of 500 notices in a minute: every in-app message kept, sends bounded by the grants', async () => {
    const { db, app, client, calls } = await setup(store)
    const ivy = await user(db, 'device-ivy-00001')
    await grant(app, db, ivy, TEMPLATES.chargeback, 3)
    for (let i = 0; i < 500; i += 1) await notice(db)
    const report = await send(db, client)
    expect(report.sent).toBe(3)
    expect(report.done).toBe(500)
    expect(calls.count('/cgi-bin/message/subscribe/send')).toBe(3)
    expect(await messageCount(db)).toBe(500)
    expect(await received(app, ivy)).toHaveLength(3)
  }, 120_000)

  it("WeChat's daily quota (45009): sending stops until 00:00 Beijing time, nothing is lost, grants are kept", async () => {
    const { db, app, client } = await setup(store, { subscribeDailyQuota: 2 })
    const jo = await user(db, 'device-jo-000001')
    await grant(app, db, jo, TEMPLATES.chargeback, 10)
    for (let i = 0; i < 5; i += 1) await notice(db)
    const now = new Date()
    const report = await send(db, client, () => now)
    expect(report).toMatchObject({ sent: 2, quotaStopped: true })
    expect(await remaining(db, jo, TEMPLATES.chargeback)).toBe(8)
    // Stopped: the next run does not even call WeChat.
    expect(await send(db, client, () => now)).toMatchObject({ sent: 0, quotaStopped: true })
    const { rows } = await db.query<{ n: string }>('select count(*)::text as n from push_outbox where done_at is null')
    expect(Number(rows[0].n)).toBe(3)
    expect(await messageCount(db)).toBe(5)
  })

  it('two processes sending at once send each message once', async () => {
    const pair = store.openPair === undefined ? undefined : await store.openPair()
    const { db, app } = await setup(store)
    const dbs: [Db, Db] = pair ?? [db, db]
    if (pair !== undefined) {
      // The pair shares its own schema: the emulator and the data go there.
      await import('../../../server/src/db/migrate').then(({ migrate }) => migrate(pair[0]))
    }
    const target = dbs[0]
    const { app: emulator } = pair === undefined ? { app } : await emulatorApp(target, { subscribeTemplates: TEMPLATES })
    const kim = await user(target, 'device-kim-00001')
    await grant(emulator, target, kim, TEMPLATES.chargeback, 30)
    for (let i = 0; i < 20; i += 1) await notice(target)
    const clients = dbs.map((one) =>
      createWechatClient({ apiBase: API_BASE, appId: APP_ID, secret: SECRET, transport: routingTransport(emulator), db: one }),
    )
    const reports = await Promise.all([send(dbs[0], clients[0]), send(dbs[1], clients[1])])
    expect(reports[0].sent + reports[1].sent).toBe(20)
    const pages = (await received(emulator, kim)).map((message) => message.page)
    expect(pages).toHaveLength(20)
    expect(new Set(pages).size).toBe(20)
    expect(await remaining(target, kim, TEMPLATES.chargeback)).toBe(10)
  }, 60_000)
})
