/**
 * 0014's rollups stay exact (issue 14): after random inserts, updates (status changes, partial and full refunds,
 * captures, voids, tracking uploads, delivery, settlement and booking, cases opened, handled and removed) and
 * deletes, the list's count and 金额统计 and every chart figure, for random filter combinations, time types and
 * ranges (partial days at both ends, Beijing midnights to the millisecond), equal a plain scan of the rows; and the
 * rollup tables equal a rebuild from the rows.
 *
 * Seeded: ROLLUP_SEED=<n> replays a run; every failure message names the seed and the round.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db, Queryable } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { loadDemoData } from '../../../server/src/dev/demo'
import { createRandom, type DemoRandom } from '../../../server/src/dev/demo/prng'
import { chartFiguresRepository, type ChartCriteria } from '../../../server/src/repositories/chart-figures'
import { listTransactions, totalOf } from '../../../server/src/services/transactions'
import { totalsBasisOf, type TimeType, type TransactionsFilter } from '@contract/transactions'
import { testStores } from '../stores'

const DEMO = '140105'
const now = new Date('2025-05-15T06:23:45.678Z')
const DAY_MS = 86_400_000
/** 00:00 Beijing of the day `now` falls on. */
const TODAY = Date.parse('2025-05-15T00:00:00+08:00')
const SEED = Number(process.env.ROLLUP_SEED ?? Math.floor(Math.random() * 2 ** 31))
const ROUNDS = 10
const QUERIES_PER_ROUND = 12

type Filter = Omit<TransactionsFilter, 'from' | 'to' | 'q' | 'batchNo' | 'case'>

/** The reference's own column of each filter key (not the repository's predicates). */
const COLUMNS: Record<Exclude<keyof Filter, 'timeType' | 'tracking'>, string> = {
  currency: 'currency',
  bookingCurrency: 'booking_currency',
  txnType: 'txn_type',
  cardBrand: 'card_brand',
  delivery: 'delivery_status',
  fundsStatus: 'funds_status',
  depositStatus: 'deposit_status',
  terminal: 'terminal',
  status: 'status',
  authStatus: 'auth_status',
}
const TIME_COLUMN: Record<TimeType, string> = { payment: 'payment_time', settlement: 'settlement_time', booked: 'booked_at' }

/** A range start/end: a Beijing midnight exactly, a millisecond before one, or any time of the day. */
function instant(random: DemoRandom, dayOffset: number): Date {
  const midnight = TODAY - dayOffset * DAY_MS
  const shape = random.int(0, 3)
  if (shape === 0) return new Date(midnight)
  if (shape === 1) return new Date(midnight - 1)
  return new Date(midnight + random.int(0, DAY_MS - 1))
}

/**
 * Days (back from today) where writes land and ranges start or end, so that the partial days at a range's ends hold
 * rows (the small demo has ~3 payments a day).
 */
function edgeDays(random: DemoRandom): number[] {
  return Array.from({ length: 10 }, () => random.int(0, 363))
}

function range(random: DemoRandom, edges: number[]): { from: Date; to: Date } {
  const [a, b] = [random.pick(edges), random.chance(0.3) ? random.int(0, 363) : random.pick(edges)]
  const from = instant(random, Math.max(a, b))
  const to = new Date(Math.min(now.getTime(), Math.max(from.getTime(), instant(random, Math.min(a, b)).getTime())))
  return { from, to }
}

describe.each(testStores())(`rollup exactness (seed ${SEED}) on the $kind store`, (store) => {
  let db: Db
  let values: Record<string, string[]> = {}
  let copies = 0
  const random = createRandom(SEED)
  const edges = edgeDays(random)
  /** The edge days as Beijing dates, for choosing payments on them (our own literals, never input). */
  const onEdgeDays = `transaction_beijing_day(payment_time) in (${edges
    .map((offset) => `'${new Date(TODAY - offset * DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10)}'`)
    .join(', ')})`

  beforeAll(async () => {
    db = await store.open()
    await migrate(db)
    await loadDemoData(db, { size: 900, secondSize: 150, now, seed: 5 })
  }, 120_000)
  afterAll(() => store.cleanup())

  async function ids(where: string, limit: number): Promise<string[]> {
    const { rows } = await db.query<{ payment_id: string }>(
      `select payment_id from transactions t where account = $1 and ${where} order by md5(payment_id || $2) limit ${limit}`,
      [DEMO, String(random.next())],
    )
    return rows.map((row) => row.payment_id)
  }

  /** One random write, in the shape the actions, notifications and settlement make it. */
  async function write(): Promise<void> {
    const at = instant(random, random.chance(0.8) ? random.pick(edges) : random.int(0, 363))
    const n = random.int(1, 6)
    const op = random.int(-2, 10)
    switch (Math.max(op, 0)) {
      case 0: // new payments copied from others, at a random time (midnight edges included)
        await db.query(
          `insert into transactions
           select (jsonb_populate_record(null::transactions, to_jsonb(t) || jsonb_build_object(
                     'payment_id', 'p' || $3 || '-' || t.payment_id, 'payment_time', $2::timestamptz))).*
           from transactions t where payment_id = any($1::text[])`,
          [await ids('true', n), at, String((copies += 1))],
        )
        break
      case 1: // a status changes (pending → success / failure, or a correction)
        await db.query(`update transactions set status = $2 where payment_id = any($1::text[])`, [
          await ids('true', n),
          random.pick(['success', 'failure', 'pending']),
        ])
        break
      case 2: // a refund, partial or full (the refund ledger adds to refunded_minor)
        await db.query(
          `update transactions set refunded_minor = case when $2 then amount_minor else amount_minor / 2 end,
             refund_status = case when $2 then 'full' else 'partial' end where payment_id = any($1::text[])`,
          [await ids(`status = 'success'`, n), random.chance(0.5)],
        )
        break
      case 3: // a capture or a void of a pre-authorization
        await db.query(
          `update transactions set auth_status = $2, booked_at = case when $2 = 'captured' then $3::timestamptz else null end
           where payment_id = any($1::text[])`,
          [await ids(`txn_type = 'authorization' and status = 'success'`, n), random.pick(['captured', 'voided']), at],
        )
        break
      case 4: // a tracking upload, or its removal
        await db.query(`update transactions set tracking_number = $2, tracking_site = $2 where payment_id = any($1::text[])`, [
          await ids('true', n),
          random.chance(0.7) ? `TRK${random.int(1, 99999)}` : null,
        ])
        break
      case 5: // delivery moves on
        await db.query(`update transactions set delivery_status = $2 where payment_id = any($1::text[])`, [
          await ids('tracking_number is not null', n),
          random.pick(['pending', 'in_transit', 'delivered', 'exception']),
        ])
        break
      case 6: // settlement: funds or deposit settled (划款时间), or booked
        await db.query(
          `update transactions set funds_status = 'settled', settlement_time = $2, deposit_status = $3, booked_at = coalesce(booked_at, $2)
           where payment_id = any($1::text[])`,
          [await ids('true', n), at, random.pick(['settled', 'unsettled'])],
        )
        break
      case 7: // a case opened on a payment (chargeback, fraud, …)
        await db.query(
          `insert into order_cases (account, payment_id, kind, status, reason_code, reason, currency, amount_minor, opened_at, source)
           select account, payment_id, $2, 'open', '10.4', 'Other Fraud', currency, amount_minor, $3, 'demo'
           from transactions where payment_id = any($1::text[])`,
          [
            await ids(random.chance(0.8) ? `status = 'success' and ${onEdgeDays}` : 'true', n),
            random.pick(['chargeback', 'fraud', 'chargeback', 'fraud', 'dispute', 'retrieval']),
            at,
          ],
        )
        break
      case 8: // a case handled, or removed
        if (random.chance(0.5)) {
          await db.query(
            `update order_cases set status = 'handled', handled_at = $2
             where id in (select id from order_cases where account = $1 order by md5(id || $3) limit 3)`,
            [DEMO, at, String(random.next())],
          )
        } else {
          await db.query(`delete from order_cases where id in (select id from order_cases where account = $1 order by md5(id || $2) limit 2)`, [
            DEMO,
            String(random.next()),
          ])
        }
        break
      case 9: // a correction of the rollups' own keys: time across midnight, terminal, currency, amount
        await db.query(
          `update transactions set payment_time = payment_time - interval '13 hours', amount_minor = amount_minor + 7,
             terminal = $2 where payment_id = any($1::text[])`,
          [await ids('true', n), random.pick(values.terminal ?? ['14010501'])],
        )
        break
      default: // deletes
        await db.query(
          `delete from transactions t where payment_id = any($1::text[])`,
          [await ids(`not exists (select 1 from order_cases c where c.payment_id = t.payment_id)`, n)],
        )
    }
  }

  function randomFilter(): Filter {
    const filter: Record<string, string> = { timeType: random.pick(['payment', 'payment', 'settlement', 'booked']) }
    const keys = [...Object.keys(COLUMNS), 'tracking']
    for (let i = random.pick([0, 1, 1, 2, 2, 3]); i > 0; i -= 1) {
      const key = random.pick(keys)
      filter[key] = random.pick(key === 'tracking' ? ['uploaded', 'missing'] : (values[key] ?? []))
    }
    return filter as Filter
  }

  /** The list's totals by a plain scan, written from the filter alone. */
  async function scannedTotal(filter: Filter, from: Date, to: Date) {
    const time = TIME_COLUMN[filter.timeType ?? 'payment']
    const params: unknown[] = [DEMO, from, to]
    const clauses = ['account = $1', `${time} >= $2`, `${time} <= $3`]
    for (const [key, value] of Object.entries(filter)) {
      if (key === 'timeType') continue
      if (key === 'tracking') clauses.push(value === 'uploaded' ? 'tracking_number is not null' : 'tracking_number is null')
      else clauses.push(`${COLUMNS[key as keyof typeof COLUMNS]} = $${params.push(value)}`)
    }
    const basis = totalsBasisOf(filter)
    const [currency, amount] = basis.amount === 'booking' ? ['booking_currency', 'booking_amount_minor'] : ['currency', 'amount_minor']
    const summed = `status = $${params.push(basis.status)}`
    const { rows } = await db.query<{ currency: string; count: string; summed: string; amount_minor: string }>(
      `select ${currency} as currency, count(*)::text as count, count(*) filter (where ${summed})::text as summed,
              coalesce(sum(${amount}) filter (where ${summed}), 0)::text as amount_minor
       from transactions where ${clauses.join(' and ')} group by 1`,
      params,
    )
    return totalOf(rows, basis)
  }

  /** The chart figures by a plain scan (the queries before 0014). */
  async function scannedCharts(c: ChartCriteria) {
    const params: unknown[] = [c.account, c.from, c.to]
    const clauses = ['t.account = $1', 't.payment_time >= $2', 't.payment_time <= $3']
    if (c.terminal !== undefined) clauses.push(`t.terminal = $${params.push(c.terminal)}`)
    if (c.cardBrand !== undefined) clauses.push(`t.card_brand = $${params.push(c.cardBrand)}`)
    const where = clauses.join(' and ')
    const flags = `exists (select 1 from order_cases c where c.payment_id = t.payment_id and c.kind = 'chargeback') as cb,
      exists (select 1 from order_cases c where c.payment_id = t.payment_id and c.kind = 'fraud') as fr`
    const counts = `count(*)::int as total, count(*) filter (where status = 'success')::int as success,
      count(*) filter (where status = 'failure')::int as failure, count(*) filter (where status = 'pending')::int as pending,
      count(*) filter (where status = 'success' and cb)::int as chargebacks, count(*) filter (where status = 'success' and fr)::int as frauds,
      count(*) filter (where status = 'success' and refund_status <> 'none')::int as refunds`
    const q = async (sql: string) => (await db.query(sql, params)).rows
    const group = (key: string, only = 'true') =>
      q(`select ${key} as key, count(*)::int as total, count(*) filter (where t.status = 'success')::int as success
         from transactions t where ${where} and ${only} group by 1 order by 2 desc, 1`)
    return {
      byDay: await q(`select day, ${counts} from (select to_char(t.payment_time at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day,
        t.status, t.refund_status, ${flags} from transactions t where ${where}) d group by day order by day`),
      casesByBrand: await q(`select brand, ${counts} from (select t.card_brand as brand, t.status, t.refund_status, ${flags}
        from transactions t where ${where}) d group by brand order by brand nulls last`),
      country: await group('t.card_country'),
      brand: await group('t.card_brand'),
      failure: await group(`coalesce(t.failure_code || ' ' || t.failure_reason, t.failure_reason, t.failure_code)`, `t.status = 'failure'`),
      delivery: await group(`case when t.tracking_number is null then 'no_tracking' else t.delivery_status end`, `t.status = 'success'`),
    }
  }

  async function chartFigures(c: ChartCriteria) {
    const figures = chartFiguresRepository(db)
    return {
      byDay: await figures.byDay(c),
      casesByBrand: await figures.casesByBrand(c),
      country: await figures.groupBy(c, 'card_country'),
      brand: await figures.groupBy(c, 'card_brand'),
      failure: await figures.groupBy(c, 'failure_reason'),
      delivery: await figures.groupBy(c, 'delivery'),
    }
  }

  /**
   * The rollup tables equal a rebuild from the rows (inside a transaction that is rolled back), and each payment's
   * case flags say what its cases say.
   */
  async function expectRollupsRebuildEqual(label: string): Promise<void> {
    const { rows: flags } = await db.query<{ n: number }>(
      `select count(*)::int as n from transactions t
       where has_chargeback is distinct from exists (select 1 from order_cases c where c.payment_id = t.payment_id and c.kind = 'chargeback')
          or has_fraud is distinct from exists (select 1 from order_cases c where c.payment_id = t.payment_id and c.kind = 'fraud')`,
    )
    expect(flags[0]?.n, `${label}: case flags differ from the cases`).toBe(0)
    // The day rollups from the rows; 0018's monthly rollups from the day rollups (a month is the sum of its days).
    for (const [table, source] of [
      ['transaction_list_facets', 'transactions'],
      ['transaction_chart_facets', 'transactions'],
      ['transaction_list_facets_monthly', 'transaction_list_facets'],
      ['transaction_chart_facets_monthly', 'transaction_chart_facets'],
    ]) {
      const differences = await db
        .transaction(async (tx: Queryable) => {
          await tx.query(`create temp table kept on commit drop as select * from ${table}`)
          await tx.query(`delete from ${table}`)
          await tx.query(`do $$ begin execute ${table}_sql('select 1 as sign, * from ${source}'); end $$`)
          const { rows } = await tx.query<{ n: number }>(
            `select count(*)::int as n from ((table kept except all table ${table}) union all (table ${table} except all table kept)) d`,
          )
          throw Object.assign(new Error('roll back'), { n: rows[0]?.n })
        })
        .catch((error: { n?: number }) => error.n)
      expect(differences, `${label}: ${table} differs from its rebuild`).toBe(0)
    }
  }

  it('a bulk load that rebuilds the rollups at its end (the generator\'s million rows) leaves them exact', async () => {
    const bulk = await store.open()
    await migrate(bulk)
    await loadDemoData(bulk, { size: 300, secondSize: 50, now, seed: 9, deferRollups: true })
    const previous = db
    db = bulk
    try {
      const { rows } = await db.query<{ n: number }>('select count(*)::int as n from transaction_list_facets')
      expect(rows[0]?.n).toBeGreaterThan(300)
      await expectRollupsRebuildEqual('after a deferred bulk load')
      const { rows: triggers } = await db.query<{ n: number }>(
        `select count(*)::int as n from pg_trigger where tgrelid = 'transactions'::regclass and tgname like 'transactions_facets_%' and tgenabled = 'O'`,
      )
      expect(triggers[0]?.n, 'the facet triggers are on again').toBe(4)
      const { rows: monthly } = await db.query<{ n: number }>(
        `select count(*)::int as n from pg_trigger
         where tgrelid in ('transaction_list_facets'::regclass, 'transaction_chart_facets'::regclass)
           and tgname like '%_monthly_%' and tgenabled = 'O'`,
      )
      expect(monthly[0]?.n, 'the monthly triggers are on again').toBe(6)
    } finally {
      db = previous
    }
  }, 120_000)

  it('answers exactly what a scan answers, after random writes', async () => {
    const distinct = async (column: string) =>
      (await db.query<{ v: string }>(`select distinct ${column} as v from transactions where account = $1 and ${column} is not null order by 1`, [DEMO])).rows.map((row) => row.v)
    values = {}
    for (const [key, column] of Object.entries(COLUMNS)) values[key] = await distinct(column)
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (let i = 0; i < 8; i += 1) await write()
      const label = (what: string) => `seed ${SEED} (ROLLUP_SEED=${SEED} to replay), round ${round}: ${what}`
      await expectRollupsRebuildEqual(label('rebuild'))
      for (let i = 0; i < QUERIES_PER_ROUND; i += 1) {
        const filter = randomFilter()
        const { from, to } = range(random, edges)
        const page = await listTransactions(db, DEMO, { ...filter, from: from.toISOString(), to: to.toISOString(), limit: 1 }, { now })
        expect(page.total, label(`list ${JSON.stringify(filter)} ${from.toISOString()}..${to.toISOString()}`)).toEqual(
          await scannedTotal(filter, from, to),
        )
        const criteria: ChartCriteria = { account: DEMO, from, to }
        if (random.chance(0.3)) criteria.terminal = random.pick(values.terminal ?? [])
        if (random.chance(0.3)) criteria.cardBrand = random.pick(values.cardBrand ?? [])
        expect(await chartFigures(criteria), label(`charts ${JSON.stringify(criteria)}`)).toEqual(await scannedCharts(criteria))
      }
    }
  }, 120_000)
})
