/**
 * The list's count and per-currency totals read from 0008's day rollup: for every range shape and filter they equal
 * a plain row scan, the rollup is really what answers the filters it holds (and only those), and they stay equal
 * after inserts, updates and deletes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db, Queryable } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { loadDemoData } from '../../../server/src/dev/demo'
import { dayTotals, wholeDaysOf } from '../../../server/src/repositories/transaction-day-totals'
import { resolveRange } from '../../../server/src/lib/time-range'
import { listTransactions, totalOf } from '../../../server/src/services/transactions'
import type { TransactionsFilter } from '@contract/transactions'
import { testStores } from '../stores'

const DEMO = '140105'
/** 14:23:45.678 Beijing time: "now" falls mid-day, as it does for a merchant opening the list. */
const now = new Date('2025-05-15T06:23:45.678Z')

interface Range {
  name: string
  range: Pick<TransactionsFilter, 'from' | 'to'>
  /** Whether the range holds a whole Beijing day, i.e. whether the rollup can answer part of it. */
  wholeDays: boolean
}

const RANGES: readonly Range[] = [
  { name: 'whole year (default range)', range: {}, wholeDays: true },
  { name: 'last 30 days, mid-day to mid-day', range: { from: '2025-04-15T14:23:45.678+08:00', to: '2025-05-15T14:23:45.678+08:00' }, wholeDays: true },
  { name: 'starts mid-day, ends 23:59:59', range: { from: '2025-03-03T09:30:00.250+08:00', to: '2025-04-10T23:59:59+08:00' }, wholeDays: true },
  { name: 'starts 00:00, ends mid-day', range: { from: '2025-01-01T00:00:00+08:00', to: '2025-02-14T17:45:12.345+08:00' }, wholeDays: true },
  { name: 'whole days ending at the next 00:00', range: { from: '2024-12-01T00:00:00+08:00', to: '2024-12-08T00:00:00+08:00' }, wholeDays: true },
  { name: 'given in UTC', range: { from: '2025-02-01T16:00:00Z', to: '2025-02-20T15:59:59.999Z' }, wholeDays: true },
  { name: 'single day', range: { from: '2025-04-02T00:00:00+08:00', to: '2025-04-02T23:59:59.999+08:00' }, wholeDays: false },
  { name: 'across one midnight', range: { from: '2025-04-02T20:00:00+08:00', to: '2025-04-03T06:00:00+08:00' }, wholeDays: false },
  { name: 'today', range: { from: '2025-05-15T00:00:00+08:00' }, wholeDays: false },
]

interface Filter {
  name: string
  filter: Pick<TransactionsFilter, 'terminal' | 'currency' | 'status' | 'cardBrand'>
  /** Only terminal, currency and (since 0009) status are columns of the rollup. */
  rollup: boolean
}

const FILTERS: readonly Filter[] = [
  { name: 'no filter', filter: {}, rollup: true },
  { name: 'terminal', filter: { terminal: '14010501' }, rollup: true },
  { name: 'currency', filter: { currency: 'USD' }, rollup: true },
  { name: 'terminal + currency', filter: { terminal: '14010588', currency: 'EUR' }, rollup: true },
  { name: 'currency + status success', filter: { currency: 'USD', status: 'success' }, rollup: true },
  { name: 'status failure (sums the failed)', filter: { status: 'failure' }, rollup: true },
  { name: 'card brand (not in the rollup)', filter: { cardBrand: 'Visa' }, rollup: false },
]

const COLUMN: Record<keyof Filter['filter'], string> = {
  terminal: 'terminal',
  currency: 'currency',
  status: 'status',
  cardBrand: 'card_brand',
}

const COMBOS = RANGES.flatMap((range) => FILTERS.map((filter) => ({ range, filter })))

interface TotalRow {
  currency: string
  count: string
  summed: string
  amount_minor: string
}

/** 金额统计 sums successful payments unless the filter selects a status. */
const sumStatus = (filter: Filter) => filter.filter.status ?? 'success'

/** The reference: every matching row, read one by one. */
async function scan(db: Queryable, range: Range, filter: Filter): Promise<TotalRow[]> {
  const { from, to } = resolveRange(range.range, now)
  const params: unknown[] = [DEMO, from, to]
  let sql = 'account = $1 and payment_time >= $2 and payment_time <= $3'
  for (const [key, value] of Object.entries(filter.filter)) {
    params.push(value)
    sql += ` and ${COLUMN[key as keyof Filter['filter']]} = $${params.length}`
  }
  params.push(sumStatus(filter))
  const summed = `status = $${params.length}`
  const { rows } = await db.query<TotalRow>(
    `select currency, count(*)::text as count, count(*) filter (where ${summed})::text as summed,
            coalesce(sum(amount_minor) filter (where ${summed}), 0)::text as amount_minor
     from transactions where ${sql} group by currency`,
    params,
  )
  return rows
}

const sorted = (rows: TotalRow[]): TotalRow[] => [...rows].sort((a, b) => a.currency.localeCompare(b.currency))

const basisOf = (filter: Filter) => ({ status: sumStatus(filter), amount: 'transaction' as const })

async function listedTotal(db: Queryable, range: Range, filter: Filter) {
  const page = await listTransactions(db, DEMO, { ...range.range, ...filter.filter, limit: 1 }, { now })
  return page.total
}

/** Every combination: the list's first-page total, and the rollup path itself where it applies, equal the scan. */
async function expectAllEqualToScan(db: Queryable): Promise<void> {
  for (const { range, filter } of COMBOS) {
    const expected = await scan(db, range, filter)
    const label = `${range.name} / ${filter.name}`
    expect(await listedTotal(db, range, filter), label).toEqual(totalOf(expected, basisOf(filter)))
    if (!filter.rollup) continue
    const { cardBrand: _none, ...held } = filter.filter
    const plan = wholeDaysOf({ account: DEMO, ...resolveRange(range.range, now), ...held, sumStatus: sumStatus(filter) })
    expect(plan !== undefined, label).toBe(range.wholeDays)
    if (plan !== undefined) expect(sorted(await dayTotals(db, plan)), label).toEqual(sorted(expected))
  }
}

class Rollback extends Error {}

describe.each(testStores())('day totals on the $kind store', (store) => {
  let db: Db

  beforeAll(async () => {
    db = await store.open()
    await migrate(db)
    await loadDemoData(db, { size: 2000, secondSize: 300, now, seed: 11 })
  }, 120_000)
  afterAll(() => store.cleanup())

  it('splits a range into its whole Beijing days', () => {
    const at = (text: string) => new Date(text)
    const plan = wholeDaysOf({ account: DEMO, from: at('2025-03-03T09:30:00+08:00'), to: at('2025-03-06T08:00:00+08:00') })
    expect(plan).toMatchObject({
      firstDay: '2025-03-04',
      lastDay: '2025-03-05',
      wholeFrom: at('2025-03-04T00:00:00+08:00'),
      wholeUntil: at('2025-03-06T00:00:00+08:00'),
    })
    // 23:59:59.999 is not the end of the day: rows at .9995 are outside the range, so that day stays partial.
    const upToLastMilli = wholeDaysOf({ account: DEMO, from: at('2025-03-03T00:00:00+08:00'), to: at('2025-03-05T23:59:59.999+08:00') })
    expect(upToLastMilli).toMatchObject({ firstDay: '2025-03-03', lastDay: '2025-03-04' })
    const toMidnight = wholeDaysOf({ account: DEMO, from: at('2025-03-03T00:00:00+08:00'), to: at('2025-03-06T00:00:00+08:00') })
    expect(toMidnight).toMatchObject({ firstDay: '2025-03-03', lastDay: '2025-03-05' })
    expect(wholeDaysOf({ account: DEMO, from: at('2025-03-03T00:00:00+08:00'), to: at('2025-03-03T23:59:59.999+08:00') })).toBeUndefined()
  })

  it('the rollup holds exactly the regrouped transactions', async () => {
    const regrouped = await db.query(
      `select account, transaction_beijing_day(payment_time)::text as day, terminal, currency, status,
              count(*)::text as n, sum(amount_minor)::text as a
       from transactions group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
    )
    const rollup = await db.query(
      `select account, day::text as day, terminal, currency, status, txn_count::text as n, amount_minor::text as a
       from transaction_day_totals order by 1, 2, 3, 4, 5`,
    )
    expect(rollup.rows.length).toBeGreaterThan(365)
    expect(rollup.rows).toEqual(regrouped.rows)
  })

  it('equals the row scan for every range and filter', async () => {
    // The data must make the comparisons mean something: each filter matches rows over the year.
    for (const filter of FILTERS) expect((await scan(db, RANGES[0], filter)).length, filter.name).toBeGreaterThan(0)
    await expectAllEqualToScan(db)
  }, 60_000)

  it('answers from the rollup exactly when the filter and range allow it', async () => {
    // Inside a transaction that is rolled back: one more transaction counted in every rollup row of 140105.
    await expect(
      db.transaction(async (tx) => {
        await tx.query('update transaction_day_totals set txn_count = txn_count + 1 where account = $1', [DEMO])
        for (const { range, filter } of COMBOS) {
          const scanned = totalOf(await scan(tx, range, filter), basisOf(filter))
          const listed = await listedTotal(tx, range, filter)
          const label = `${range.name} / ${filter.name}`
          if (filter.rollup && range.wholeDays) expect(listed?.count, label).toBeGreaterThan(scanned.count)
          else expect(listed, label).toEqual(scanned)
        }
        throw new Rollback()
      }),
    ).rejects.toBeInstanceOf(Rollback)
    await expectAllEqualToScan(db)
  }, 60_000)

  describe('after writes', () => {
    async function someIds(where: string, limit: number): Promise<string[]> {
      const { rows } = await db.query<{ payment_id: string }>(
        `select payment_id from transactions t where account = $1 and ${where}
         and not exists (select 1 from order_cases c where c.payment_id = t.payment_id)
         order by payment_id limit ${limit}`,
        [DEMO],
      )
      expect(rows.length).toBe(limit)
      return rows.map((row) => row.payment_id)
    }

    it('stay equal after a bulk insert, including rows on the ranges\' exact edges', async () => {
      // Edges of RANGES to the microsecond: rows just inside and just outside from/to and day boundaries.
      const times = [
        '2025-04-10T15:59:59.999500Z', // 23:59:59.9995 Beijing: after a "to" of 23:59:59, last microseconds of a day
        '2025-04-10T16:00:00Z', // 00:00 of 2025-04-11
        '2025-02-14T09:45:12.345Z', // exactly a "to": inside
        '2025-02-14T09:45:12.345400Z', // just after it: outside
        '2025-03-03T01:30:00.250Z', // exactly a "from": inside
        '2025-03-03T01:30:00.249999Z', // just before it: outside
        '2024-12-07T16:00:00Z', // 00:00 of 2024-12-08, exactly a "to" at midnight
        '2025-05-15T06:23:45.678Z', // now
        '2025-05-15T02:00:00Z', // today
        '2025-04-02T15:59:59.999999Z', // the single day's last microsecond: outside its .999 "to"
      ]
      const sources = [
        ...(await someIds(`terminal = '14010588' and currency = 'EUR'`, times.length)),
        ...(await someIds(`terminal = '14010501' and currency = 'USD'`, times.length)),
      ]
      const before = await db.query<{ n: number }>('select count(*)::int as n from transactions where account = $1', [DEMO])
      await db.query(
        `insert into transactions
         select (jsonb_populate_record(null::transactions,
                   to_jsonb(t) || jsonb_build_object('payment_id', 'copy-' || c.ord || '-' || t.payment_id, 'payment_time', c.at))).*
         from unnest($1::text[], $2::text[]) with ordinality as c(source, at, ord)
         join transactions t on t.payment_id = c.source`,
        [sources, [...times, ...times]],
      )
      const after = await db.query<{ n: number }>('select count(*)::int as n from transactions where account = $1', [DEMO])
      expect((after.rows[0]?.n ?? 0) - (before.rows[0]?.n ?? 0)).toBe(sources.length)
      await expectAllEqualToScan(db)
    }, 60_000)

    it('stay equal after updates of other columns and of the rollup\'s own', async () => {
      const other = await someIds('true', 40)
      await db.query(
        `update transactions set status = 'failure', tracking_number = 'TRK1', refunded_minor = 0
         where payment_id = any($1::text[])`,
        [other],
      )
      // A status changes after the fact (pending → success, success → failure): 0009's trigger follows it.
      await db.query(
        `update transactions set status = 'pending', auth_status = null where payment_id = any($1::text[])`,
        [await someIds(`status = 'success' and txn_type = 'sale'`, 12)],
      )
      await db.query(`update transactions set status = 'success' where payment_id = any($1::text[])`, [
        await someIds(`status = 'pending' and txn_type = 'sale'`, 6),
      ])
      await db.query(`update transactions set amount_minor = amount_minor + 101 where payment_id = any($1::text[])`, [
        await someIds(`currency = 'USD'`, 15),
      ])
      // Moves across Beijing midnights, into and out of the ranges.
      await db.query(`update transactions set payment_time = payment_time - interval '13 hours' where payment_id = any($1::text[])`, [
        await someIds(`terminal = '14010501'`, 25),
      ])
      await db.query(`update transactions set terminal = '14010502' where payment_id = any($1::text[])`, [
        await someIds(`terminal = '14010588' and currency = 'EUR'`, 10),
      ])
      await db.query(`update transactions set currency = 'JPY', amount_minor = amount_minor * 150 where payment_id = any($1::text[])`, [
        await someIds(`currency = 'USD'`, 10),
      ])
      await expectAllEqualToScan(db)
    }, 60_000)

    it('stay equal after deletes, down to a whole day gone', async () => {
      await db.query('delete from transactions where payment_id = any($1::text[])', [await someIds(`currency = 'EUR'`, 30)])
      await db.query(
        `delete from transactions t where account = $1 and transaction_beijing_day(payment_time) = date '2025-03-20'
           and not exists (select 1 from order_cases c where c.payment_id = t.payment_id)`,
        [DEMO],
      )
      await expectAllEqualToScan(db)
    }, 60_000)

    it('the rollup still holds exactly the regrouped transactions', async () => {
      const regrouped = await db.query(
        `select day, terminal, currency, status, n, a from (
           select transaction_beijing_day(payment_time)::text as day, terminal, currency, status,
                  count(*)::text as n, sum(amount_minor)::text as a
           from transactions where account = $1 group by 1, 2, 3, 4) g order by 1, 2, 3, 4`,
        [DEMO],
      )
      const rollup = await db.query(
        `select day::text as day, terminal, currency, status, txn_count::text as n, amount_minor::text as a
         from transaction_day_totals where account = $1 order by 1, 2, 3, 4`,
        [DEMO],
      )
      expect(rollup.rows).toEqual(regrouped.rows)
    })
  })
})
