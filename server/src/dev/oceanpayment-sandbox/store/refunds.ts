/** Refunds in the sandbox: requested as pending, decided later (success, or failure when the balance is short). */
import type { Queryable } from '../../../db'

export type RefundStatus = 'pending' | 'success' | 'failure'

export interface SandboxRefund {
  refundId: string
  paymentId: string
  terminal: string
  refundNumber: string | null
  refundReference: string | null
  refundType: 1 | 2
  amountMinor: bigint
  currency: string
  description: string
  status: RefundStatus
  details: string
  requestedAt: Date
  settleAt: Date
  settledAt: Date | null
}

/** A refund with its payment's merchant order number, as the refund query answers. */
export interface RefundView extends SandboxRefund {
  orderNumber: string
}

interface RefundRow {
  refund_id: string
  payment_id: string
  terminal: string
  refund_number: string | null
  refund_reference: string | null
  refund_type: number
  amount_minor: string
  currency: string
  description: string
  status: RefundStatus
  details: string
  requested_at: Date
  settle_at: Date
  settled_at: Date | null
  order_number: string
}

const COLUMNS = `r.refund_id, r.payment_id, r.terminal, r.refund_number, r.refund_reference, r.refund_type,
  r.amount_minor::text as amount_minor, r.currency, r.description, r.status, r.details, r.requested_at, r.settle_at,
  r.settled_at, o.order_number`

function toRefund(row: RefundRow): RefundView {
  return {
    refundId: row.refund_id,
    paymentId: row.payment_id,
    terminal: row.terminal,
    refundNumber: row.refund_number,
    refundReference: row.refund_reference,
    refundType: row.refund_type === 1 ? 1 : 2,
    amountMinor: BigInt(row.amount_minor),
    currency: row.currency,
    description: row.description,
    status: row.status,
    details: row.details,
    requestedAt: row.requested_at,
    settleAt: row.settle_at,
    settledAt: row.settled_at,
    orderNumber: row.order_number,
  }
}

/** @returns false when the refund ID or the terminal's refund number is already taken (nothing is written). */
export async function insertRefund(db: Queryable, refund: SandboxRefund): Promise<boolean> {
  const { rows } = await db.query<{ refund_id: string }>(
    `insert into sandbox_refunds (refund_id, payment_id, terminal, refund_number, refund_reference, refund_type,
       amount_minor, currency, description, status, details, requested_at, settle_at, settled_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     on conflict do nothing
     returning refund_id`,
    [
      refund.refundId,
      refund.paymentId,
      refund.terminal,
      refund.refundNumber,
      refund.refundReference,
      refund.refundType,
      refund.amountMinor.toString(),
      refund.currency,
      refund.description,
      refund.status,
      refund.details,
      refund.requestedAt,
      refund.settleAt,
      refund.settledAt,
    ],
  )
  return rows.length > 0
}

export async function findRefund(
  db: Queryable,
  terminal: string,
  key: { refundId: string } | { refundNumber: string },
): Promise<RefundView | undefined> {
  const [column, value] = 'refundId' in key ? ['refund_id', key.refundId] : ['refund_number', key.refundNumber]
  const { rows } = await db.query<RefundRow>(
    `select ${COLUMNS} from sandbox_refunds r join sandbox_orders o on o.payment_id = r.payment_id
     where r.terminal = $1 and r.${column} = $2`,
    [terminal, value],
  )
  return rows[0] && toRefund(rows[0])
}

/**
 * Pending refunds whose time has come, locked for this transaction; SKIP LOCKED lets two server processes
 * settle different refunds at once instead of one waiting for the other.
 */
/**
 * `wait`: block on refunds another transaction is deciding (the answer path: once that one commits they are no
 * longer pending and drop out, so the answer reflects the decision instead of racing past it); otherwise skip
 * them (the background tick: whoever holds them is deciding them already).
 */
export async function lockDueRefunds(db: Queryable, now: Date, limit: number, wait = false): Promise<RefundView[]> {
  const { rows } = await db.query<RefundRow>(
    `select ${COLUMNS} from sandbox_refunds r join sandbox_orders o on o.payment_id = r.payment_id
     where r.refund_id in (select refund_id from sandbox_refunds where status = 'pending' and settle_at <= $1
                           order by settle_at, refund_id limit $2 for update${wait ? '' : ' skip locked'})
     order by r.settle_at, r.refund_id`,
    [now, limit],
  )
  return rows.map(toRefund)
}

export async function finishRefund(
  db: Queryable,
  refundId: string,
  outcome: { status: 'success' | 'failure'; details: string; at: Date },
): Promise<void> {
  await db.query(
    `update sandbox_refunds set status = $2, details = $3, settled_at = $4 where refund_id = $1 and status = 'pending'`,
    [refundId, outcome.status, outcome.details, outcome.at],
  )
}

/**
 * Takes money from a merchant account's balance if there is enough. An account with no balance recorded in the
 * currency has none.
 * @returns whether the money was taken
 */
export async function debitBalance(db: Queryable, account: string, currency: string, minor: bigint): Promise<boolean> {
  const { rows } = await db.query<{ account: string }>(
    `update sandbox_balances set available_minor = available_minor - $3
     where account = $1 and currency = $2 and available_minor >= $3 returning account`,
    [account, currency, minor.toString()],
  )
  return rows.length > 0
}
