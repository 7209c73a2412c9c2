/** Every transaction filter against generated data; keyset paging; cursor and limit rules; detail scoping. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../server/src/db'
import { formatMinor } from '../../../server/src/money'
import type { TransactionRow } from '../../../server/src/repositories/transactions'
import { getTransaction, listTransactions } from '../../../server/src/services/transactions'
import type { TransactionListItem, TransactionsFilter } from '@contract/transactions'
import { testStores } from '../stores'
import { allTransactions, DEMO, OTHER, seededDb } from './fixture'
import { oneYearBack } from '../../../server/src/lib/time-range'

const now = new Date()

async function pageThrough(db: Db, filter: TransactionsFilter, limit = 100) {
  const first = await listTransactions(db, DEMO, { ...filter, limit }, { now })
  const items: TransactionListItem[] = [...first.items]
  let cursor = first.nextCursor
  while (cursor !== null) {
    const page = await listTransactions(db, DEMO, { ...filter, limit, cursor }, { now })
    expect(page.total).toBeUndefined()
    items.push(...page.items)
    cursor = page.nextCursor
  }
  return { total: first.total, items }
}

/**
 * 金额统计 by hand from the rows (docs/reconciliation.md): the rows of the summed status — successful ones unless
 * the filter selects a status — added up per transaction currency, or per booking currency with their booked
 * amounts when the filter has a batch number or a booking currency.
 */
function totalsOf(rows: TransactionRow[], filter: TransactionsFilter): Record<string, string> {
  const status = filter.status ?? 'success'
  const booking = filter.batchNo !== undefined || filter.bookingCurrency !== undefined
  const sums = new Map<string, bigint>()
  for (const row of rows.filter((r) => r.status === status)) {
    const currency = (booking ? row.booking_currency : row.currency).trim()
    const minor = BigInt(booking ? row.booking_amount_minor : row.amount_minor)
    sums.set(currency, (sums.get(currency) ?? BigInt(0)) + minor)
  }
  return Object.fromEntries([...sums].map(([currency, minor]) => [currency, formatMinor(minor, currency)]))
}

describe.each(testStores())('transactions on the $kind store', (store) => {
  let db: Db
  let rows: TransactionRow[]
  let openCases: Map<string, Set<string>>

  beforeAll(async () => {
    db = await store.open()
    await seededDb(db, now)
    rows = await allTransactions(db, DEMO, now)
    const cases = await db.query<{ kind: string; payment_id: string }>(
      `select kind, payment_id from order_cases where account = $1 and status = 'open'`,
      [DEMO],
    )
    openCases = new Map()
    for (const c of cases.rows) openCases.set(c.kind, (openCases.get(c.kind) ?? new Set()).add(c.payment_id))
  }, 120_000)
  afterAll(() => store.cleanup())

  const someBatch = () => rows.find((r) => r.funds_batch_no !== null)?.funds_batch_no ?? 'none'
  const someUsdBatch = () => rows.find((r) => r.funds_batch_no !== null && r.booking_currency.trim() === 'USD')?.funds_batch_no ?? 'none'
  const someOrder = () => rows[17].order_number
  const cases: Array<[string, () => TransactionsFilter, (r: TransactionRow) => boolean]> = [
    ['q (order number)', () => ({ q: someOrder() }), (r) => r.order_number === someOrder() || r.payment_id === someOrder()],
    ['q (payment id)', () => ({ q: rows[3].payment_id }), (r) => r.payment_id === rows[3].payment_id],
    ['batchNo', () => ({ batchNo: someBatch() }), (r) => r.funds_batch_no === someBatch() || r.deposit_batch_no === someBatch()],
    ['currency', () => ({ currency: 'JPY' }), (r) => r.currency.trim() === 'JPY'],
    ['bookingCurrency', () => ({ bookingCurrency: 'USD' }), (r) => r.booking_currency.trim() === 'USD'],
    ['txnType', () => ({ txnType: 'authorization' }), (r) => r.txn_type === 'authorization'],
    ['cardBrand', () => ({ cardBrand: 'MasterCard' }), (r) => r.card_brand === 'MasterCard'],
    ['tracking uploaded', () => ({ tracking: 'uploaded' }), (r) => r.tracking_number !== null],
    ['tracking missing', () => ({ tracking: 'missing' }), (r) => r.tracking_number === null],
    ['delivery', () => ({ delivery: 'delivered' }), (r) => r.delivery_status === 'delivered'],
    ['fundsStatus', () => ({ fundsStatus: 'settled' }), (r) => r.funds_status === 'settled'],
    ['depositStatus', () => ({ depositStatus: 'unsettled' }), (r) => r.deposit_status === 'unsettled'],
    ['terminal', () => ({ terminal: '14010501' }), (r) => r.terminal === '14010501'],
    ['status', () => ({ status: 'failure' }), (r) => r.status === 'failure'],
    ['authStatus', () => ({ authStatus: 'pending' }), (r) => r.auth_status === 'pending'],
    ['case chargeback', () => ({ case: 'chargeback' }), (r) => openCases.get('chargeback')?.has(r.payment_id) === true],
    ['case retrieval', () => ({ case: 'retrieval' }), (r) => openCases.get('retrieval')?.has(r.payment_id) === true],
    [
      'from/to (payment time)',
      () => ({ from: new Date(now.getTime() - 30 * 86400e3).toISOString(), to: new Date(now.getTime() - 10 * 86400e3).toISOString() }),
      (r) => r.payment_time.getTime() >= now.getTime() - 30 * 86400e3 && r.payment_time.getTime() <= now.getTime() - 10 * 86400e3,
    ],
    [
      'timeType settlement',
      () => ({ timeType: 'settlement', from: new Date(now.getTime() - 60 * 86400e3).toISOString() }),
      (r) => r.settlement_time !== null && r.settlement_time.getTime() >= now.getTime() - 60 * 86400e3 && r.settlement_time <= now,
    ],
    [
      'timeType booked',
      () => ({ timeType: 'booked', from: new Date(now.getTime() - 90 * 86400e3).toISOString() }),
      (r) => r.booked_at !== null && r.booked_at.getTime() >= now.getTime() - 90 * 86400e3 && r.booked_at <= now,
    ],
    [
      'batchNo + bookingCurrency (the settlement link)',
      () => ({ batchNo: someUsdBatch(), bookingCurrency: 'USD' }),
      (r) => (r.funds_batch_no === someUsdBatch() || r.deposit_batch_no === someUsdBatch()) && r.booking_currency.trim() === 'USD',
    ],
    [
      'combined currency + status + terminal',
      () => ({ currency: 'USD', status: 'success', terminal: '14010588' }),
      (r) => r.currency.trim() === 'USD' && r.status === 'success' && r.terminal === '14010588',
    ],
  ]

  it.each(cases)('filter %s narrows exactly, and count/totals equal the rows', async (_name, filter, matches) => {
    const { total, items } = await pageThrough(db, filter())
    const matching = rows.filter(matches)
    const expected = matching.map((r) => r.payment_id).sort()
    // Guard against a vacuous pass: the generated data must hold matches for each filter.
    expect(expected.length).toBeGreaterThan(0)
    expect(items.map((i) => i.paymentId).sort()).toEqual(expected)
    expect(total?.count).toBe(items.length)
    const reported = Object.fromEntries((total?.amounts ?? []).map((m) => [m.currency, m.amount]))
    expect(reported).toEqual(totalsOf(matching, filter()))
  })

  it('pages newest first without duplicates or gaps, stable under ties', async () => {
    // Five transactions sharing one payment time: only payment_id orders them.
    const tie = new Date(now.getTime() - 3600e3)
    for (let i = 0; i < 5; i++) {
      await db.query(
        `insert into transactions (payment_id, account, terminal, order_number, payment_time, txn_type, status, payment_method,
           currency, amount_minor, booking_currency, booking_amount_minor)
         values ($1, $2, '14010588', $3, $4, 'sale', 'success', 'Credit Card', 'EUR', 100, 'EUR', 100)`,
        [`TIE-${i}`, DEMO, `tie-order-${i}`, tie],
      )
    }
    const all = await allTransactions(db, DEMO, now)
    for (const limit of [1, 3, 7]) {
      const { items } = await pageThrough(db, { currency: 'EUR' }, limit)
      const ids = items.map((i) => i.paymentId)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids.length).toBe(all.filter((r) => r.currency.trim() === 'EUR').length)
      const times = items.map((i) => i.paymentTime)
      expect([...times].sort().reverse()).toEqual(times)
    }
  })

  it('rejects a bad cursor, a cursor of another filter, bad limits and a foreign terminal', async () => {
    const first = await listTransactions(db, DEMO, { currency: 'USD', limit: 5 }, { now })
    expect(first.nextCursor).not.toBeNull()
    const cursor = first.nextCursor as string
    await expect(listTransactions(db, DEMO, { currency: 'EUR', cursor }, { now })).rejects.toThrow(/^cursor:/)
    await expect(listTransactions(db, OTHER, { currency: 'USD', cursor }, { now })).rejects.toThrow(/^cursor:/)
    await expect(listTransactions(db, DEMO, { currency: 'USD', cursor: 'garbage' }, { now })).rejects.toThrow(/^cursor:/)
    // The limit may change between pages; the filter may not.
    const next = await listTransactions(db, DEMO, { currency: 'USD', cursor, limit: 50 }, { now })
    expect(next.items[0].paymentId).not.toBe(first.items[4].paymentId)
    await expect(listTransactions(db, DEMO, { limit: 0 }, { now })).rejects.toThrow(/^limit:/)
    await expect(listTransactions(db, DEMO, { limit: 101 }, { now })).rejects.toThrow(/^limit:/)
    await expect(listTransactions(db, DEMO, { terminal: '15020701' }, { now })).rejects.toThrow(/^terminal:/)
  })

  it('shows a transaction with its cases, and none of another merchant', async () => {
    const withCase = [...(openCases.get('chargeback') ?? [])][0]
    const detail = await getTransaction(db, DEMO, withCase)
    expect(detail.paymentId).toBe(withCase)
    expect(detail.cases.some((c) => c.kind === 'chargeback' && c.status === 'open')).toBe(true)
    expect(detail.paymentTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
    const other = await db.query<{ payment_id: string }>('select payment_id from transactions where account = $1 limit 1', [OTHER])
    await expect(getTransaction(db, DEMO, other.rows[0].payment_id)).rejects.toMatchObject({ statusCode: 404 })
  })

  describe('an ID or batch number searches the whole allowed year (issue 11 item 1)', () => {
    const lastWeek = () => ({ from: new Date(now.getTime() - 7 * 86400e3).toISOString(), to: now.toISOString() })
    const old = () => rows.find((r) => r.payment_time.getTime() < now.getTime() - 40 * 86400e3 && r.status === 'failure')!

    it('finds an order number or payment ID outside the shown days, in any case, spaces ignored', async () => {
      const row = old()
      for (const q of [row.order_number, `  ${row.order_number.toLowerCase()} `, row.payment_id, ` ${row.payment_id}\t`]) {
        const { total, items } = await pageThrough(db, { ...lastWeek(), q })
        expect(items.map((i) => i.paymentId), q).toEqual([row.payment_id])
        expect(total?.count).toBe(1)
      }
      // Other filters still apply: the range alone is replaced.
      expect((await pageThrough(db, { ...lastWeek(), q: row.order_number, status: 'success' })).items).toEqual([])
      expect((await pageThrough(db, { ...lastWeek(), q: row.order_number, timeType: 'settlement' })).items).toHaveLength(1)
    })

    it('finds every row of a batch outside the shown days; its 金额统计 is the batch\'s 交易金额', async () => {
      const { rows: batches } = await db.query<{ batch_no: string; currency: string; gross_minor: string; txn_count: number }>(
        `select batch_no, currency, gross_minor::text, txn_count from settlement_batches
          where account = $1 and batch_type = 'transaction' and txn_count > 0 and created_at < $2
          order by created_at limit 3`,
        [DEMO, new Date(now.getTime() - 30 * 86400e3)],
      )
      expect(batches.length).toBeGreaterThan(0)
      for (const batch of batches) {
        const currency = batch.currency.trim()
        const expected = rows.filter((r) => r.funds_batch_no === batch.batch_no).map((r) => r.payment_id).sort()
        const filter: TransactionsFilter = { ...lastWeek(), batchNo: ` ${batch.batch_no.toLowerCase()} `, bookingCurrency: currency as 'USD' }
        const { total, items } = await pageThrough(db, filter)
        expect(items.map((i) => i.paymentId).sort()).toEqual(expected)
        expect(total?.count).toBe(batch.txn_count)
        expect(total?.basis).toEqual({ status: 'success', amount: 'booking' })
        expect(total?.amounts).toEqual([{ currency, amount: formatMinor(batch.gross_minor, currency) }])
      }
    })

    it('keeps a non-ID list in its range', async () => {
      const row = old()
      const { items } = await pageThrough(db, { ...lastWeek(), terminal: row.terminal })
      expect(items.some((i) => i.paymentId === row.payment_id)).toBe(false)
    })
  })

  describe('金额统计 sums successful payments unless the status filter says otherwise (issue 11 item 2)', () => {
    it('counts a failed payment but does not add it up', async () => {
      const failed = rows.find((r) => r.status === 'failure')!
      const page = await listTransactions(db, DEMO, { q: failed.order_number }, { now })
      expect(page.total).toEqual({ count: 1, amounts: [], basis: { status: 'success', amount: 'transaction' } })
      const onlyFailed = await listTransactions(db, DEMO, { q: failed.order_number, status: 'failure' }, { now })
      expect(onlyFailed.total).toEqual({
        count: 1,
        amounts: [{ currency: failed.currency.trim(), amount: formatMinor(failed.amount_minor, failed.currency.trim()) }],
        basis: { status: 'failure', amount: 'transaction' },
      })
    })

    it('the default list counts every status and sums the successful ones, as a direct scan does', async () => {
      const page = await listTransactions(db, DEMO, { limit: 1 }, { now })
      const { rows: scanned } = await db.query<{ currency: string; all: string; n: string; a: string }>(
        `select currency, count(*)::text as all, count(*) filter (where status = 'success')::text as n,
                coalesce(sum(amount_minor) filter (where status = 'success'), 0)::text as a
           from transactions where account = $1 and payment_time >= $2 and payment_time <= $3 group by currency`,
        [DEMO, oneYearBack(now), now],
      )
      expect(page.total?.count).toBe(scanned.reduce((sum, r) => sum + Number(r.all), 0))
      const reported = Object.fromEntries((page.total?.amounts ?? []).map((m) => [m.currency, m.amount]))
      expect(reported).toEqual(
        Object.fromEntries(scanned.filter((r) => r.n !== '0').map((r) => [r.currency.trim(), formatMinor(r.a, r.currency.trim())])),
      )
    })
  })

  describe('可退款金额 and 记账时间 on the detail (issue 11 items 6 and 16)', () => {
    it('deducts chargebacks and refunds from the refundable amount, never below zero', async () => {
      const { rows: charged } = await db.query<{ payment_id: string; expected: string; currency: string }>(
        `select t.payment_id, t.currency,
                greatest(0, t.amount_minor - t.refunded_minor - sum(c.amount_minor))::text as expected
           from transactions t join order_cases c on c.payment_id = t.payment_id and c.kind = 'chargeback'
          where t.account = $1 and t.status = 'success'
          group by t.payment_id`,
        [DEMO],
      )
      expect(charged.length).toBeGreaterThan(0)
      for (const row of charged) {
        const detail = await getTransaction(db, DEMO, row.payment_id)
        expect(detail.refundable, row.payment_id).toEqual({ currency: row.currency.trim(), amount: formatMinor(row.expected, row.currency.trim()) })
        expect(detail.refundable.amount).not.toBe(detail.amount.amount)
      }
    })

    it('shows the booking time of a booked payment and none for a failed one', async () => {
      const booked = rows.find((r) => r.booked_at !== null)!
      expect((await getTransaction(db, DEMO, booked.payment_id)).bookedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
      const failed = rows.find((r) => r.status === 'failure')!
      expect(failed.booked_at).toBeNull()
      expect((await getTransaction(db, DEMO, failed.payment_id)).bookedAt).toBeNull()
    })
  })
})
