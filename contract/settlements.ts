/** `GET /api/settlements` and `GET /api/settlements/:batchNo` (交易划款): types and the filter vocabularies. */
import { RANGE_FILTER, type FilterOf, type FilterTable } from './filters'
import { CURRENCY_CODES, type BeijingTime, type Money } from './money'
import type { TransactionsPage } from './transactions'

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
  /** 时间类型: 生成时间 (default) or 划款时间. */
  timeType: { schema: { type: 'string', enum: BATCH_TIME_TYPES }, default: 'created', sheet: { kind: 'options', labels: 'timeType' } },
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

export interface SettlementDetail extends SettlementBatch {
  /** First page of the batch's transactions (GET /api/transactions?batchNo=… continues it). */
  transactions: TransactionsPage
}
