/** ensureDemoData at start-up: loads into an empty store once, never twice, and not at all when switched off. */
import { afterAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../../server/src/db'
import { migrate } from '../../../../server/src/db/migrate'
import { ensureDemoData } from '../../../../server/src/dev/demo'
import { testStores } from '../../stores'

const NOW = new Date('2025-05-15T08:30:00Z')
const OPTIONS = { size: 400, secondSize: 60, now: NOW }

function recordingLogger() {
  const lines: Array<{ details: object; message: string }> = []
  return { lines, info: (details: object, message: string) => void lines.push({ details, message }) }
}

async function counts(db: Db): Promise<Record<string, number>> {
  const { rows } = await db.query<Record<string, number>>(
    `select (select count(*) from transactions)::int as transactions, (select count(*) from messages)::int as messages,
            (select count(*) from settlement_batches)::int as batches, (select count(*) from merchants)::int as merchants`,
  )
  return rows[0]!
}

describe.each(testStores())('ensureDemoData on the $kind store', (store) => {
  afterAll(() => store.cleanup())

  it('loads once into an empty store and leaves it alone on every later start', async () => {
    const db = await store.open()
    await migrate(db)
    const logger = recordingLogger()
    const first = await ensureDemoData(db, { demoData: true }, logger, OPTIONS)
    expect(first?.loaded).toBe(true)
    expect(logger.lines).toEqual([{ message: 'demo data loaded', details: expect.objectContaining({ transactions: { '140105': 400, '150207': 60 } }) }])
    const after = await counts(db)
    expect(after).toMatchObject({ transactions: 460, merchants: 3 })

    // A restart, even with another size or time, finds the data and loads nothing.
    expect(await ensureDemoData(db, { demoData: true }, logger, { ...OPTIONS, size: 900, now: new Date() })).toBeUndefined()
    expect(await counts(db)).toEqual(after)
    expect(logger.lines).toHaveLength(1)
  }, 60_000)

  it('loads nothing when demo data is off', async () => {
    const db = await store.open()
    await migrate(db)
    const logger = recordingLogger()
    expect(await ensureDemoData(db, { demoData: false }, logger, OPTIONS)).toBeUndefined()
    expect(await counts(db)).toMatchObject({ transactions: 0, messages: 0 })
    expect(logger.lines).toEqual([])
  })

  it('loads nothing into a store that already has transactions of its own', async () => {
    const db = await store.open()
    await migrate(db)
    await db.query(`insert into merchants (account, name) values ('123456', 'Real merchant')`)
    await db.query(`insert into terminals (terminal, account, name) values ('12345601', '123456', 'Web')`)
    await db.query(
      `insert into transactions (payment_id, account, terminal, order_number, payment_time, txn_type, status,
         payment_method, currency, amount_minor, booking_currency, booking_amount_minor)
       values ('P1', '123456', '12345601', 'O1', now(), 'sale', 'success', 'Credit Card', 'USD', 100, 'USD', 100)`,
    )
    expect(await ensureDemoData(db, { demoData: true }, recordingLogger(), OPTIONS)).toBeUndefined()
    expect(await counts(db)).toMatchObject({ transactions: 1 })
  })

  if (store.openPair !== undefined) {
    it('loads once when two server processes start together on one PostgreSQL', async () => {
      const [a, b] = await store.openPair!()
      await migrate(a)
      const results = await Promise.all([
        ensureDemoData(a, { demoData: true }, recordingLogger(), OPTIONS),
        ensureDemoData(b, { demoData: true }, recordingLogger(), OPTIONS),
      ])
      expect(results.filter((r) => r?.loaded === true)).toHaveLength(1)
      expect(await counts(a)).toMatchObject({ transactions: 460 })
    }, 60_000)
  }
})
