/** Cases as the transactions list and detail show them (contract TransactionCase). */
import type { Queryable } from '../db'
import { money } from '../money'
import { casesRepository, type CaseRow } from '../repositories/cases'
import { toBeijingIso, toBeijingIsoOrNull } from '@contract/beijing-time'
import type { CaseKind, TransactionCase, TransactionListItem } from '@contract/transactions'

export function toTransactionCase(row: CaseRow): TransactionCase {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    reasonCode: row.reason_code,
    reason: row.reason,
    amount: money(row.currency, row.amount_minor),
    openedAt: toBeijingIso(row.opened_at),
    handledAt: toBeijingIsoOrNull(row.handled_at),
    deadlineAt: toBeijingIsoOrNull(row.deadline_at),
  }
}

export async function casesOfPayment(db: Queryable, merchantNo: string, paymentId: string): Promise<TransactionCase[]> {
  return (await casesRepository(db).ofPayment(merchantNo, paymentId)).map(toTransactionCase)
}

/**
 * A case list's rows (filter `case`) each with the open case that put it there, so the row shows the case rather
 * than a plain "成功". Other lists are returned as they are: `case` is present only on a case list.
 */
export async function withOpenCases(
  db: Queryable,
  merchantNo: string,
  kind: CaseKind | undefined,
  items: TransactionListItem[],
): Promise<TransactionListItem[]> {
  if (kind === undefined) return items
  const open = await casesRepository(db).openOfKind(merchantNo, kind, items.map((item) => item.paymentId))
  return items.map((item) => {
    const row = open.get(item.paymentId)
    return row === undefined ? item : { ...item, case: toTransactionCase(row) }
  })
}
