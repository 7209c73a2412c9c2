/**
 * A batch reconciles: for every batch of the demo data, the rows the batch detail lists (all pages) are in the
 * batch currency, are exactly the batch's transactions, chargebacks and released reserve found by a direct scan of
 * the tables, and add up to each of the batch's figures (交易金额 − 手续费 − 退款 − 拒付 − 保证金 = 划款金额).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { loadDemoData } from '../../../server/src/dev/demo/load-demo-data'
import { getSettlement, listSettlementRows } from '../../../server/src/services/settlements'
import type { SettlementDetail, SettlementRow } from '@contract/settlements'
import type { Money } from '@contract/money'
import { testStores } from '../stores'

const NOW = new Date('2025-05-15T08:30:00Z')
const FIGURES = ['gross', 'fee', 'refund', 'chargeback', 'deposit', 'net'] as const

/** "-12.34" → -1234n (the wire's decimal strings, no floating point). */
const minor = (money: Money): bigint => BigInt(money.amount.replace('.', ''))

describe.each(testStores())('settlement batch rows on the $kind store', (store) => {
  let db: Db

  beforeAll(async () => {
    db = await store.open()
    await migrate(db)
    await loadDemoData(db, { size: 1_500, secondSize: 200, now: NOW, seed: 3 })
  }, 120_000)
  afterAll(() => store.cleanup())

  async function allRows(account: string, batchNo: string): Promise<{ detail: SettlementDetail; rows: SettlementRow[] }> {
    const detail = await getSettlement(db, account, batchNo)
    const rows = [...detail.rows.items]
    let cursor = detail.rows.nextCursor
    while (cursor !== null) {
      const page = await listSettlementRows(db, account, batchNo, { cursor, limit: 100 })
      rows.push(...page.items)
      cursor = page.nextCursor
    }
    return { detail, rows }
  }

  it('makes every batch the sum of its rows, in the batch currency, and the rows those a scan finds', async () => {
    const { rows: batches } = await db.query<{ account: string; batch_no: string }>(
      'select account, batch_no from settlement_batches order by account, batch_no',
    )
    expect(batches.length).toBeGreaterThan(100)
    let chargebackRows = 0
    for (const { account, batch_no: batchNo } of batches) {
      const { detail, rows } = await allRows(account, batchNo)
      expect(rows.length).toBe(detail.rows.total?.count)
      // Newest first across pages, no row twice.
      const keys = rows.map((row) => `${row.time}|${row.kind}:${row.paymentId}`)
      expect(new Set(keys).size).toBe(keys.length)
      const times = rows.map((row) => Date.parse(row.time))
      expect(times).toEqual([...times].sort((a, b) => b - a))
      for (const row of rows) for (const figure of FIGURES) expect(row[figure].currency).toBe(detail.currency)
      for (const figure of FIGURES) {
        const sum = rows.reduce((total, row) => total + minor(row[figure]), BigInt(0))
        expect({ batchNo, figure, amount: sum }).toEqual({ batchNo, figure, amount: minor(detail[figure]) })
      }
      const type = detail.batchType
      expect(minor(detail.net)).toBe(
        type === 'deposit'
          ? minor(detail.deposit)
          : minor(detail.gross) - minor(detail.fee) - minor(detail.refund) - minor(detail.chargeback) - minor(detail.deposit),
      )
      expect(rows.filter((row) => row.kind !== 'chargeback').length).toBe(detail.txnCount)

      // The same rows, by a scan written independently of the repository's query.
      const scan = await db.query<{ id: string }>(
        `select 'transaction:' || payment_id as id from transactions where account = $1 and funds_batch_no = $2
         union all select 'deposit:' || payment_id from transactions where account = $1 and deposit_batch_no = $2
         union all select 'chargeback:' || c.payment_id from order_cases c
           join transactions t on t.payment_id = c.payment_id
           join settlement_batches b on b.batch_no = $2 and b.batch_type = 'transaction' and b.currency = t.booking_currency
             and c.opened_at >= b.period_start and c.opened_at < b.period_end
           where c.account = $1 and c.kind = 'chargeback'`,
        [account, batchNo],
      )
      expect(rows.map((row) => `${row.kind}:${row.paymentId}`).sort()).toEqual(scan.rows.map((row) => row.id).sort())
      chargebackRows += rows.filter((row) => row.kind === 'chargeback').length
    }
    expect(chargebackRows).toBeGreaterThan(0)
  }, 300_000)

  it('lists a foreign-currency transaction at its booked amount, its own amount kept as secondary', async () => {
    const { rows } = await db.query<{ batch_no: string; payment_id: string; booking_amount_minor: string; currency: string }>(
      `select funds_batch_no as batch_no, payment_id, booking_amount_minor::text, trim(currency) as currency
       from transactions where account = '140105' and funds_batch_no is not null and currency <> booking_currency
       and booking_currency = 'USD' limit 1`,
    )
    const foreign = rows[0]!
    const { rows: lines } = await allRows('140105', foreign.batch_no)
    const line = lines.find((row) => row.kind === 'transaction' && row.paymentId === foreign.payment_id)!
    expect(line.gross.currency).toBe('USD')
    expect(minor(line.gross)).toBe(BigInt(foreign.booking_amount_minor))
    expect(line.transactionAmount.currency).toBe(foreign.currency)
  })

  it("refuses another merchant's batch and a cursor of another batch", async () => {
    const { rows } = await db.query<{ batch_no: string; account: string }>(
      `select batch_no, account from settlement_batches where batch_type = 'transaction' order by txn_count desc limit 2`,
    )
    const [a, b] = rows as [{ batch_no: string; account: string }, { batch_no: string; account: string }]
    const other = a.account === '140105' ? '150207' : '140105'
    await expect(getSettlement(db, other, a.batch_no)).rejects.toMatchObject({ statusCode: 404 })
    const first = await listSettlementRows(db, a.account, a.batch_no, { limit: 1 })
    expect(first.nextCursor).not.toBeNull()
    await expect(listSettlementRows(db, b.account, b.batch_no, { cursor: first.nextCursor!, limit: 1 })).rejects.toMatchObject({
      statusCode: 400,
    })
  })
})
