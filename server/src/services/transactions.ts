/**
 * The transactions list and detail (交易明细): turns the wire query into checked criteria, reads a keyset page
 * (and, on the first page, the count and per-currency totals) and shapes rows for the wire.
 *
 * `listTransactions` is the whole query path of GET /api/transactions minus HTTP; the benchmark calls it directly.
 */
import type { Queryable } from '../db'
import { AppError } from '../errors'
import { compareCurrencies, money } from '../money'
import { refundableMinor } from '../money/refundable'
import { actionsRepository } from '../repositories/actions'
import {
  transactionsRepository,
  type TransactionCriteria,
  type TransactionListRow,
  type TransactionRow,
} from '../repositories/transactions'
import { setFilterValues } from '@contract/filters'
import {
  rangeOverriddenBy,
  totalsBasisOf,
  TRANSACTION_FILTER,
  type TotalsBasis,
  type TransactionDetail,
  type TransactionListItem,
  type TransactionsFilter,
  type TransactionsPage,
  type TransactionsQuery,
  type TransactionsTotal,
} from '@contract/transactions'
import { authorizationExpiry } from '@contract/authorization-validity'
import { toBeijingIso, toBeijingIsoOrNull } from '@contract/beijing-time'
import { oneYearBack, resolveRange } from '../lib/time-range'
import { decodeCursor, encodeCursor, filterFingerprint } from '../lib/list-cursor'
import { casesOfPayment, withOpenCases } from './cases'

export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 100

export interface ListOptions {
  /** The clock for "at most one year back"; tests and the benchmark pin it. */
  now?: Date
}

function pageSize(limit: number | undefined): number {
  const size = limit ?? DEFAULT_PAGE_SIZE
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new AppError(400, 'VALIDATION_FAILED', `limit: must be an integer from 1 to ${MAX_PAGE_SIZE}`)
  }
  return size
}

/**
 * The criteria of a filter (TRANSACTION_FILTER): the range resolved, the time type defaulted, blanks dropped. An
 * exact ID or batch number (rangeOverriddenBy) replaces the range by the whole allowed year on 交易时间: the
 * payment pasted from an e-mail is found whatever days the screen shows (from/to are still checked, so a bad one
 * is still a 400 naming it).
 */
function criteriaOf(merchantNo: string, filter: TransactionsFilter, now: Date): TransactionCriteria {
  const range = resolveRange(filter, now)
  const set = setFilterValues(TRANSACTION_FILTER, filter)
  const byId = rangeOverriddenBy(set) !== undefined
  return {
    ...set,
    account: merchantNo,
    timeType: byId ? 'payment' : (set.timeType ?? TRANSACTION_FILTER.timeType.default),
    from: byId ? oneYearBack(now) : range.from,
    to: byId ? now : range.to,
    basis: totalsBasisOf(set),
  }
}

export function toListItem(row: Omit<TransactionListRow, 'sort_key'>): TransactionListItem {
  return {
    paymentId: row.payment_id,
    orderNumber: row.order_number,
    terminal: row.terminal,
    paymentMethod: row.payment_method,
    cardBrand: row.card_brand,
    txnType: row.txn_type,
    status: row.status,
    authStatus: row.auth_status,
    amount: money(row.currency, row.amount_minor),
    refundStatus: row.refund_status,
    paymentTime: toBeijingIso(row.payment_time),
    settlementTime: toBeijingIsoOrNull(row.settlement_time),
  }
}

/** A pending pre-authorization says when it expires (the to-do list shows days left and orders by it). */
function withAuthorizationExpiry(item: TransactionListItem, authorizedAt: Date, now: Date): TransactionListItem {
  if (item.authStatus !== 'pending') return item
  return { ...item, authorizationExpiry: authorizationExpiry(item.cardBrand, authorizedAt, now) }
}

/**
 * The wire total: every matching row counted; 金额统计 per currency of the rows of the basis' status (a currency
 * none of them has is left out, rather than shown as 0).
 */
export function totalOf(
  rows: ReadonlyArray<{ currency: string; count: string; summed: string; amount_minor: string }>,
  basis: TotalsBasis,
): TransactionsTotal {
  const sorted = [...rows].sort((a, b) => compareCurrencies(a.currency, b.currency))
  return {
    count: sorted.reduce((sum, row) => sum + Number(row.count), 0),
    amounts: sorted.filter((row) => row.summed !== '0').map((row) => money(row.currency, row.amount_minor)),
    basis,
  }
}

/** Count and per-currency totals of a filter, e.g. for the to-do counts (the same numbers the list shows). */
export async function countTransactions(
  db: Queryable,
  merchantNo: string,
  filter: TransactionsFilter,
  options: ListOptions = {},
): Promise<TransactionsTotal> {
  const repository = transactionsRepository(db)
  const now = options.now ?? new Date()
  const criteria = criteriaOf(merchantNo, filter, now)
  if (criteria.terminal !== undefined && !(await repository.terminalBelongs(merchantNo, criteria.terminal))) {
    throw new AppError(400, 'VALIDATION_FAILED', 'terminal: not a terminal of this merchant')
  }
  return totalOf(await repository.totals(criteria), criteria.basis)
}

/**
 * One page of the merchant's transactions. 400 (naming the parameter) for a bad range, limit, cursor or a
 * terminal of another merchant. `total` only on the first page (no cursor).
 */
export async function listTransactions(
  db: Queryable,
  merchantNo: string,
  query: TransactionsQuery,
  options: ListOptions = {},
): Promise<TransactionsPage> {
  const repository = transactionsRepository(db)
  const { limit, cursor, ...filter } = query
  const size = pageSize(limit)
  const now = options.now ?? new Date()
  const criteria = criteriaOf(merchantNo, filter, now)
  const fingerprint = filterFingerprint(merchantNo, filter)
  const after = cursor === undefined ? undefined : decodeCursor(cursor, fingerprint)
  if (criteria.terminal !== undefined && !(await repository.terminalBelongs(merchantNo, criteria.terminal))) {
    throw new AppError(400, 'VALIDATION_FAILED', 'terminal: not a terminal of this merchant')
  }

  const [rows, totals] = await Promise.all([
    repository.page(criteria, after && { time: after.time, paymentId: after.id }, size + 1),
    after === undefined ? repository.totals(criteria) : undefined,
  ])
  const items = rows.slice(0, size)
  const last = items[items.length - 1]
  const nextCursor =
    rows.length > size && last !== undefined ? encodeCursor({ time: last.sort_key, id: last.payment_id }, fingerprint) : null
  const listed = items.map((row) => withAuthorizationExpiry(toListItem(row), row.payment_time, now))
  const page: TransactionsPage = { items: await withOpenCases(db, merchantNo, filter.case, listed), nextCursor }
  if (totals !== undefined) page.total = totalOf(totals, criteria.basis)
  return page
}

export async function getTransaction(db: Queryable, merchantNo: string, paymentId: string): Promise<TransactionDetail> {
  const repository = transactionsRepository(db)
  const row: TransactionRow | undefined = await repository.find(merchantNo, paymentId)
  // Another merchant's payment is indistinguishable from one that does not exist.
  if (row === undefined) throw new AppError(404, 'NOT_FOUND', 'no such transaction')
  const [cases, deductions, openRefunds] = await Promise.all([
    casesOfPayment(db, merchantNo, paymentId),
    repository.refundDeductions(merchantNo, paymentId),
    actionsRepository(db).openRefundsMinor(merchantNo, paymentId),
  ])
  const amountMinor = BigInt(row.amount_minor)
  const refundable = refundableMinor({
    status: row.status,
    txnType: row.txn_type,
    authStatus: row.auth_status,
    amountMinor,
    refundedMinor: BigInt(row.refunded_minor),
    // A refund that went through but whose amount is not known yet may have taken everything: offer nothing
    // until its amount is applied (never a refund twice).
    // Refunds made from the phone and not decided yet (pending, unknown) will take theirs.
    pendingRefundsMinor: deductions.waiting_refunds > 0 ? amountMinor : openRefunds,
    chargebackedMinor: BigInt(deductions.chargebacked_minor),
  })
  return {
    ...toListItem(row),
    website: row.website,
    cardCountry: row.card_country,
    cardMasked: row.card_masked,
    bookingAmount: money(row.booking_currency, row.booking_amount_minor),
    fee: money(row.booking_currency, row.fee_minor),
    deposit: money(row.booking_currency, row.deposit_minor),
    refunded: money(row.currency, row.refunded_minor),
    refundable: money(row.currency, refundable),
    bookedAt: toBeijingIsoOrNull(row.booked_at),
    failureCode: row.failure_code,
    failureReason: row.failure_reason,
    trackingNumber: row.tracking_number,
    trackingSite: row.tracking_site,
    deliveryStatus: row.delivery_status,
    fundsStatus: row.funds_status,
    fundsBatchNo: row.funds_batch_no,
    depositStatus: row.deposit_status,
    depositBatchNo: row.deposit_batch_no,
    updatedAt: toBeijingIso(row.updated_at),
    cases,
  }
}
