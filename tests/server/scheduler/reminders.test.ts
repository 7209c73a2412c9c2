/**
 * Deadline reminders with a fake clock (issue 15): 72 h, 24 h and 4 h before a chargeback's or retrieval's answer
 * deadline, once each, across a restart (a new scheduler instance), only the latest due one after downtime, none
 * after the deadline, and one per reminder when two scheduler instances (two processes on PostgreSQL) run at once.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../../server/src/db'
import { createScheduler, type Scheduler } from '../../../server/src/scheduler'
import { sendDueReminders } from '../../../server/src/scheduler/reminders'
import { testStores } from '../stores'
import { HOUR, addCase, messagesOfKind, preparedStore } from './support'

const stores = testStores()
afterAll(async () => Promise.all(stores.map((store) => store.cleanup())))

const DEADLINE = new Date('2030-06-20T02:00:00Z')
const MINUTE = 60_000

describe.each(stores)('deadline reminders on the $kind store', (store) => {
  let db: Db
  let clock: Date
  const scheduler = (holder?: string): Scheduler => createScheduler({ db, now: () => clock, leaseMs: 3 * MINUTE, holder })

  beforeEach(async () => {
    db = await store.open()
    await preparedStore(db)
  })

  it('reminds at 72 h, 24 h and 4 h before the deadline, once each, also across a restart', async () => {
    const { paymentId } = await addCase(db, { kind: 'chargeback', deadlineAt: DEADLINE })
    let first = scheduler()
    const at = async (offsetMs: number, instance = first) => {
      clock = new Date(DEADLINE.getTime() - offsetMs)
      return (await instance.tick()).reminders
    }
    expect(await at(80 * HOUR)).toBe(0)
    expect(await at(72 * HOUR + MINUTE)).toBe(0)
    expect(await at(72 * HOUR - MINUTE)).toBe(1)
    expect(await at(72 * HOUR - 2 * MINUTE)).toBe(0)
    expect(await at(30 * HOUR)).toBe(0)
    // The process restarts: a new instance (its predecessor gave the lease up) sends nothing twice.
    await first.stop()
    first = scheduler()
    expect(await at(30 * HOUR - MINUTE)).toBe(0)
    expect(await at(24 * HOUR)).toBe(1)
    expect(await at(23 * HOUR)).toBe(0)
    expect(await at(4 * HOUR)).toBe(1)
    expect(await at(1 * HOUR)).toBe(0)
    expect(await at(-1 * HOUR)).toBe(0)

    const reminders = await messagesOfKind(db, 'reminder')
    expect(reminders.map((m) => m.reminder)).toEqual([
      { hours: 72, caseKind: 'chargeback' },
      { hours: 24, caseKind: 'chargeback' },
      { hours: 4, caseKind: 'chargeback' },
    ])
    // Each names the case: its payment, amount, reason and deadline.
    expect(reminders[0]).toMatchObject({
      paymentId,
      amount: { currency: 'USD', amount: '100.00' },
      reasonCode: '4837',
      deadlineAt: '2030-06-20T10:00:00+08:00',
      summary: null,
      refundOutcome: null,
    })
  })

  it('after downtime sends only the latest due reminder, and nothing once the deadline has passed', async () => {
    const retrieval = await addCase(db, { kind: 'retrieval', deadlineAt: DEADLINE })
    await addCase(db, { kind: 'chargeback', deadlineAt: new Date(DEADLINE.getTime() - 10 * HOUR) })
    // Down from before the 72 h reminder until 9 h before the retrieval's deadline (the chargeback's passed an hour
    // ago): the 24 h reminder is the latest due (the 72 h one is not sent late, the 4 h one not yet due).
    clock = new Date(DEADLINE.getTime() - 9 * HOUR)
    expect((await scheduler().tick()).reminders).toBe(1)
    const reminders = await messagesOfKind(db, 'reminder')
    expect(reminders).toHaveLength(1)
    expect(reminders[0]).toMatchObject({ paymentId: retrieval.paymentId, reminder: { hours: 24, caseKind: 'retrieval' } })
  })

  it('reminds only open chargebacks and retrievals with a deadline', async () => {
    await addCase(db, { kind: 'fraud', deadlineAt: DEADLINE })
    await addCase(db, { kind: 'dispute', deadlineAt: DEADLINE })
    await addCase(db, { kind: 'chargeback', deadlineAt: DEADLINE, status: 'handled' })
    await addCase(db, { kind: 'chargeback', deadlineAt: null })
    clock = new Date(DEADLINE.getTime() - 2 * HOUR)
    expect((await scheduler().tick()).reminders).toBe(0)
  })

  it('two scheduler instances at once: one holds the lease, each reminder exists once', async () => {
    await addCase(db, { kind: 'chargeback', deadlineAt: DEADLINE })
    await addCase(db, { kind: 'retrieval', deadlineAt: new Date(DEADLINE.getTime() + 10 * HOUR) })
    clock = new Date(DEADLINE.getTime() - 50 * HOUR)
    const [a, b] = [scheduler('a'), scheduler('b')]
    const reports = await Promise.all([a.tick(), b.tick()])
    expect(reports.filter((report) => report.leader)).toHaveLength(1)
    expect(reports.reduce((sum, report) => sum + report.reminders, 0)).toBe(2)
    // The follower takes over only once the leader is gone: at once when it stops, or when its lease runs out.
    const leader = reports[0].leader ? a : b
    const follower = leader === a ? b : a
    expect((await follower.tick()).leader).toBe(false)
    clock = new Date(clock.getTime() + 3 * MINUTE)
    expect((await follower.tick()).leader).toBe(true)
    expect(await messagesOfKind(db, 'reminder')).toHaveLength(2)
  })
})

describe.each(stores.filter((store) => store.openPair !== undefined))('two processes on one $kind store', (store) => {
  it('race for the lease and for each reminder: one reminder each', async () => {
    const [one, two] = await store.openPair!()
    await preparedStore(one)
    for (let i = 0; i < 5; i += 1) await addCase(one, { kind: 'chargeback', deadlineAt: new Date(DEADLINE.getTime() + i * HOUR) })
    const now = new Date(DEADLINE.getTime() - 3 * HOUR)
    const first = createScheduler({ db: one, now: () => now, leaseMs: MINUTE })
    const second = createScheduler({ db: two, now: () => now, leaseMs: MINUTE })
    const reports = await Promise.all([first.tick(), second.tick()])
    expect(reports.filter((report) => report.leader)).toHaveLength(1)
    // Without the lease too (both make every due reminder at the same moment), the unique source_key keeps one each.
    const made = await Promise.all([sendDueReminders(one, now), sendDueReminders(two, now), sendDueReminders(one, now)])
    expect(made.reduce((sum, n) => sum + n, 0)).toBe(0)
    const { rows } = await one.query<{ n: number }>("select count(*)::int as n from messages where kind = 'reminder'")
    expect(rows[0].n).toBe(5)
  })
})
