/**
 * Every funds figure follows from the ledger (docs/reconciliation.md "## Funds"): recomputed here from the rows in
 * JavaScript, independently of the repository's SQL; two snapshots 30 minutes apart are equal when nothing happened
 * and differ by exactly what happened in between (a sale, a chargeback, a batch transferred).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { loadDemoData } from '../../../server/src/dev/demo/load-demo-data'
import { getFunds, MAX_FUNDS_AGE_MS } from '../../../server/src/services/funds'
import type { CurrencyFunds, FundsResponse } from '@contract/funds'
import type { Money } from '@contract/money'
import { testStores } from '../stores'

const NOW = new Date('2025-05-15T08:30:00Z')
const later = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000)
const minor = (money: Money): bigint => BigInt(money.amount.replace('.', ''))
const ZERO = BigInt(0)

type Figures = Record<string, bigint>

/** A currency's figures as minor units, keyed section.figure. */
function figuresOf(funds: CurrencyFunds): Figures {
  const out: Figures = {}
  for (const section of ['settleable', 'unsettled', 'transferred'] as const) {
    for (const [key, value] of Object.entries(funds[section])) out[`${section}.${key}`] = minor(value as Money)
  }
  return out
}

function byCurrency(response: FundsResponse): Record<string, Figures> {
  return Object.fromEntries(response.currencies.map((c) => [c.currency, figuresOf(c)]))
}

/** Half up, as the demo generator books a share of a transaction. */
function bookedShare(part: bigint, whole: bigint, booked: bigint): bigint {
  return whole === ZERO ? ZERO : (part * booked * BigInt(2) + whole) / (BigInt(2) * whole)
}

describe.each(testStores())('funds from the ledger on the $kind store', (store) => {
  let db: Db

  beforeAll(async () => {
    db = await store.open()
    await migrate(db)
    await loadDemoData(db, { size: 1_500, secondSize: 200, now: NOW, seed: 5 })
  }, 120_000)
  afterAll(() => store.cleanup())

  /** Every figure recomputed from the rows, one entry at a time. */
  async function fromRows(account: string): Promise<Record<string, Figures>> {
    const txns = await db.query<{
      currency: string
      amount: string
      booked: string
      refunded: string
      fee: string
      deposit: string
      funds_state: string | null
      deposit_state: string | null
    }>(
      `select trim(t.booking_currency) as currency, t.amount_minor::text as amount, t.booking_amount_minor::text as booked,
         t.refunded_minor::text as refunded, t.fee_minor::text as fee, t.deposit_minor::text as deposit,
         fb.status as funds_state, db.status as deposit_state
       from transactions t
         left join settlement_batches fb on fb.batch_no = t.funds_batch_no
         left join settlement_batches db on db.batch_no = t.deposit_batch_no
       where t.account = $1 and t.status = 'success' and (t.txn_type = 'sale' or t.auth_status = 'captured')`,
      [account],
    )
    const chargebacks = await db.query<{ currency: string; part: string; amount: string; booked: string; state: string | null }>(
      `select trim(t.booking_currency) as currency, c.amount_minor::text as part, t.amount_minor::text as amount,
         t.booking_amount_minor::text as booked,
         (select b.status from settlement_batches b where b.account = c.account and b.batch_type = 'transaction'
            and b.currency = t.booking_currency and c.opened_at >= b.period_start and c.opened_at < b.period_end) as state
       from order_cases c join transactions t on t.payment_id = c.payment_id
       where c.account = $1 and c.kind = 'chargeback'`,
      [account],
    )
    const out: Record<string, Figures> = {}
    const add = (currency: string, key: string, value: bigint) => {
      const figures = (out[currency] ??= {})
      figures[key] = (figures[key] ?? ZERO) + value
    }
    const entry = (currency: string, funds: bigint, after: bigint, state: string | null) => {
      if (state === 'pending') {
        add(currency, 'settleable.transaction', funds)
        add(currency, 'settleable.afterFees', after)
      }
      if (state === 'transferred') add(currency, 'transferred.transaction', after)
      else {
        add(currency, 'unsettled.transaction', funds)
        add(currency, 'unsettled.afterFeesAndDeposit', after)
      }
    }
    for (const t of txns.rows) {
      const funds = BigInt(t.booked) - bookedShare(BigInt(t.refunded), BigInt(t.amount), BigInt(t.booked))
      entry(t.currency, funds, funds - BigInt(t.fee) - BigInt(t.deposit), t.funds_state)
      const deposit = BigInt(t.deposit)
      if (t.deposit_state === 'pending') add(t.currency, 'settleable.deposit', deposit)
      if (t.deposit_state === 'transferred') add(t.currency, 'transferred.deposit', deposit)
      else add(t.currency, 'unsettled.deposit', deposit)
    }
    for (const c of chargebacks.rows) {
      const booked = bookedShare(BigInt(c.part), BigInt(c.amount), BigInt(c.booked))
      entry(c.currency, -booked, -booked, c.state)
    }
    for (const figures of Object.values(out)) {
      figures['unsettled.total'] = (figures['unsettled.afterFeesAndDeposit'] ?? ZERO) + (figures['unsettled.deposit'] ?? ZERO)
      figures['transferred.total'] = (figures['transferred.transaction'] ?? ZERO) + (figures['transferred.deposit'] ?? ZERO)
    }
    return out
  }

  /** The response's figures with zeros left out, comparable with fromRows. */
  function nonZero(response: FundsResponse): Record<string, Figures> {
    const out: Record<string, Figures> = {}
    for (const [currency, figures] of Object.entries(byCurrency(response))) {
      const kept = Object.fromEntries(Object.entries(figures).filter(([, v]) => v !== ZERO))
      if (Object.keys(kept).length > 0) out[currency] = kept
    }
    return out
  }
  const withoutZeros = (figures: Record<string, Figures>) =>
    Object.fromEntries(
      Object.entries(figures)
        .map(([c, f]) => [c, Object.fromEntries(Object.entries(f).filter(([, v]) => v !== ZERO))] as const)
        .filter(([, f]) => Object.keys(f).length > 0),
    )

  it('serves, as loaded, every figure the rows give, for both merchants', async () => {
    for (const account of ['140105', '150207']) {
      const funds = await getFunds(db, account, NOW)
      expect(funds.asOf).toBe('2025-05-15T16:30:00+08:00')
      expect(nonZero(funds)).toEqual(withoutZeros(await fromRows(account)))
      for (const c of funds.currencies) expect(c.settlementMethod).toBe('weekly-t7')
    }
  })

  it('gives the same figures 30 minutes later when nothing happened (the recomputation continues the load)', async () => {
    const first = await getFunds(db, '140105', NOW)
    const second = await getFunds(db, '140105', later(NOW, 31))
    expect(second.asOf).not.toBe(first.asOf)
    expect(byCurrency(second)).toEqual(byCurrency(first))
    expect(second.currencies.map((c) => c.period)).toEqual(first.currencies.map((c) => c.period))
  })

  it('moves two snapshots 30 minutes apart by exactly a new sale, a chargeback and a batch transferred in between', async () => {
    const t0 = later(NOW, 31)
    const before = byCurrency(await getFunds(db, '140105', t0))
    // A SEK sale (not in any batch yet), copied from an existing one.
    const { rows: sales } = await db.query<{ payment_id: string; booked: string; fee: string; deposit: string }>(
      `select payment_id, booking_amount_minor::text as booked, fee_minor::text as fee, deposit_minor::text as deposit
       from transactions where account = '140105' and booking_currency = 'SEK' and status = 'success'
         and txn_type = 'sale' and refunded_minor = 0 and fee_minor > 0 and deposit_minor > 0 limit 1`,
    )
    const sale = sales[0]!
    await db.query(
      `insert into transactions (payment_id, account, terminal, order_number, payment_time, txn_type, status,
         payment_method, card_brand, card_country, card_masked, currency, amount_minor, booking_currency,
         booking_amount_minor, fee_minor, deposit_minor, website)
       select 'TEST-NEW-SALE', account, terminal, order_number || '-new', $2, txn_type, status, payment_method,
         card_brand, card_country, card_masked, currency, amount_minor, booking_currency, booking_amount_minor,
         fee_minor, deposit_minor, website
       from transactions where payment_id = $1`,
      [sale.payment_id, later(t0, 10)],
    )
    // A chargeback on that sale, opened this week (its batch does not exist yet: unsettled).
    await db.query(
      `insert into order_cases (account, payment_id, kind, currency, amount_minor, opened_at, source, external_id)
       select account, payment_id, 'chargeback', currency, amount_minor, $2, 'notification', 'test-cb'
       from transactions where payment_id = $1`,
      ['TEST-NEW-SALE', later(t0, 20)],
    )
    // The pending USD transaction batch is transferred.
    const { rows: pending } = await db.query<{ batch_no: string; net: string }>(
      `select batch_no, net_minor::text as net from settlement_batches
       where account = '140105' and batch_type = 'transaction' and currency = 'USD' and status = 'pending'`,
    )
    const usdBatch = pending[0]!
    const cut = later(t0, 25)
    await db.query(`update settlement_batches set status = 'transferred', settled_at = $2 where batch_no = $1`, [usdBatch.batch_no, cut])
    await db.query(`update transactions set funds_status = 'settled', settlement_time = $2 where funds_batch_no = $1`, [
      usdBatch.batch_no,
      cut,
    ])

    const after = byCurrency(await getFunds(db, '140105', later(t0, 30 + 1)))
    const booked = BigInt(sale.booked)
    const fee = BigInt(sale.fee)
    const deposit = BigInt(sale.deposit)
    const sek = before.SEK!
    expect(after.SEK).toEqual({
      ...sek,
      // + the sale − its chargeback (the whole amount: same booked share) = 0 to the transaction funds
      'unsettled.transaction': sek['unsettled.transaction']! + booked - booked,
      'unsettled.afterFeesAndDeposit': sek['unsettled.afterFeesAndDeposit']! + booked - fee - deposit - booked,
      'unsettled.deposit': sek['unsettled.deposit']! + deposit,
      'unsettled.total': sek['unsettled.total']! + booked - fee - deposit - booked + deposit,
    })
    const usd = before.USD!
    const net = BigInt(usdBatch.net)
    expect(after.USD).toEqual({
      ...usd,
      'settleable.transaction': ZERO,
      'settleable.afterFees': ZERO,
      'unsettled.transaction': usd['unsettled.transaction']! - usd['settleable.transaction']!,
      'unsettled.afterFeesAndDeposit': usd['unsettled.afterFeesAndDeposit']! - net,
      'unsettled.total': usd['unsettled.total']! - net,
      'transferred.transaction': usd['transferred.transaction']! + net,
      'transferred.total': usd['transferred.total']! + net,
    })
    for (const currency of Object.keys(before).filter((c) => c !== 'SEK' && c !== 'USD')) {
      expect(after[currency]).toEqual(before[currency])
    }
    // And the new snapshot is still what the rows give.
    expect(nonZero(await getFunds(db, '140105', later(t0, 31)))).toEqual(withoutZeros(await fromRows('140105')))
  })

  it('serves a snapshot younger than 30 minutes as it is', async () => {
    const base = later(NOW, 200)
    const first = await getFunds(db, '150207', base)
    const again = await getFunds(db, '150207', new Date(base.getTime() + MAX_FUNDS_AGE_MS - 1_000))
    expect(again.asOf).toBe(first.asOf)
  })
})
