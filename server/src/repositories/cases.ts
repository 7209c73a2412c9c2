/**
 * SQL of the cases (order_cases: chargebacks, disputes, fraud reports, retrieval requests) shown with the
 * transactions: all of one payment's for its detail, and the open one of a kind for each row of a case list.
 */
import type { Queryable } from '../db'
import type { CaseKind } from '@contract/transactions'

export interface CaseRow {
  id: string
  payment_id: string
  kind: CaseKind
  status: 'open' | 'handled'
  reason_code: string | null
  reason: string | null
  currency: string
  amount_minor: string
  opened_at: Date
  handled_at: Date | null
  deadline_at: Date | null
}

const COLUMNS = `id::text as id, payment_id, kind, status, reason_code, reason, trim(currency) as currency,
  amount_minor::text as amount_minor, opened_at, handled_at, deadline_at`

export function casesRepository(db: Queryable) {
  return {
    /** Every case of the payment, newest first. */
    async ofPayment(account: string, paymentId: string): Promise<CaseRow[]> {
      const { rows } = await db.query<CaseRow>(
        `select ${COLUMNS} from order_cases where account = $1 and payment_id = $2 order by opened_at desc, id desc`,
        [account, paymentId],
      )
      return rows
    },

    /**
     * The newest open case of `kind` for each of `paymentIds` (one page of a case list: the list's filter is "has an
     * open case of this kind", so each row has one). Served by order_cases_open_idx.
     */
    async openOfKind(account: string, kind: CaseKind, paymentIds: readonly string[]): Promise<Map<string, CaseRow>> {
      if (paymentIds.length === 0) return new Map()
      const { rows } = await db.query<CaseRow>(
        `select distinct on (payment_id) ${COLUMNS} from order_cases
          where account = $1 and kind = $2 and status = 'open' and payment_id = any($3::text[])
          order by payment_id, opened_at desc, id desc`,
        [account, kind, paymentIds],
      )
      return new Map(rows.map((row) => [row.payment_id, row]))
    },
  }
}
