/**
 * The rows the demo generator produces, one interface per table of migration 0005. Times are epoch milliseconds,
 * money integer minor units (JPY has none), exactly what the loader writes.
 */
import type { MessageKind } from '@contract/messages'
import type { CurrencyCode } from '@contract/money'
import type { CaseKind } from '@contract/transactions'

export interface DemoTransaction {
  paymentId: string
  account: string
  terminal: string
  orderNumber: string
  paymentTime: number
  settlementTime: number | null
  /** 记账时间: when the amount was booked (a sale on success, an authorization on capture); null if never. */
  bookedAt: number | null
  txnType: 'sale' | 'authorization'
  status: 'success' | 'failure' | 'pending'
  authStatus: 'pending' | 'captured' | 'voided' | null
  paymentMethod: string
  cardBrand: string | null
  cardCountry: string | null
  /** First 6 and last 4 digits only. */
  cardMasked: string | null
  currency: CurrencyCode
  amountMinor: number
  bookingCurrency: CurrencyCode
  bookingAmountMinor: number
  feeMinor: number
  depositMinor: number
  refundedMinor: number
  refundStatus: 'none' | 'partial' | 'full'
  failureCode: string | null
  failureReason: string | null
  trackingNumber: string | null
  trackingSite: string | null
  deliveryStatus: 'pending' | 'in_transit' | 'delivered' | 'exception'
  fundsStatus: 'unsettled' | 'settled'
  fundsBatchNo: string | null
  depositStatus: 'unsettled' | 'settled'
  depositBatchNo: string | null
  website: string
}

export interface DemoCase {
  account: string
  paymentId: string
  kind: CaseKind
  status: 'open' | 'handled'
  reasonCode: string
  reason: string
  currency: CurrencyCode
  amountMinor: number
  openedAt: number
  handledAt: number | null
  /** By when the merchant must answer (as a notice's payment_cpdTime). */
  deadlineAt: number
  externalId: string
}

export interface DemoBatch {
  batchNo: string
  account: string
  batchType: 'transaction' | 'deposit'
  currency: CurrencyCode
  periodStart: number
  periodEnd: number
  createdAt: number
  settledAt: number | null
  status: 'pending' | 'transferred'
  txnCount: number
  grossMinor: number
  feeMinor: number
  refundMinor: number
  chargebackMinor: number
  depositMinor: number
  netMinor: number
}

/** A message row (0005 + 0011): announcements carry text in both languages, notice messages their facts only. */
export interface DemoMessage {
  /** null: a system announcement for every merchant. */
  account: string | null
  kind: MessageKind
  /** zh-CN and en-US text of an announcement; null for a notice message (the client words it). */
  title: string | null
  body: string | null
  titleEn: string | null
  bodyEn: string | null
  paymentId: string | null
  orderNumber: string | null
  currency: string | null
  amountMinor: number | null
  reasonCode: string | null
  reason: string | null
  deadlineAt: number | null
  createdAt: number
  sourceKey: string
}

export interface DemoAccountManager {
  account: string
  name: string
  phone: string
  wecomId: string
  email: string
}
