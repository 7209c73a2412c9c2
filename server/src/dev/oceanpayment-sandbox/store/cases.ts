/** Business-order cases (chargebacks, retrievals, fraud, disputes …) and the list queries over them. */
import type { Queryable } from '../../../db'
import type { Page, SandboxOrder } from './orders'

export const BUSINESS_NOTICE_TYPES = [
  'chargeBack',
  're-presentment',
  'retrieval',
  'reversal-retrieval',
  'fraud',
  'highRisk',
] as const
export const DISPUTE_NOTICE_TYPES = ['dispute', 'disputes-period'] as const
export const CASE_NOTICE_TYPES = [...BUSINESS_NOTICE_TYPES, ...DISPUTE_NOTICE_TYPES] as const
export type CaseNoticeType = (typeof CASE_NOTICE_TYPES)[number]

export interface SandboxCase {
  caseId: string
  paymentId: string
  terminal: string
  noticeType: CaseNoticeType
  /** 0 failed, 1 succeeded, 2 in dispute */
  pushStatus: 0 | 1 | 2
  details: string
  amountMinor: bigint
  currency: string
  exceptionAt: Date
  reviewedAt: Date
}

export async function insertCase(db: Queryable, item: SandboxCase): Promise<boolean> {
  const { rows } = await db.query<{ case_id: string }>(
    `insert into sandbox_cases (case_id, payment_id, terminal, notice_type, push_status, details, amount_minor,
       currency, exception_at, reviewed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (case_id) do nothing returning case_id`,
    [
      item.caseId,
      item.paymentId,
      item.terminal,
      item.noticeType,
      item.pushStatus,
      item.details,
      item.amountMinor.toString(),
      item.currency,
      item.exceptionAt,
      item.reviewedAt,
    ],
  )
  return rows.length > 0
}

/** The payment a business record or a dispute is about. */
interface PaymentFacts {
  paymentId: string
  orderNumber: string
  orderCurrency: string
  orderAmountMinor: bigint
  cardType: string
  cardCountry: string
  paymentAt: Date
}

/** The payment facts of an order, as business records and disputes repeat them. */
export function paymentFactsOf(order: SandboxOrder): PaymentFacts {
  return {
    paymentId: order.paymentId,
    orderNumber: order.orderNumber,
    orderCurrency: order.currency,
    orderAmountMinor: order.amountMinor,
    cardType: order.cardType,
    cardCountry: order.cardCountry,
    paymentAt: order.createdAt,
  }
}

/** One row of the business-orders list: a case, or a refund that reached its final status. */
export interface BusinessRecord extends PaymentFacts {
  kind: 'case' | 'refund'
  pushId: string
  /** For refunds: 'refund' (full) or 'partialRefund'. */
  noticeType: string
  pushStatus: number
  pushDetails: string
  refundNumber: string | null
  refundReference: string | null
  /** When the record was pushed (review time: a case's review, a refund's settlement). */
  pushAt: Date
}

/** date_type: 0 review time, 1 transaction time, 2 exception time (seed 003). */
export type BusinessDateType = 0 | 1 | 2

interface BusinessRow {
  kind: 'case' | 'refund'
  push_id: string
  payment_id: string
  order_number: string
  currency: string
  amount_minor: string
  card_type: string
  card_country: string
  payment_at: Date
  notice_type: string
  push_status: number
  push_details: string
  refund_number: string | null
  refund_reference: string | null
  push_at: Date
  exception_at: Date
}

/**
 * Cases and final refunds as one relation. A refund's "exception time" is when it was requested, its review
 * time when it was decided.
 */
const BUSINESS_RECORDS = `(
  select 'case' as kind, c.case_id as push_id, c.payment_id, c.terminal, c.notice_type, c.push_status,
         c.details as push_details, null::text as refund_number, null::text as refund_reference,
         c.reviewed_at as push_at, c.exception_at
    from sandbox_cases c
   where c.notice_type <> all (array['dispute', 'disputes-period'])
  union all
  select 'refund', r.refund_id, r.payment_id, r.terminal,
         case when r.refund_type = 1 then 'refund' else 'partialRefund' end,
         case when r.status = 'success' then 1 else 0 end, r.details, r.refund_number, r.refund_reference,
         r.settled_at, r.requested_at
    from sandbox_refunds r
   where r.status <> 'pending'
) b join sandbox_orders o on o.payment_id = b.payment_id`

const DATE_COLUMN: Record<BusinessDateType, string> = { 0: 'b.push_at', 1: 'o.created_at', 2: 'b.exception_at' }

export async function businessRecords(
  db: Queryable,
  terminal: string,
  window: { begin: Date; end: Date; dateType: BusinessDateType },
  page: { number: number; size: number },
): Promise<Page<BusinessRecord>> {
  const column = DATE_COLUMN[window.dateType]
  const where = `b.terminal = $1 and ${column} between $2 and $3`
  const params = [terminal, window.begin, window.end]
  const total = await db.query<{ n: number }>(`select count(*)::int as n from ${BUSINESS_RECORDS} where ${where}`, params)
  const { rows } = await db.query<BusinessRow>(
    `select b.kind, b.push_id, b.payment_id, o.order_number, o.currency, o.amount_minor::text as amount_minor,
            o.card_type, o.card_country, o.created_at as payment_at, b.notice_type, b.push_status, b.push_details,
            b.refund_number, b.refund_reference, b.push_at, b.exception_at
       from ${BUSINESS_RECORDS}
      where ${where}
      order by ${column}, b.push_id
      limit $4 offset $5`,
    [...params, page.size, (page.number - 1) * page.size],
  )
  return {
    total: total.rows[0]?.n ?? 0,
    records: rows.map((row) => ({
      kind: row.kind,
      pushId: row.push_id,
      paymentId: row.payment_id,
      orderNumber: row.order_number,
      orderCurrency: row.currency,
      orderAmountMinor: BigInt(row.amount_minor),
      cardType: row.card_type,
      cardCountry: row.card_country,
      paymentAt: row.payment_at,
      noticeType: row.notice_type,
      pushStatus: row.push_status,
      pushDetails: row.push_details,
      refundNumber: row.refund_number,
      refundReference: row.refund_reference,
      pushAt: row.push_at,
    })),
  }
}

export interface DisputeRecord extends PaymentFacts {
  caseId: string
  noticeType: string
  amountMinor: bigint
  currency: string
  reason: string
  exceptionAt: Date
}

interface DisputeRow {
  case_id: string
  payment_id: string
  order_number: string
  order_currency: string
  order_amount_minor: string
  card_type: string
  card_country: string
  payment_at: Date
  notice_type: string
  amount_minor: string
  currency: string
  details: string
  exception_at: Date
}

/** Disputes whose exception time is in [begin, end], optionally one notice type, payment or order. */
export async function disputes(
  db: Queryable,
  terminal: string,
  filter: { begin: Date; end: Date; noticeType?: string; paymentId?: string; orderNumber?: string },
  page: { number: number; size: number },
): Promise<Page<DisputeRecord>> {
  const where = `c.terminal = $1 and c.exception_at between $2 and $3
    and c.notice_type = any(array['dispute', 'disputes-period'])
    and ($4::text is null or c.notice_type = $4) and ($5::text is null or c.payment_id = $5)
    and ($6::text is null or o.order_number = $6)`
  const params = [
    terminal,
    filter.begin,
    filter.end,
    filter.noticeType ?? null,
    filter.paymentId ?? null,
    filter.orderNumber ?? null,
  ]
  const from = 'sandbox_cases c join sandbox_orders o on o.payment_id = c.payment_id'
  const total = await db.query<{ n: number }>(`select count(*)::int as n from ${from} where ${where}`, params)
  const { rows } = await db.query<DisputeRow>(
    `select c.case_id, c.payment_id, o.order_number, o.currency as order_currency,
            o.amount_minor::text as order_amount_minor, o.card_type, o.card_country, o.created_at as payment_at,
            c.notice_type, c.amount_minor::text as amount_minor, c.currency, c.details, c.exception_at
       from ${from} where ${where}
      order by c.exception_at, c.case_id limit $7 offset $8`,
    [...params, page.size, (page.number - 1) * page.size],
  )
  return {
    total: total.rows[0]?.n ?? 0,
    records: rows.map((row) => ({
      caseId: row.case_id,
      paymentId: row.payment_id,
      orderNumber: row.order_number,
      orderCurrency: row.order_currency,
      orderAmountMinor: BigInt(row.order_amount_minor),
      cardType: row.card_type,
      cardCountry: row.card_country,
      paymentAt: row.payment_at,
      noticeType: row.notice_type,
      amountMinor: BigInt(row.amount_minor),
      currency: row.currency,
      reason: row.details,
      exceptionAt: row.exception_at,
    })),
  }
}

/** Chargeback status of payments for the order status answer: whether any chargeback case exists. */
export async function chargebackPayments(db: Queryable, paymentIds: readonly string[]): Promise<Set<string>> {
  if (paymentIds.length === 0) return new Set()
  const { rows } = await db.query<{ payment_id: string }>(
    `select distinct payment_id from sandbox_cases
     where payment_id = any($1::text[]) and notice_type = any(array['chargeBack', 'dispute', 'disputes-period'])`,
    [[...paymentIds]],
  )
  return new Set(rows.map((row) => row.payment_id))
}
