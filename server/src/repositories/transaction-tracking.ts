/**
 * The tracking half of a transaction (0005 transactions.tracking_number/tracking_site) as the tracking upload action
 * reads and writes it. The "tracking missing" filter reads `tracking_number is null` straight from the rows (the
 * day rollup of 0008/0009 has no tracking dimension), so storing the number here is all it takes for the count to
 * drop.
 */
import type { Queryable } from '../db'

/** What an action needs to know of a payment before acting on it. */
export interface ActionTarget {
  payment_id: string
  order_number: string
  terminal: string
  status: 'success' | 'failure' | 'pending'
}

export function transactionTrackingRepository(db: Queryable) {
  return {
    /** The merchant's payment; undefined for an unknown id or another merchant's (it does not exist for them). */
    async target(merchant: string, paymentId: string): Promise<ActionTarget | undefined> {
      const { rows } = await db.query<ActionTarget>(
        `select payment_id, order_number, terminal, status from transactions where account = $1 and payment_id = $2`,
        [merchant, paymentId],
      )
      return rows[0]
    },

    /** Re-upload overwrites, as Oceanpayment's does. */
    async set(merchant: string, paymentId: string, trackingNumber: string, trackingSite: string): Promise<void> {
      await db.query(
        `update transactions set tracking_number = $3, tracking_site = $4, updated_at = now()
          where account = $1 and payment_id = $2`,
        [merchant, paymentId, trackingNumber, trackingSite],
      )
    },
  }
}
