/** `GET /api/settlements` and `GET /api/settlements/:batchNo` (交易划款): types and the filter vocabularies. */
import { RANGE_FILTER, type FilterOf, type FilterTable } from './filters'
import { CURRENCY_CODES, type BeijingTime, type Money } from './money'

export const BATCH_TYPES = ['transaction', 'deposit'] as const
export const BATCH_TIME_TYPES = ['created', 'settled'] as const

export type BatchType = (typeof BATCH_TYPES)[number]
export type BatchTimeType = (typeof BATCH_TIME_TYPES)[number]

/**
 * The filter of the list, declared once (see filters.ts). Its order is the sheet's: 划款批次号, 时间类型, 币种,
 * 划款类型 (the day range sits on the page itself).
 */
export const SETTLEMENT_FILTER = {
  ...RANGE_FILTER,
  batchNo: { schema: { type: 'string', minLength: 1, maxLength: 64 }, sheet: { kind: 'text' } },
  /** 时间类型: 划款时间 (default, as the seed) or 生成时间 — a pending batch has no 划款时间 yet. */
  timeType: { schema: { type: 'string', enum: BATCH_TIME_TYPES }, default: 'settled', sheet: { kind: 'options', labels: 'timeType' } },
  currency: { schema: { type: 'string', enum: CURRENCY_CODES }, sheet: { kind: 'options' } },
  batchType: { schema: { type: 'string', enum: BATCH_TYPES }, sheet: { kind: 'options', labels: 'batchType' } },
} as const satisfies FilterTable

export type SettlementsFilter = FilterOf<typeof SETTLEMENT_FILTER>

export interface SettlementsQuery extends SettlementsFilter {
  limit?: number
  cursor?: string
}

export interface SettlementBatch {
  batchNo: string
  batchType: BatchType
  currency: string
  status: 'pending' | 'transferred'
  periodStart: BeijingTime
  periodEnd: BeijingTime
  createdAt: BeijingTime
  settledAt: BeijingTime | null
  txnCount: number
  gross: Money
  fee: Money
  refund: Money
  chargeback: Money
  deposit: Money
  /** May be negative. */
  net: Money
}

export interface SettlementsPage {
  items: SettlementBatch[]
  nextCursor: string | null
  /** First page only. */
  total?: { count: number }
}

/**
 * The kinds of a batch's rows: a transaction of the batch's week (its booked amount, fee, booked refund and the
 * reserve withheld), a chargeback debited in the batch (the week it was opened), the reserve a deposit batch
 * releases.
 */
export const BATCH_ROW_KINDS = ['transaction', 'chargeback', 'deposit'] as const
export type BatchRowKind = (typeof BATCH_ROW_KINDS)[number]

/**
 * One row of a batch. Every figure but `transactionAmount` is in the batch currency, and each figure of the batch
 * is the sum of its rows' (docs/reconciliation.md "## Settlement batches"): net = gross − fee − refund − chargeback
 * − deposit for a transaction batch's rows, net = deposit for a deposit batch's.
 */
export interface SettlementRow {
  kind: BatchRowKind
  paymentId: string
  orderNumber: string
  /** The payment time, or when the chargeback was opened. */
  time: BeijingTime
  /** The transaction's amount in its own currency (the chargebacked amount for a chargeback row). */
  transactionAmount: Money
  gross: Money
  fee: Money
  refund: Money
  chargeback: Money
  deposit: Money
  net: Money
}

export interface SettlementRowsPage {
  items: SettlementRow[]
  nextCursor: string | null
  /** First page only. */
  total?: { count: number }
}

/** `GET /api/settlements/:batchNo/rows`: later pages of a batch's rows. */
export interface SettlementRowsQuery {
  limit?: number
  cursor?: string
}

export interface SettlementDetail extends SettlementBatch {
  /** First page of the batch's rows (GET /api/settlements/:batchNo/rows continues it). */
  rows: SettlementRowsPage
}
