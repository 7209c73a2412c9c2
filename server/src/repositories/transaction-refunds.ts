/**
 * The one place that adds a refund to transactions.refunded_minor. Keyed by Oceanpayment's refund_id
 * (0013 transaction_refunds): a refund notice (webhook or gap fill) and a Refund Query answer of the action
 * reconciler for the same refund add it once, whichever comes first.
 */
import type { Queryable } from '../db'

export type RefundSource = 'notice' | 'query' | 'action'

export interface RefundToAdd {
  account: string
  paymentId: string
  refundId: string
  /** The amount in the payment's currency; `full` for a full refund whose amount was not stated. */
  amount: { full: true } | { full: false; minor: bigint }
  source: RefundSource
}

/**
 * Adds the refund unless its refund_id was added before; never beyond the payment's amount. Call inside the
 * caller's transaction. @returns false when the refund was already counted (or the payment is unknown).
 */
export async function addRefund(db: Queryable, refund: RefundToAdd): Promise<boolean> {
  const full = refund.amount.full
  const minor = refund.amount.full ? null : refund.amount.minor.toString()
  const { rows } = await db.query(
    `insert into transaction_refunds (account, refund_id, payment_id, amount_minor, source) values ($1, $2, $3, $4, $5)
     on conflict (account, refund_id) do nothing returning refund_id`,
    [refund.account, refund.refundId, refund.paymentId, minor, refund.source],
  )
  if (rows.length === 0) return false
  const updated = await db.query(
    `update transactions
        set refunded_minor = least(amount_minor, case when $3 then amount_minor else refunded_minor + $4::bigint end),
            refund_status = case
              when least(amount_minor, case when $3 then amount_minor else refunded_minor + $4::bigint end) >= amount_minor
              then 'full' else 'partial' end,
            updated_at = now()
      where payment_id = $1 and account = $2
      returning payment_id`,
    [refund.paymentId, refund.account, full, minor ?? '0'],
  )
  return updated.rows.length > 0
}
