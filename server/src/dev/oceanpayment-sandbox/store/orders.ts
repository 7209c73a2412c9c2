/** Payments in the sandbox's order book and the state changes the order-management API makes to them. */
import type { Queryable } from '../../../db'

export type PaymentStatus = -1 | 0 | 1
export type AuthStatus = 'pending' | 'captured' | 'voided' | 'reversed'
export type Channel = 'online' | 'offline'

export interface SandboxOrder {
  paymentId: string
  terminal: string
  orderNumber: string
  currency: string
  amountMinor: bigint
  paymentStatus: PaymentStatus
  /** `code:description` */
  paymentDetails: string
  paymentMethod: string
  channel: Channel
  cardType: string
  cardCountry: string
  /** Masked: first six and last four digits. */
  cardNumber: string
  authStatus: AuthStatus | null
  authorizedMinor: bigint | null
  capturedMinor: bigint | null
  authChangedAt: Date | null
  trackingNumber: string | null
  trackingSite: string | null
  trackingHandler: string | null
  trackingAt: Date | null
  createdAt: Date
}

/** An order plus what has been refunded from it (pending and successful refunds both hold money back). */
export interface OrderWithRefunds extends SandboxOrder {
  refundedMinor: bigint
  refundPendingMinor: bigint
}

interface OrderRow {
  payment_id: string
  terminal: string
  order_number: string
  currency: string
  amount_minor: string
  payment_status: number
  payment_details: string
  payment_method: string
  channel: Channel
  card_type: string
  card_country: string
  card_number: string
  auth_status: AuthStatus | null
  authorized_minor: string | null
  captured_minor: string | null
  auth_changed_at: Date | null
  tracking_number: string | null
  tracking_site: string | null
  tracking_handler: string | null
  tracking_at: Date | null
  created_at: Date
  refunded_minor: string
  refund_pending_minor: string
}

/** bigint columns cast to text: exact on both drivers. */
const COLUMNS = `o.payment_id, o.terminal, o.order_number, o.currency, o.amount_minor::text as amount_minor,
  o.payment_status, o.payment_details, o.payment_method, o.channel, o.card_type, o.card_country, o.card_number,
  o.auth_status, o.authorized_minor::text as authorized_minor, o.captured_minor::text as captured_minor,
  o.auth_changed_at, o.tracking_number, o.tracking_site, o.tracking_handler, o.tracking_at, o.created_at,
  coalesce((select sum(r.amount_minor) from sandbox_refunds r
            where r.payment_id = o.payment_id and r.status = 'success'), 0)::text as refunded_minor,
  coalesce((select sum(r.amount_minor) from sandbox_refunds r
            where r.payment_id = o.payment_id and r.status = 'pending'), 0)::text as refund_pending_minor`

const nullableBigint = (value: string | null): bigint | null => (value === null ? null : BigInt(value))

function toOrder(row: OrderRow): OrderWithRefunds {
  return {
    paymentId: row.payment_id,
    terminal: row.terminal,
    orderNumber: row.order_number,
    currency: row.currency,
    amountMinor: BigInt(row.amount_minor),
    paymentStatus: row.payment_status as PaymentStatus,
    paymentDetails: row.payment_details,
    paymentMethod: row.payment_method,
    channel: row.channel,
    cardType: row.card_type,
    cardCountry: row.card_country,
    cardNumber: row.card_number,
    authStatus: row.auth_status,
    authorizedMinor: nullableBigint(row.authorized_minor),
    capturedMinor: nullableBigint(row.captured_minor),
    authChangedAt: row.auth_changed_at,
    trackingNumber: row.tracking_number,
    trackingSite: row.tracking_site,
    trackingHandler: row.tracking_handler,
    trackingAt: row.tracking_at,
    createdAt: row.created_at,
    refundedMinor: BigInt(row.refunded_minor),
    refundPendingMinor: BigInt(row.refund_pending_minor),
  }
}

/**
 * What the merchant actually received and may still give back: the captured amount of a captured
 * pre-authorization, the full amount of a sale; nothing for failed, pending, voided or reversed payments.
 */
export function refundableMinor(order: OrderWithRefunds): bigint {
  if (order.paymentStatus !== 1) return BigInt(0)
  let received = order.amountMinor
  if (order.authStatus === 'captured') received = order.capturedMinor ?? order.amountMinor
  else if (order.authStatus !== null) return BigInt(0)
  const left = received - order.refundedMinor - order.refundPendingMinor
  return left > BigInt(0) ? left : BigInt(0)
}

export async function insertOrder(db: Queryable, order: SandboxOrder): Promise<boolean> {
  const { rows } = await db.query<{ payment_id: string }>(
    `insert into sandbox_orders (payment_id, terminal, order_number, currency, amount_minor, payment_status,
       payment_details, payment_method, channel, card_type, card_country, card_number, auth_status,
       authorized_minor, captured_minor, auth_changed_at, tracking_number, tracking_site, tracking_handler,
       tracking_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
     on conflict (payment_id) do nothing
     returning payment_id`,
    [
      order.paymentId,
      order.terminal,
      order.orderNumber,
      order.currency,
      order.amountMinor.toString(),
      order.paymentStatus,
      order.paymentDetails,
      order.paymentMethod,
      order.channel,
      order.cardType,
      order.cardCountry,
      order.cardNumber,
      order.authStatus,
      order.authorizedMinor?.toString() ?? null,
      order.capturedMinor?.toString() ?? null,
      order.authChangedAt,
      order.trackingNumber,
      order.trackingSite,
      order.trackingHandler,
      order.trackingAt,
      order.createdAt,
    ],
  )
  return rows.length > 0
}

/**
 * Many orders in one statement per chunk: one array parameter per column, expanded by unnest, so a year of payments
 * (tens of thousands) loads in a few round trips instead of one per order. Orders already present are left as they
 * are. @returns how many were inserted
 */
export async function insertOrders(db: Queryable, orders: readonly SandboxOrder[], chunkSize = 5_000): Promise<number> {
  let inserted = 0
  for (let start = 0; start < orders.length; start += chunkSize) {
    const chunk = orders.slice(start, start + chunkSize)
    const column = <T>(value: (order: SandboxOrder) => T) => chunk.map(value)
    const time = (value: Date | null) => (value === null ? null : value.toISOString())
    const { rows } = await db.query<{ n: number }>(
      `with added as (
         insert into sandbox_orders (payment_id, terminal, order_number, currency, amount_minor, payment_status,
           payment_details, payment_method, channel, card_type, card_country, card_number, auth_status,
           authorized_minor, captured_minor, auth_changed_at, tracking_number, tracking_site, tracking_handler,
           tracking_at, created_at)
         select u.payment_id, u.terminal, u.order_number, u.currency, u.amount_minor, u.payment_status,
           u.payment_details, u.payment_method, u.channel, u.card_type, u.card_country, u.card_number, u.auth_status,
           u.authorized_minor, u.captured_minor, u.auth_changed_at::timestamptz, u.tracking_number, u.tracking_site,
           u.tracking_handler, u.tracking_at::timestamptz, u.created_at::timestamptz
           from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::integer[], $7::text[],
                       $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::bigint[],
                       $15::bigint[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[])
             as u(payment_id, terminal, order_number, currency, amount_minor, payment_status, payment_details,
                  payment_method, channel, card_type, card_country, card_number, auth_status, authorized_minor,
                  captured_minor, auth_changed_at, tracking_number, tracking_site, tracking_handler, tracking_at,
                  created_at)
         on conflict (payment_id) do nothing
         returning 1)
       select count(*)::int as n from added`,
      [
        column((o) => o.paymentId),
        column((o) => o.terminal),
        column((o) => o.orderNumber),
        column((o) => o.currency),
        column((o) => o.amountMinor.toString()),
        column((o) => o.paymentStatus),
        column((o) => o.paymentDetails),
        column((o) => o.paymentMethod),
        column((o) => o.channel),
        column((o) => o.cardType),
        column((o) => o.cardCountry),
        column((o) => o.cardNumber),
        column((o) => o.authStatus),
        column((o) => o.authorizedMinor?.toString() ?? null),
        column((o) => o.capturedMinor?.toString() ?? null),
        column((o) => time(o.authChangedAt)),
        column((o) => o.trackingNumber),
        column((o) => o.trackingSite),
        column((o) => o.trackingHandler),
        column((o) => time(o.trackingAt)),
        column((o) => o.createdAt.toISOString()),
      ],
    )
    inserted += rows[0]?.n ?? 0
  }
  return inserted
}

export async function countOrders(db: Queryable, terminal: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from sandbox_orders where terminal = $1', [
    terminal,
  ])
  return rows[0]?.n ?? 0
}

/**
 * One payment of this terminal. `lock` takes a row lock for the rest of the transaction, so two concurrent
 * refunds or captures of the same payment are decided one after the other.
 */
export async function findOrder(
  db: Queryable,
  terminal: string,
  paymentId: string,
  options: { lock?: boolean } = {},
): Promise<OrderWithRefunds | undefined> {
  if (options.lock === true) {
    await db.query('select 1 from sandbox_orders where terminal = $1 and payment_id = $2 for update', [
      terminal,
      paymentId,
    ])
  }
  const { rows } = await db.query<OrderRow>(
    `select ${COLUMNS} from sandbox_orders o where o.terminal = $1 and o.payment_id = $2`,
    [terminal, paymentId],
  )
  return rows[0] && toOrder(rows[0])
}

/** Any payment, whatever its terminal (the dev endpoint raising a case knows only the payment ID). */
export async function findOrderAnywhere(db: Queryable, paymentId: string): Promise<OrderWithRefunds | undefined> {
  const { rows } = await db.query<OrderRow>(`select ${COLUMNS} from sandbox_orders o where o.payment_id = $1`, [
    paymentId,
  ])
  return rows[0] && toOrder(rows[0])
}

/** Every payment attempt of these merchant order numbers, newest first. */
export async function ordersByNumbers(
  db: Queryable,
  terminal: string,
  orderNumbers: readonly string[],
): Promise<OrderWithRefunds[]> {
  const { rows } = await db.query<OrderRow>(
    `select ${COLUMNS} from sandbox_orders o where o.terminal = $1 and o.order_number = any($2::text[])
     order by o.created_at desc, o.payment_id desc`,
    [terminal, [...orderNumbers]],
  )
  return rows.map(toOrder)
}

/** The newest payment of a merchant order number (optionally only a successful one). */
export async function latestOrderByNumber(
  db: Queryable,
  terminal: string,
  orderNumber: string,
  options: { successfulOnly?: boolean; lock?: boolean } = {},
): Promise<OrderWithRefunds | undefined> {
  const { rows } = await db.query<{ payment_id: string }>(
    `select payment_id from sandbox_orders where terminal = $1 and order_number = $2
       ${options.successfulOnly === true ? 'and payment_status = 1' : ''}
     order by created_at desc, payment_id desc limit 1`,
    [terminal, orderNumber],
  )
  const row = rows[0]
  return row && findOrder(db, terminal, row.payment_id, { lock: options.lock })
}

export interface Page<T> {
  total: number
  records: T[]
}

/** Successful payments created in [begin, end], oldest first, one page. */
export async function successfulOrders(
  db: Queryable,
  terminal: string,
  window: { begin: Date; end: Date },
  page: { number: number; size: number },
): Promise<Page<OrderWithRefunds>> {
  const where = 'o.terminal = $1 and o.payment_status = 1 and o.created_at between $2 and $3'
  const params = [terminal, window.begin, window.end]
  const total = await db.query<{ n: number }>(`select count(*)::int as n from sandbox_orders o where ${where}`, params)
  const { rows } = await db.query<OrderRow>(
    `select ${COLUMNS} from sandbox_orders o where ${where}
     order by o.created_at, o.payment_id limit $4 offset $5`,
    [...params, page.size, (page.number - 1) * page.size],
  )
  return { total: total.rows[0]?.n ?? 0, records: rows.map(toOrder) }
}

/** Capture, void or reverse: the caller has checked the transition under a lock. */
export async function setAuthStatus(
  db: Queryable,
  paymentId: string,
  change: { status: AuthStatus; capturedMinor?: bigint; at: Date },
): Promise<void> {
  await db.query(
    `update sandbox_orders set auth_status = $2, captured_minor = coalesce($3, captured_minor), auth_changed_at = $4
     where payment_id = $1`,
    [paymentId, change.status, change.capturedMinor?.toString() ?? null, change.at],
  )
}

/** A re-upload replaces the previous tracking information (Oceanpayment's documented behaviour). */
export async function setTracking(
  db: Queryable,
  paymentId: string,
  tracking: { number: string | null; site: string; handler: string; at: Date },
): Promise<void> {
  await db.query(
    `update sandbox_orders set tracking_number = $2, tracking_site = $3, tracking_handler = $4, tracking_at = $5
     where payment_id = $1`,
    [paymentId, tracking.number, tracking.site, tracking.handler, tracking.at],
  )
}
