/**
 * The sandbox's outbox of business-order notifications. A row is written in the same transaction as the state
 * change it reports (a refund decided, a case raised), so a notice is never lost or sent for a change that rolled
 * back; the dispatcher then claims due rows, posts them, and records every attempt here.
 */
import type { Queryable } from '../../../db'

export type DeliveryState = 'pending' | 'delivered' | 'failed'

export interface SandboxNotification {
  notificationId: string
  terminal: string
  paymentId: string
  noticeType: string
  pushId: string
  url: string
  body: string
  state: DeliveryState
  attempts: number
  lastStatus: number | null
  lastError: string | null
  nextAttemptAt: Date | null
  createdAt: Date
  deliveredAt: Date | null
}

interface NotificationRow {
  notification_id: string
  terminal: string
  payment_id: string
  notice_type: string
  push_id: string
  url: string
  body: string
  state: DeliveryState
  attempts: number
  last_status: number | null
  last_error: string | null
  next_attempt_at: Date | null
  created_at: Date
  delivered_at: Date | null
}

function toNotification(row: NotificationRow): SandboxNotification {
  return {
    notificationId: row.notification_id,
    terminal: row.terminal,
    paymentId: row.payment_id,
    noticeType: row.notice_type,
    pushId: row.push_id,
    url: row.url,
    body: row.body,
    state: row.state,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  }
}

export async function enqueueNotification(
  db: Queryable,
  notice: { notificationId: string; terminal: string; paymentId: string; noticeType: string; pushId: string; url: string; body: string; at: Date },
): Promise<void> {
  await db.query(
    `insert into sandbox_notifications (notification_id, terminal, payment_id, notice_type, push_id, url, body, state,
       attempts, next_attempt_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, $8)`,
    [notice.notificationId, notice.terminal, notice.paymentId, notice.noticeType, notice.pushId, notice.url, notice.body, notice.at],
  )
}

/**
 * Claims up to `limit` due notifications by pushing their next attempt `leaseMs` into the future, so another
 * process (or an overlapping run) does not post the same one while this attempt is in flight. Short transaction:
 * the HTTP call happens outside it (on PGlite the receiver may need the same single connection).
 */
export async function claimDue(db: Queryable, now: Date, leaseUntil: Date, limit: number): Promise<SandboxNotification[]> {
  const { rows } = await db.query<NotificationRow>(
    `update sandbox_notifications set next_attempt_at = $2
     where notification_id in (select notification_id from sandbox_notifications
                               where state = 'pending' and next_attempt_at <= $1
                               order by next_attempt_at, notification_id limit $3 for update skip locked)
     returning *`,
    [now, leaseUntil, limit],
  )
  return rows.map(toNotification).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
}

export async function recordAttempt(
  db: Queryable,
  notificationId: string,
  attempt: { state: DeliveryState; status: number | null; error: string | null; nextAttemptAt: Date | null; at: Date },
): Promise<void> {
  await db.query(
    `update sandbox_notifications set attempts = attempts + 1, state = $2, last_status = $3, last_error = $4,
       next_attempt_at = $5, delivered_at = case when $2 = 'delivered' then $6::timestamptz else delivered_at end
     where notification_id = $1`,
    [notificationId, attempt.state, attempt.status, attempt.error, attempt.nextAttemptAt, attempt.at],
  )
}

export async function listNotifications(
  db: Queryable,
  filter: { paymentId?: string } = {},
): Promise<SandboxNotification[]> {
  const { rows } = await db.query<NotificationRow>(
    `select * from sandbox_notifications where ($1::text is null or payment_id = $1)
     order by created_at, notification_id`,
    [filter.paymentId ?? null],
  )
  return rows.map(toNotification)
}

/** When the next pending notification is due (for scheduling the dispatcher), or undefined if none is. */
export async function nextDue(db: Queryable): Promise<Date | undefined> {
  const { rows } = await db.query<{ at: Date | null }>(
    `select min(next_attempt_at) as at from sandbox_notifications where state = 'pending'`,
  )
  return rows[0]?.at ?? undefined
}
