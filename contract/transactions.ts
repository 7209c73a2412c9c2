/**
 * `GET /api/transactions` and `GET /api/transactions/:paymentId` (交易明细): types and the filter vocabularies.
 */
import type { AuthorizationExpiry } from './authorization-validity'
import { RANGE_FILTER, type FilterOf, type FilterTable } from './filters'
import { CURRENCY_CODES, type BeijingTime, type Money } from './money'

/*
 * The filter vocabularies, once: the server's schemas accept exactly these values and the mini-program's filter
 * sheets and URLs offer exactly these, so the two can never disagree.
 */
export const TIME_TYPES = ['payment', 'settlement', 'booked'] as const
export const TXN_TYPES = ['sale', 'authorization'] as const
export const TRANSACTION_STATUSES = ['success', 'failure', 'pending'] as const
export const AUTH_STATUSES = ['pending', 'captured', 'voided'] as const
export const CARD_BRANDS = ['Visa', 'MasterCard', 'JCB', 'American Express', 'Discover', 'UnionPay', 'Diners Club', 'Maestro'] as const
export const TRACKING_FILTERS = ['uploaded', 'missing'] as const
export const DELIVERY_STATUSES = ['pending', 'in_transit', 'delivered', 'exception'] as const
export const SETTLEMENT_STATES = ['unsettled', 'settled'] as const
export const CASE_KINDS = ['chargeback', 'dispute', 'fraud', 'retrieval'] as const

export type TimeType = (typeof TIME_TYPES)[number]
export type TxnType = (typeof TXN_TYPES)[number]
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number]
export type AuthStatus = (typeof AUTH_STATUSES)[number]
export type CardBrand = (typeof CARD_BRANDS)[number]
export type TrackingFilter = (typeof TRACKING_FILTERS)[number]
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]
export type SettlementState = (typeof SETTLEMENT_STATES)[number]
export type CaseKind = (typeof CASE_KINDS)[number]
export type RefundStatus = 'none' | 'partial' | 'full'

/**
 * The filter of the list, declared once (see filters.ts): each key's values, its default and what the sheet
 * shows. Every key narrows (AND).
 */
export const TRANSACTION_FILTER = {
  ...RANGE_FILTER,
  /**
   * Which time from/to and the order apply to: 交易时间 (default), 划款时间 or 记账时间 (booked: when the amount was
   * booked to the merchant's account in the booking currency; docs/filters.md).
   */
  timeType: {
    schema: { type: 'string', enum: TIME_TYPES },
    default: 'payment',
    sheet: { kind: 'options', labels: 'timeType', required: true },
  },
  /**
   * Exact order number (账户订单号) or payment ID (the search box), any case. Searches the whole allowed year:
   * see rangeOverriddenBy.
   */
  q: { schema: { type: 'string', minLength: 1, maxLength: 64, description: 'exact order number or payment ID, any case; searches the whole allowed year' } },
  /** 划款批次号: the transaction-funds or the deposit batch, any case; searches the whole allowed year. */
  batchNo: { schema: { type: 'string', minLength: 1, maxLength: 64 }, sheet: { kind: 'text', placeholder: true } },
  currency: { schema: { type: 'string', enum: CURRENCY_CODES }, sheet: { kind: 'options' } },
  bookingCurrency: { schema: { type: 'string', enum: CURRENCY_CODES }, sheet: { kind: 'options' } },
  txnType: { schema: { type: 'string', enum: TXN_TYPES }, sheet: { kind: 'options', labels: 'txnType' } },
  cardBrand: { schema: { type: 'string', enum: CARD_BRANDS }, sheet: { kind: 'options' } },
  tracking: { schema: { type: 'string', enum: TRACKING_FILTERS }, sheet: { kind: 'options', labels: 'tracking' } },
  delivery: { schema: { type: 'string', enum: DELIVERY_STATUSES }, sheet: { kind: 'options', labels: 'delivery' } },
  fundsStatus: { schema: { type: 'string', enum: SETTLEMENT_STATES }, sheet: { kind: 'options', labels: 'settlement' } },
  depositStatus: { schema: { type: 'string', enum: SETTLEMENT_STATES }, sheet: { kind: 'options', labels: 'settlement' } },
  terminal: { schema: { type: 'string', pattern: '^[0-9]{8,12}$' }, sheet: { kind: 'choices' } },
  /** 交易状态: all by default; 金额统计 sums successful payments unless this selects another status. */
  status: { schema: { type: 'string', enum: TRANSACTION_STATUSES }, sheet: { kind: 'options', labels: 'status' } },
  authStatus: { schema: { type: 'string', enum: AUTH_STATUSES } },
  /** Transactions with an open case of this kind (the to-do lists). */
  case: { schema: { type: 'string', enum: CASE_KINDS } },
} as const satisfies FilterTable

/** The filters of the list, as query parameters (from/to: ISO 8601 with an offset). */
export type TransactionsFilter = FilterOf<typeof TRANSACTION_FILTER>

/** The keys that name exact rows (an ID pasted from an e-mail, a batch number). */
export const ID_FILTER_KEYS = ['q', 'batchNo'] as const satisfies ReadonlyArray<keyof TransactionsFilter>

/**
 * The ID key that replaces the date range, if any: an exact order number / payment ID or batch number is looked up
 * across the whole allowed year (at most one year back, on 交易时间) whatever from/to/timeType say; every other
 * filter still applies. The server applies this and the screen says so, both from here.
 */
export function rangeOverriddenBy(filter: Pick<TransactionsFilter, 'q' | 'batchNo'>): 'q' | 'batchNo' | undefined {
  return ID_FILTER_KEYS.find((key) => (filter[key]?.trim() ?? '') !== '')
}

/**
 * What 金额统计 adds up, so the screen can label it: the payments of `status` (successful ones unless the status
 * filter selects another), in the transaction currency, or — with a 划款批次号 or 记账币种 filter — their booked
 * amounts in the booking currency (what reconciles with a settlement batch).
 */
export interface TotalsBasis {
  status: TransactionStatus
  amount: 'transaction' | 'booking'
}

/** The basis of a filter's 金额统计 (see TotalsBasis), the one rule the server sums by. */
export function totalsBasisOf(filter: Pick<TransactionsFilter, 'status' | 'batchNo' | 'bookingCurrency'>): TotalsBasis {
  const booking = (filter.batchNo?.trim() ?? '') !== '' || filter.bookingCurrency !== undefined
  return { status: filter.status ?? 'success', amount: booking ? 'booking' : 'transaction' }
}

export interface TransactionsQuery extends TransactionsFilter {
  /** 1–100, default 20. */
  limit?: number
  /** `nextCursor` of the previous page, valid only with the same filter. */
  cursor?: string
}

export interface TransactionListItem {
  paymentId: string
  orderNumber: string
  terminal: string
  paymentMethod: string
  cardBrand: string | null
  txnType: TxnType
  status: TransactionStatus
  authStatus: AuthStatus | null
  amount: Money
  refundStatus: RefundStatus
  paymentTime: BeijingTime
  settlementTime: BeijingTime | null
  /** Only on a case list (filter `case`): the open case of that kind that put the row there. */
  case?: TransactionCase
  /**
   * Only on a pending pre-authorization: when it can no longer be captured (contract/authorization-validity.ts).
   * The pending list comes soonest-expiring first.
   */
  authorizationExpiry?: AuthorizationExpiry
}

export interface TransactionsTotal {
  /** 查询出N条符合条件数据: every matching row, whatever its status. */
  count: number
  /**
   * 金额统计: the sum of the matching rows of `basis.status`, per currency (transaction or booking, `basis.amount`);
   * a currency none of those rows has is left out.
   */
  amounts: Money[]
  basis: TotalsBasis
}

export interface TransactionsPage {
  items: TransactionListItem[]
  /** null on the last page. */
  nextCursor: string | null
  /** Only on the first page (no cursor). */
  total?: TransactionsTotal
}

export interface TransactionCase {
  id: string
  kind: CaseKind
  status: 'open' | 'handled'
  reasonCode: string | null
  reason: string | null
  amount: Money
  openedAt: BeijingTime
  handledAt: BeijingTime | null
  /** By when the merchant must answer (Oceanpayment's payment_cpdTime); null when the source gave none. */
  deadlineAt: BeijingTime | null
}

/** The detail lists every case in `cases`, so it has no single `case`. */
export interface TransactionDetail extends Omit<TransactionListItem, 'case' | 'authorizationExpiry'> {
  website: string | null
  cardCountry: string | null
  /** First 6 and last 4 digits only. */
  cardMasked: string | null
  bookingAmount: Money
  /** In the booking currency. */
  fee: Money
  /** 保证金 withheld, in the booking currency. */
  deposit: Money
  refunded: Money
  /**
   * 可退款金额: amount − refunded − refunds pending − chargebacked, never below zero, for a payment that moved money;
   * otherwise zero (server/src/money/refundable.ts, docs/reconciliation.md).
   */
  refundable: Money
  /** 记账时间: when the amount was booked in the booking currency; null while nothing is booked. */
  bookedAt: BeijingTime | null
  failureCode: string | null
  failureReason: string | null
  trackingNumber: string | null
  trackingSite: string | null
  deliveryStatus: DeliveryStatus
  fundsStatus: SettlementState
  fundsBatchNo: string | null
  depositStatus: SettlementState
  depositBatchNo: string | null
  updatedAt: BeijingTime
  cases: TransactionCase[]
}
