/**
 * The loaded demo data, on both stores: every transaction filter has several values to narrow by, settlement
 * batches add up to their transactions, balances and to-dos have something to show, and the 0008 day totals
 * follow the transactions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../../server/src/db'
import { migrate } from '../../../../server/src/db/migrate'
import { DemoDataPresentError, loadDemoData, resetDemoData } from '../../../../server/src/dev/demo'
import { CURRENCY_CODES } from '@contract/money'
import { testStores } from '../../stores'

const NOW = new Date('2025-05-15T08:30:00Z') // 16:30 Beijing time
const TODAY_START = '2025-05-15T00:00:00+08:00'
const SIZE = 3_000

describe.each(testStores())('demo data on the $kind store', (store) => {
  let db: Db

  beforeAll(async () => {
    db = await store.open()
    await migrate(db)
    const result = await loadDemoData(db, { size: SIZE, now: NOW, seed: 11 })
    expect(result.transactions).toEqual({ '140105': SIZE, '150207': 450 })
  }, 60_000)
  afterAll(() => store.cleanup())

  const distinct = async (column: string, account = '140105'): Promise<string[]> => {
    const { rows } = await db.query<{ value: string | null }>(
      `select distinct ${column}::text as value from transactions where account = $1 order by 1`,
      [account],
    )
    return rows.map((row) => row.value ?? 'null').sort()
  }

  it('gives every transaction filter several values to choose from', async () => {
    expect(await distinct('terminal')).toEqual(['14010501', '14010502', '14010588'])
    expect(await distinct('terminal', '150207')).toEqual(['15020701', '15020702'])
    expect([...(await distinct('currency'))].sort()).toEqual([...CURRENCY_CODES].sort())
    expect((await distinct('booking_currency')).length).toBeGreaterThanOrEqual(10)
    expect(await distinct('txn_type')).toEqual(['authorization', 'sale'])
    expect(await distinct('status')).toEqual(expect.arrayContaining(['failure', 'success']))
    expect(await distinct('auth_status')).toEqual(['captured', 'null', 'pending', 'voided'])
    expect(await distinct('delivery_status')).toEqual(['delivered', 'exception', 'in_transit', 'pending'])
    expect(await distinct('funds_status')).toEqual(['settled', 'unsettled'])
    expect(await distinct('deposit_status')).toEqual(['settled', 'unsettled'])
    expect(await distinct('tracking_number is null')).toEqual(['false', 'true'])
    expect(await distinct('refund_status')).toEqual(['full', 'none', 'partial'])
    expect((await distinct('card_brand')).length).toBeGreaterThanOrEqual(6)
    expect((await distinct('payment_method')).length).toBeGreaterThanOrEqual(5)
    expect((await distinct('card_country')).length).toBeGreaterThanOrEqual(15)
    expect((await distinct('failure_code')).length).toBeGreaterThanOrEqual(6)
    expect((await distinct('funds_batch_no')).length).toBeGreaterThan(100)
  })

  it('stores card numbers only masked, first 6 and last 4 digits', async () => {
    const { rows } = await db.query<{ bad: number; cards: number }>(
      `select count(*) filter (where card_masked !~ '^[0-9]{6}[*]{4,6}[0-9]{4}$')::int as bad,
              count(card_masked)::int as cards
       from transactions`,
    )
    expect(rows[0]).toEqual({ bad: 0, cards: expect.any(Number) })
    expect(rows[0]!.cards).toBeGreaterThan(SIZE * 0.8)
  })

  it('keeps amounts, refunds and pre-authorizations consistent', async () => {
    const { rows } = await db.query<Record<string, number>>(
      `select
         count(*) filter (where refunded_minor > amount_minor)::int as over_refunded,
         count(*) filter (where (refund_status = 'none') <> (refunded_minor = 0))::int as refund_status_wrong,
         count(*) filter (where refund_status = 'full' and refunded_minor <> amount_minor)::int as full_not_full,
         count(*) filter (where status = 'success' and txn_type = 'authorization' and auth_status = 'pending')::int as pending_auths,
         count(*) filter (where status <> 'success' and (funds_batch_no is not null or fee_minor <> 0))::int as failed_settled,
         count(*) filter (where status = 'failure' and failure_code is null)::int as failure_without_code,
         count(*) filter (where payment_time > $1)::int as in_future
       from transactions`,
      [NOW],
    )
    expect(rows[0]).toMatchObject({
      over_refunded: 0,
      refund_status_wrong: 0,
      full_not_full: 0,
      failed_settled: 0,
      failure_without_code: 0,
      in_future: 0,
    })
    expect(rows[0]!.pending_auths).toBeGreaterThan(0)
  })

  it("has today's successful transactions for both merchants (the to-do card)", async () => {
    const { rows } = await db.query<{ account: string; n: number }>(
      `select account, count(*)::int as n from transactions
       where status = 'success' and payment_time >= $1 and payment_time <= $2 group by account order by account`,
      [TODAY_START, NOW],
    )
    expect(rows.map((row) => row.account)).toEqual(['140105', '150207'])
    expect(rows.every((row) => row.n >= 2)).toBe(true)
  })

  it('books (记账时间) exactly the payments that moved money: a sale at its payment, a capture later that week', async () => {
    const { rows } = await db.query<Record<string, number>>(
      `select
         count(*) filter (where (booked_at is not null) <> (status = 'success' and (txn_type = 'sale' or auth_status = 'captured')))::int as wrong,
         count(*) filter (where txn_type = 'sale' and booked_at <> payment_time)::int as sale_later,
         count(*) filter (where booked_at < payment_time or booked_at > $1)::int as out_of_time,
         count(*) filter (where auth_status = 'captured' and booked_at > payment_time)::int as captured_later,
         count(*) filter (where auth_status = 'captured' and date_trunc('week', booked_at + interval '8 hours')
                                <> date_trunc('week', payment_time + interval '8 hours'))::int as other_week
       from transactions`,
      [NOW],
    )
    expect(rows[0]).toMatchObject({ wrong: 0, sale_later: 0, out_of_time: 0, other_week: 0 })
    expect(rows[0]!.captured_later).toBeGreaterThan(0)
  })

  it('has open cases of every kind, and mostly handled ones', async () => {
    const { rows } = await db.query<{ kind: string; open: number; handled: number }>(
      `select kind, count(*) filter (where status = 'open')::int as open,
              count(*) filter (where status = 'handled')::int as handled
       from order_cases where account = '140105' group by kind order by kind`,
    )
    expect(rows.map((row) => row.kind)).toEqual(['chargeback', 'dispute', 'fraud', 'retrieval'])
    for (const row of rows) expect(row.open).toBeGreaterThan(0)
    const { rows: reasons } = await db.query<{ reason_code: string }>(
      `select distinct reason_code from order_cases where kind = 'chargeback'`,
    )
    const codes = reasons.map((row) => row.reason_code)
    // Visa's (e.g. 10.4) and MasterCard's (e.g. 4837) numbering.
    expect(codes.some((code) => /^1[0-3]\.\d$/.test(code))).toBe(true)
    expect(codes.some((code) => /^48\d\d$/.test(code))).toBe(true)
    const { rows: bad } = await db.query(
      `select 1 from order_cases c join transactions t using (payment_id)
       where c.account <> t.account or c.opened_at < t.payment_time or c.opened_at > $1
          or (c.status = 'handled') <> (c.handled_at is not null)`,
      [NOW],
    )
    expect(bad).toEqual([])
  })

  it('makes each transaction batch add up to its transactions and the chargebacks of its week', async () => {
    const { rows } = await db.query(
      `with sums as (
         select funds_batch_no as batch_no, count(*)::int as n, sum(booking_amount_minor) as gross, sum(fee_minor) as fee,
                sum(deposit_minor) as deposit,
                sum((refunded_minor * booking_amount_minor * 2 + amount_minor) / (2 * amount_minor)) as refund
         from transactions where funds_batch_no is not null group by funds_batch_no),
       chargebacks as (
         select b.batch_no, sum((c.amount_minor * t.booking_amount_minor * 2 + t.amount_minor) / (2 * t.amount_minor)) as cb
         from settlement_batches b
         join order_cases c on c.account = b.account and c.kind = 'chargeback'
           and c.opened_at >= b.period_start and c.opened_at < b.period_end
         join transactions t on t.payment_id = c.payment_id and t.booking_currency = b.currency
         where b.batch_type = 'transaction' group by b.batch_no)
       select b.batch_no from settlement_batches b
       left join sums s using (batch_no) left join chargebacks c using (batch_no)
       where b.batch_type = 'transaction' and (
         b.txn_count <> coalesce(s.n, 0) or b.gross_minor <> coalesce(s.gross, 0) or b.fee_minor <> coalesce(s.fee, 0)
         or b.deposit_minor <> coalesce(s.deposit, 0) or b.refund_minor <> coalesce(s.refund, 0)
         or b.chargeback_minor <> coalesce(c.cb, 0)
         or b.net_minor <> b.gross_minor - b.fee_minor - b.refund_minor - b.chargeback_minor - b.deposit_minor)`,
    )
    expect(rows).toEqual([])
    const { rows: counts } = await db.query<{ negative: number; total: number }>(
      `select count(*) filter (where net_minor < 0)::int as negative, count(*)::int as total
       from settlement_batches where batch_type = 'transaction'`,
    )
    expect(counts[0]!.total).toBeGreaterThan(500)
    expect(counts[0]!.negative).toBeGreaterThan(0)
  })

  it('makes each deposit batch release the reserve its transactions withheld', async () => {
    const { rows } = await db.query(
      `select b.batch_no from settlement_batches b
       left join (select deposit_batch_no as batch_no, count(*)::int as n, sum(deposit_minor) as deposit
                  from transactions where deposit_batch_no is not null group by 1) s using (batch_no)
       where b.batch_type = 'deposit'
         and (b.txn_count <> coalesce(s.n, 0) or b.deposit_minor <> coalesce(s.deposit, 0) or b.net_minor <> b.deposit_minor)`,
    )
    expect(rows).toEqual([])
    const { rows: types } = await db.query<{ batch_type: string; status: string }>(
      `select distinct batch_type, status from settlement_batches where account = '140105' order by 1, 2`,
    )
    expect(types).toEqual([
      { batch_type: 'deposit', status: 'pending' },
      { batch_type: 'deposit', status: 'transferred' },
      { batch_type: 'transaction', status: 'pending' },
      { batch_type: 'transaction', status: 'transferred' },
    ])
  })

  it('marks transactions settled exactly when their batch was transferred, at its transfer time', async () => {
    const { rows } = await db.query(
      `select t.payment_id from transactions t left join settlement_batches b on b.batch_no = t.funds_batch_no
       where (t.funds_status = 'settled') <> coalesce(b.status = 'transferred', false)
          or t.settlement_time is distinct from b.settled_at
          or (b.batch_no is not null and (t.payment_time < b.period_start or t.payment_time >= b.period_end
              or b.currency <> t.booking_currency or b.account <> t.account))`,
    )
    expect(rows).toEqual([])
    const { rows: deposits } = await db.query(
      `select t.payment_id from transactions t left join settlement_batches b on b.batch_no = t.deposit_batch_no
       where (t.deposit_status = 'settled') <> coalesce(b.status = 'transferred', false)`,
    )
    expect(deposits).toEqual([])
  })

  it('has balances in all twelve currencies for 140105, some negative, as of now', async () => {
    const { rows } = await db.query<{ currency: string; settleable: string; as_of: Date; period: string }>(
      `select currency, settleable_after_fees_minor as settleable, as_of, period
       from fund_balances where account = '140105' order by currency`,
    )
    expect(rows.map((row) => row.currency).sort()).toEqual([...CURRENCY_CODES].sort())
    expect(rows.find((row) => row.currency === 'USD')!.settleable.startsWith('-')).toBe(true)
    expect(rows.every((row) => new Date(row.as_of).getTime() === NOW.getTime())).toBe(true)
    expect(rows[0]!.period).toBe('2025-05-12 ~ 2025-05-18')
    // Settleable = the pending transaction batch of each currency.
    const { rows: mismatched } = await db.query(
      `select f.currency from fund_balances f
       left join (select account, currency, sum(net_minor) as net from settlement_batches
                  where batch_type = 'transaction' and status = 'pending' group by 1, 2) b using (account, currency)
       where f.settleable_after_fees_minor <> coalesce(b.net, 0)`,
    )
    expect(mismatched).toEqual([])
  })

  it('has notices of all four kinds, announcements for everyone, and account managers', async () => {
    const { rows } = await db.query<{ kind: string; global: number; own: number }>(
      `select kind, count(*) filter (where account is null)::int as global,
              count(*) filter (where account is not null)::int as own
       from messages group by kind order by kind`,
    )
    expect(rows.map((row) => row.kind)).toEqual(['announcement', 'chargeback', 'fraud', 'retrieval'])
    expect(rows[0]).toMatchObject({ kind: 'announcement', own: 0 })
    expect(rows[0]!.global).toBeGreaterThanOrEqual(5)
    expect(rows.slice(1).every((row) => row.global === 0 && row.own > 0)).toBe(true)
    const { rows: orphans } = await db.query(
      `select m.id from messages m left join transactions t on t.payment_id = m.payment_id
       where m.account is not null and (t.account is distinct from m.account)`,
    )
    expect(orphans).toEqual([])
    const { rows: managers } = await db.query<{ account: string }>('select account from account_managers order by account')
    expect(managers.map((row) => row.account)).toEqual(['140105', '150207'])
  })

  it('keeps the 0008 day totals equal to the transactions through inserts, corrections and deletes', async () => {
    const mismatch = async (): Promise<unknown[]> => {
      const { rows } = await db.query(
        `select * from (
           select account, ((payment_time at time zone 'UTC') + interval '8 hours')::date as day, terminal, currency,
                  status, count(*) as txn_count, sum(amount_minor) as amount_minor
           from transactions group by 1, 2, 3, 4, 5) t
         full join transaction_day_totals d using (account, day, terminal, currency, status)
         where t.txn_count is distinct from d.txn_count or t.amount_minor is distinct from d.amount_minor`,
      )
      return rows
    }
    expect(await mismatch()).toEqual([])
    const { rows: sample } = await db.query<{ payment_id: string }>(
      `select payment_id from transactions where account = '150207' and refunded_minor = 0
         and payment_id not in (select payment_id from order_cases) order by payment_id limit 3`,
    )
    const [moved, corrected, removed] = sample.map((row) => row.payment_id)
    await db.query(`update transactions set payment_time = payment_time - interval '3 days', terminal = '15020702' where payment_id = $1`, [moved])
    await db.query('update transactions set amount_minor = amount_minor + 5 where payment_id = $1', [corrected])
    await db.query(`update transactions set status = status, delivery_status = 'delivered' where payment_id = $1`, [removed])
    await db.query('delete from messages where payment_id = $1', [removed])
    await db.query('delete from transactions where payment_id = $1', [removed])
    expect(await mismatch()).toEqual([])
  })

  it('empties the day totals when transactions are truncated', async () => {
    await db.transaction(async (tx) => {
      await tx.query('truncate transactions cascade')
      const { rows } = await tx.query<{ n: number }>('select count(*)::int as n from transaction_day_totals')
      expect(rows[0]!.n).toBe(0)
      throw new Error('roll back')
    }).catch((error: unknown) => expect((error as Error).message).toBe('roll back'))
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from transaction_day_totals')
    expect(rows[0]!.n).toBeGreaterThan(0)
  })

  it('refuses to load over existing demo data, and loads again after a reset', async () => {
    await expect(loadDemoData(db, { size: 100, now: NOW })).rejects.toBeInstanceOf(DemoDataPresentError)
    const reset = await resetDemoData(db)
    expect(reset.transactions).toBe(SIZE + 450 - 1)
    const { rows: left } = await db.query<{ n: number }>(
      `select ((select count(*) from transactions) + (select count(*) from settlement_batches)
        + (select count(*) from order_cases) + (select count(*) from messages) + (select count(*) from fund_balances)
        + (select count(*) from transaction_day_totals))::int as n`,
    )
    expect(left[0]!.n).toBe(0)
    const again = await loadDemoData(db, { size: 200, secondSize: 50, now: NOW, seed: 11 })
    expect(again.transactions).toEqual({ '140105': 200, '150207': 50 })
  })
})
