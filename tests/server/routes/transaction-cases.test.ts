/**
 * Issue 11 item 7 and the messages part of 10/11 on generated data: a case list's rows carry the open case that put
 * them there (with its answer deadline), the detail's cases carry theirs, and messages carry facts (notices) or both
 * languages (announcements) — each compared with a direct scan of the tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../server/src/db'
import { formatMinor } from '../../../server/src/money'
import { listMessages } from '../../../server/src/services/messages'
import { getTransaction, listTransactions } from '../../../server/src/services/transactions'
import { toBeijingIso } from '@contract/beijing-time'
import { CASE_KINDS, type TransactionListItem } from '@contract/transactions'
import type { MessageItem } from '@contract/messages'
import { testStores } from '../stores'
import { DEMO, seededDb } from './fixture'

const now = new Date()

interface CaseScan {
  id: string
  payment_id: string
  kind: string
  currency: string
  amount_minor: string
  reason_code: string | null
  reason: string | null
  opened_at: Date
  deadline_at: Date | null
}

describe.each(testStores())('cases and messages on the $kind store', (store) => {
  let db: Db
  let open: CaseScan[]

  beforeAll(async () => {
    db = await store.open()
    await seededDb(db, now)
    open = (
      await db.query<CaseScan>(
        `select id::text as id, payment_id, kind, trim(currency) as currency, amount_minor::text as amount_minor,
           reason_code, reason, opened_at, deadline_at
         from order_cases where account = $1 and status = 'open'`,
        [DEMO],
      )
    ).rows
  }, 120_000)
  afterAll(() => store.cleanup())

  it('the demo data gives every case an answer deadline after it was opened', async () => {
    const { rows } = await db.query<{ n: number; without: number; before: number }>(
      `select count(*)::int as n, count(*) filter (where deadline_at is null)::int as without,
         count(*) filter (where deadline_at <= opened_at)::int as before from order_cases`,
    )
    expect(rows[0].n).toBeGreaterThan(0)
    expect(rows[0]).toMatchObject({ without: 0, before: 0 })
  })

  it.each(CASE_KINDS)('every row of the %s list shows the open case that put it there', async (kind) => {
    const items: TransactionListItem[] = []
    let cursor: string | null | undefined
    do {
      const page = await listTransactions(db, DEMO, { case: kind, limit: 100, ...(cursor ? { cursor } : {}) }, { now })
      items.push(...page.items)
      cursor = page.nextCursor
    } while (cursor !== null)
    expect(items.length).toBeGreaterThan(0)
    for (const item of items) {
      // The newest open case of the kind on that payment, straight from the table.
      const expected = open
        .filter((c) => c.kind === kind && c.payment_id === item.paymentId)
        .sort((a, b) => b.opened_at.getTime() - a.opened_at.getTime() || Number(b.id) - Number(a.id))[0]
      expect(expected, item.paymentId).toBeDefined()
      expect(item.case).toEqual({
        id: expected.id,
        kind,
        status: 'open',
        reasonCode: expected.reason_code,
        reason: expected.reason,
        amount: { currency: expected.currency, amount: formatMinor(BigInt(expected.amount_minor), expected.currency) },
        openedAt: toBeijingIso(expected.opened_at),
        handledAt: null,
        deadlineAt: expected.deadline_at === null ? null : toBeijingIso(expected.deadline_at),
      })
    }
  })

  it('a list that is not a case list has no case on its rows', async () => {
    const page = await listTransactions(db, DEMO, { limit: 50 }, { now })
    expect(page.items.length).toBeGreaterThan(0)
    expect(page.items.every((item) => !('case' in item))).toBe(true)
  })

  it('the detail carries each case with its deadline', async () => {
    const one = open[0]
    const detail = await getTransaction(db, DEMO, one.payment_id)
    const shown = detail.cases.find((c) => c.id === one.id)
    expect(shown?.deadlineAt).toBe(one.deadline_at === null ? null : toBeijingIso(one.deadline_at))
  })

  it('notice messages carry facts matching their case; announcements carry both languages', async () => {
    const items: MessageItem[] = []
    let cursor: string | null | undefined
    do {
      const page = await listMessages(db, { merchantNo: DEMO, userId: 'u-test' }, { limit: 100, ...(cursor ? { cursor } : {}) })
      items.push(...page.items)
      cursor = page.nextCursor
    } while (cursor !== null)
    const { rows: cases } = await db.query<CaseScan>(
      `select id::text as id, payment_id, kind, trim(currency) as currency, amount_minor::text as amount_minor,
         reason_code, reason, opened_at, deadline_at from order_cases where account = $1`,
      [DEMO],
    )
    const notices = items.filter((item) => item.kind !== 'announcement')
    expect(notices.length).toBeGreaterThan(0)
    for (const item of notices) {
      // No text in one language on the wire: the client words it.
      expect(item.title).toBeNull()
      const source = cases.find((c) => c.kind === item.kind && c.payment_id === item.paymentId)
      expect(source, item.id).toBeDefined()
      expect(item.amount).toEqual({ currency: source!.currency, amount: formatMinor(BigInt(source!.amount_minor), source!.currency) })
      expect([item.reasonCode, item.reason]).toEqual([source!.reason_code, source!.reason])
      expect(item.deadlineAt).toBe(toBeijingIso(source!.deadline_at!))
    }
    const announcements = items.filter((item) => item.kind === 'announcement')
    expect(announcements.length).toBeGreaterThan(0)
    for (const item of announcements) {
      expect(item.title?.['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
      expect(item.title?.['en-US']).not.toMatch(/[\u4e00-\u9fff]/)
    }
  })
})
