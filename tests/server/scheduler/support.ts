/** Set-up of the scheduler tests: the notification tests' store (one merchant, terminal, payment) plus cases and payments at chosen times. */
import type { Db } from '../../../server/src/db'
import { listMessages } from '../../../server/src/services/messages'
import type { MessageItem } from '@contract/messages'
import { ACCOUNT, TERMINAL, preparedStore } from '../notifications/support'

export { ACCOUNT, preparedStore }

export const HOUR = 3_600_000
export const DAY = 24 * HOUR

let serial = 0

/** A payment of this merchant at `paidAt`. */
export async function addPaymentAt(
  db: Db,
  paidAt: Date,
  fields: { status?: 'success' | 'failure'; currency?: string; minor?: string; authPending?: boolean; cardBrand?: string } = {},
): Promise<string> {
  serial += 1
  const paymentId = `PAY-SCHED-${serial}`
  const currency = fields.currency ?? 'USD'
  const minor = fields.minor ?? '10000'
  await db.query(
    `insert into transactions (payment_id, account, terminal, order_number, payment_time, txn_type, status, auth_status,
       payment_method, card_brand, currency, amount_minor, booking_currency, booking_amount_minor)
     values ($1, $2, $3, $4, $5, $6, $7, $8, 'Credit Card', $9, $10, $11, $10, $11)`,
    [
      paymentId,
      ACCOUNT,
      TERMINAL,
      `ORDER-SCHED-${serial}`,
      paidAt,
      fields.authPending === true ? 'authorization' : 'sale',
      fields.status ?? 'success',
      fields.authPending === true ? 'pending' : null,
      fields.cardBrand ?? 'Visa',
      currency,
      minor,
    ],
  )
  return paymentId
}

/** A case on a new payment; returns the case id. */
export async function addCase(
  db: Db,
  fields: { kind: 'chargeback' | 'retrieval' | 'fraud' | 'dispute'; deadlineAt: Date | null; openedAt?: Date; status?: 'open' | 'handled' },
): Promise<{ caseId: string; paymentId: string }> {
  const openedAt = fields.openedAt ?? new Date(Date.UTC(2030, 0, 1))
  const paymentId = await addPaymentAt(db, new Date(openedAt.getTime() - 30 * DAY))
  const { rows } = await db.query<{ id: string }>(
    `insert into order_cases (account, payment_id, kind, status, reason_code, reason, currency, amount_minor, opened_at,
       source, external_id, deadline_at)
     values ($1, $2, $3, $4, '4837', 'No cardholder authorization', 'USD', 10000, $5, 'notification', $6, $7)
     returning id::text as id`,
    [ACCOUNT, paymentId, fields.kind, fields.status ?? 'open', openedAt, `EXT-${paymentId}`, fields.deadlineAt],
  )
  return { caseId: rows[0].id, paymentId }
}

/** The merchant's messages of a kind as a user of the merchant sees them (GET /api/messages), oldest first. */
export async function messagesOfKind(db: Db, kind: 'reminder' | 'summary'): Promise<MessageItem[]> {
  const page = await listMessages(db, { merchantNo: ACCOUNT, userId: 'reader' }, { kind, limit: 100 })
  return [...page.items].reverse()
}
