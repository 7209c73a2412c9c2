/** How each generated row maps onto the columns of migration 0005, for the bulk inserts. */
import { timeColumn, type Column } from './bulk-insert'
import type { DemoAccountManager, DemoBatch, DemoCase, DemoMessage, DemoTransaction } from './model'

const text = <Row>(name: string, value: (row: Row) => string | null): Column<Row> => ({ name, type: 'text', value })
const bigint = <Row>(name: string, value: (row: Row) => number): Column<Row> => ({ name, type: 'bigint', value })
const integer = <Row>(name: string, value: (row: Row) => number): Column<Row> => ({ name, type: 'integer', value })

export const TRANSACTION_COLUMNS: readonly Column<DemoTransaction>[] = [
  text('payment_id', (t) => t.paymentId),
  text('account', (t) => t.account),
  text('terminal', (t) => t.terminal),
  text('order_number', (t) => t.orderNumber),
  timeColumn('payment_time', (t) => t.paymentTime),
  timeColumn('settlement_time', (t) => t.settlementTime),
  timeColumn('booked_at', (t) => t.bookedAt),
  text('txn_type', (t) => t.txnType),
  text('status', (t) => t.status),
  text('auth_status', (t) => t.authStatus),
  text('payment_method', (t) => t.paymentMethod),
  text('card_brand', (t) => t.cardBrand),
  text('card_country', (t) => t.cardCountry),
  text('card_masked', (t) => t.cardMasked),
  text('currency', (t) => t.currency),
  bigint('amount_minor', (t) => t.amountMinor),
  text('booking_currency', (t) => t.bookingCurrency),
  bigint('booking_amount_minor', (t) => t.bookingAmountMinor),
  bigint('fee_minor', (t) => t.feeMinor),
  bigint('deposit_minor', (t) => t.depositMinor),
  bigint('refunded_minor', (t) => t.refundedMinor),
  text('refund_status', (t) => t.refundStatus),
  text('failure_code', (t) => t.failureCode),
  text('failure_reason', (t) => t.failureReason),
  text('tracking_number', (t) => t.trackingNumber),
  text('tracking_site', (t) => t.trackingSite),
  text('delivery_status', (t) => t.deliveryStatus),
  text('funds_status', (t) => t.fundsStatus),
  text('funds_batch_no', (t) => t.fundsBatchNo),
  text('deposit_status', (t) => t.depositStatus),
  text('deposit_batch_no', (t) => t.depositBatchNo),
  text('website', (t) => t.website),
  // The row's own time, not the load time: "last changed" of a year-old settled payment is not today.
  timeColumn('updated_at', (t) => t.settlementTime ?? t.paymentTime),
]

export const CASE_COLUMNS: readonly Column<DemoCase>[] = [
  text('account', (c) => c.account),
  text('payment_id', (c) => c.paymentId),
  text('kind', (c) => c.kind),
  text('status', (c) => c.status),
  text('reason_code', (c) => c.reasonCode),
  text('reason', (c) => c.reason),
  text('currency', (c) => c.currency),
  bigint('amount_minor', (c) => c.amountMinor),
  timeColumn('opened_at', (c) => c.openedAt),
  timeColumn('handled_at', (c) => c.handledAt),
  timeColumn('deadline_at', (c) => c.deadlineAt),
  text('source', () => 'demo'),
  text('external_id', (c) => c.externalId),
]

export const BATCH_COLUMNS: readonly Column<DemoBatch>[] = [
  text('batch_no', (b) => b.batchNo),
  text('account', (b) => b.account),
  text('batch_type', (b) => b.batchType),
  text('currency', (b) => b.currency),
  timeColumn('period_start', (b) => b.periodStart),
  timeColumn('period_end', (b) => b.periodEnd),
  timeColumn('created_at', (b) => b.createdAt),
  timeColumn('settled_at', (b) => b.settledAt),
  text('status', (b) => b.status),
  integer('txn_count', (b) => b.txnCount),
  bigint('gross_minor', (b) => b.grossMinor),
  bigint('fee_minor', (b) => b.feeMinor),
  bigint('refund_minor', (b) => b.refundMinor),
  bigint('chargeback_minor', (b) => b.chargebackMinor),
  bigint('deposit_minor', (b) => b.depositMinor),
  bigint('net_minor', (b) => b.netMinor),
]

export const MESSAGE_COLUMNS: readonly Column<DemoMessage>[] = [
  text('account', (m) => m.account),
  text('kind', (m) => m.kind),
  text('title', (m) => m.title),
  text('body', (m) => m.body),
  text('title_en', (m) => m.titleEn),
  text('body_en', (m) => m.bodyEn),
  text('payment_id', (m) => m.paymentId),
  text('order_number', (m) => m.orderNumber),
  text('currency', (m) => m.currency),
  { name: 'amount_minor', type: 'bigint', value: (m) => m.amountMinor },
  text('reason_code', (m) => m.reasonCode),
  text('reason', (m) => m.reason),
  timeColumn('deadline_at', (m) => m.deadlineAt),
  timeColumn('created_at', (m) => m.createdAt),
  text('source_key', (m) => m.sourceKey),
]

export const ACCOUNT_MANAGER_COLUMNS: readonly Column<DemoAccountManager>[] = [
  text('account', (m) => m.account),
  text('name', (m) => m.name),
  text('phone', (m) => m.phone),
  text('wecom_id', (m) => m.wecomId),
  text('email', (m) => m.email),
]
