/** Every transaction filter against generated data; keyset paging; cursor and limit rules; detail scoping. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../server/src/db'
import { formatMinor } from '../../../server/src/money'
import type { TransactionRow } from '../../../server/src/repositories/transactions'
import { getTransaction, listTransactions } from '../../../server/src/services/transactions'
import type { TransactionListItem, TransactionsFilter } from '@contract/transactions'
import { testStores } from '../stores'
import { allTransactions, DEMO, OTHER, seededDb } from './fixture'

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

/** Sums per currency as decimal strings, the way the API reports them. */
function totalsOf(items: TransactionListItem[]): Record<string, string> {
  const sums = new Map<string, bigint>()
  for (const item of items) {
    const minor = BigInt(item.amount.amount.replace('.', ''))
    sums.set(item.amount.currency, (sums.get(item.amount.currency) ?? BigInt(0)) + minor)
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
      'combined currency + status + terminal',
      () => ({ currency: 'USD', status: 'success', terminal: '14010588' }),
      (r) => r.currency.trim() === 'USD' && r.status === 'success' && r.terminal === '14010588',
    ],
  ]

  it.each(cases)('filter %s narrows exactly, and count/totals equal the pages', async (_name, filter, matches) => {
    const { total, items } = await pageThrough(db, filter())
    const expected = rows.filter(matches).map((r) => r.payment_id).sort()
    // Guard against a vacuous pass: the generated data must hold matches for each filter.
    expect(expected.length).toBeGreaterThan(0)
    expect(items.map((i) => i.paymentId).sort()).toEqual(expected)
    expect(total?.count).toBe(items.length)
    const reported = Object.fromEntries((total?.amounts ?? []).map((m) => [m.currency, m.amount]))
    expect(reported).toEqual(totalsOf(items))
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
})
