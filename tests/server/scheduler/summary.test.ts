/**
 * The morning summary with a fake clock (issue 15): made at 09:00 Beijing time (01:00 UTC), not a second before,
 * once per merchant and Beijing day across a restart; yesterday is the Beijing day before (its midnight edges
 * exact); its figures are what the merchant's data says.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../../server/src/db'
import { createScheduler, type Scheduler } from '../../../server/src/scheduler'
import { testStores } from '../stores'
import { DAY, HOUR, addCase, addPaymentAt, messagesOfKind, preparedStore } from './support'

const stores = testStores()
afterAll(async () => Promise.all(stores.map((store) => store.cleanup())))

/** 2030-06-15 00:00 Beijing time. */
const TODAY = new Date('2030-06-14T16:00:00Z')
const YESTERDAY = new Date(TODAY.getTime() - DAY)
const NINE = new Date(TODAY.getTime() + 9 * HOUR)

describe.each(stores)('the morning summary on the $kind store', (store) => {
  let db: Db
  let clock: Date
  let scheduler: Scheduler
  const tick = async () => (await scheduler.tick()).summaries

  beforeEach(async () => {
    db = await store.open()
    await preparedStore(db)
    scheduler = createScheduler({ db, now: () => clock, leaseMs: 60_000 })
  })

  it('is made at 09:00 Beijing time, once per day, also across a restart', async () => {
    clock = new Date(NINE.getTime() - 1000)
    expect(await tick()).toBe(0)
    clock = NINE
    expect(await tick()).toBe(1)
    clock = new Date(NINE.getTime() + 3 * HOUR)
    // A new instance (a restarted process) makes nothing twice.
    await scheduler.stop()
    scheduler = createScheduler({ db, now: () => clock, leaseMs: 60_000 })
    expect(await tick()).toBe(0)
    // Beijing midnight: the new day's summary waits for its 09:00.
    clock = new Date(TODAY.getTime() + DAY)
    expect(await tick()).toBe(0)
    clock = new Date(NINE.getTime() + DAY - 1)
    expect(await tick()).toBe(0)
    clock = new Date(NINE.getTime() + DAY)
    expect(await tick()).toBe(1)
    const summaries = await messagesOfKind(db, 'summary')
    expect(summaries.map((m) => m.summary?.day)).toEqual(['2030-06-15', '2030-06-16'])
    expect(summaries[0]).toMatchObject({ createdAt: '2030-06-15T09:00:00+08:00', reminder: null, paymentId: null, amount: null })
  })

  it('a server down at 09:00 makes the day\'s summary when it is back the same day', async () => {
    clock = new Date(TODAY.getTime() + 15 * HOUR)
    expect(await tick()).toBe(1)
    expect((await messagesOfKind(db, 'summary'))[0].summary?.day).toBe('2030-06-15')
  })

  it('counts yesterday (Beijing) exactly, and what is due soon', async () => {
    // Yesterday's successful payments, its first and last instants included.
    await addPaymentAt(db, YESTERDAY, { currency: 'USD', minor: '10000' })
    await addPaymentAt(db, new Date(TODAY.getTime() - 1), { currency: 'USD', minor: '5050' })
    await addPaymentAt(db, new Date(YESTERDAY.getTime() + 10 * HOUR), { currency: 'JPY', minor: '2761' })
    // Not yesterday's, or not successful.
    await addPaymentAt(db, TODAY, { currency: 'USD', minor: '99999' })
    await addPaymentAt(db, new Date(YESTERDAY.getTime() - 1), { currency: 'USD', minor: '99999' })
    await addPaymentAt(db, new Date(YESTERDAY.getTime() + HOUR), { currency: 'USD', minor: '99999', status: 'failure' })
    // Pending Visa pre-authorizations (valid 7 days): expiring in 2 days counts; in 5 days, or expired, does not.
    await addPaymentAt(db, new Date(NINE.getTime() - 5 * DAY), { authPending: true })
    await addPaymentAt(db, new Date(NINE.getTime() - 2 * DAY), { authPending: true })
    await addPaymentAt(db, new Date(NINE.getTime() - 8 * DAY), { authPending: true })
    // Cases: one opened yesterday (due in 48 h), one the day before (due in 100 h), one handled (due in 10 h).
    await addCase(db, { kind: 'chargeback', openedAt: new Date(YESTERDAY.getTime() + HOUR), deadlineAt: new Date(NINE.getTime() + 48 * HOUR) })
    await addCase(db, { kind: 'retrieval', openedAt: new Date(YESTERDAY.getTime() - HOUR), deadlineAt: new Date(NINE.getTime() + 100 * HOUR) })
    await addCase(db, { kind: 'chargeback', openedAt: new Date(YESTERDAY.getTime() - DAY), deadlineAt: new Date(NINE.getTime() + 10 * HOUR), status: 'handled' })

    clock = NINE
    expect(await tick()).toBe(1)
    const [summary] = await messagesOfKind(db, 'summary')
    expect(summary.summary).toEqual({
      day: '2030-06-15',
      successCount: 3,
      successAmounts: [
        { currency: 'JPY', amount: '2761' },
        { currency: 'USD', amount: '150.50' },
      ],
      newCases: 1,
      expiringAuthorizations: 1,
      deadlinesWithin72h: 1,
    })
  })

  it('is made for every merchant, each seeing only its own', async () => {
    await db.query("insert into merchants (account, name) values ('777001', 'Other merchant')")
    clock = NINE
    expect(await tick()).toBe(2)
    expect(await messagesOfKind(db, 'summary')).toHaveLength(1)
  })
})
