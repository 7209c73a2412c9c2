/** `GET /api/settlements` and `GET /api/settlements/:batchNo` (交易划款): types and the filter vocabularies. */
import type { BeijingTime, CurrencyCode, Money } from './money'
import type { TransactionsPage } from './transactions'

export const BATCH_TYPES = ['transaction', 'deposit'] as const
export const BATCH_TIME_TYPES = ['created', 'settled'] as const

export type BatchType = (typeof BATCH_TYPES)[number]
export type BatchTimeType = (typeof BATCH_TIME_TYPES)[number]

export interface SettlementsQuery {
  from?: BeijingTime
  to?: BeijingTime
  /** 时间类型: 生成时间 (default) or 划款时间. */
  timeType?: BatchTimeType
  batchNo?: string
  currency?: CurrencyCode
  batchType?: BatchType
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
