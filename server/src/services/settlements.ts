/**
 * 交易划款: batch list (keyset pages, at most one year back) and one batch with the first page of its rows — the
 * transactions, chargebacks and released reserve whose sums are the batch's figures (docs/reconciliation.md).
 */
import type { Queryable } from '../db'
import { AppError } from '../errors'
import { money } from '../money'
import {
  settlementBatchesRepository,
  type BatchCriteria,
  type BatchLineRow,
  type BatchRow,
} from '../repositories/settlement-batches'
import { setFilterValues } from '@contract/filters'
import {
  SETTLEMENT_FILTER,
  type SettlementBatch,
  type SettlementDetail,
  type SettlementRow,
  type SettlementRowsPage,
  type SettlementRowsQuery,
  type SettlementsPage,
  type SettlementsQuery,
} from '@contract/settlements'
import { toBeijingIso, toBeijingIsoOrNull } from '@contract/beijing-time'
import { resolveRange } from '../lib/time-range'
import { decodeCursor, encodeCursor, filterFingerprint } from '../lib/list-cursor'
import { DEFAULT_PAGE_SIZE } from './transactions'

function toBatch(row: BatchRow): SettlementBatch {
  const c = row.currency.trim()
  return {
    batchNo: row.batch_no,
    batchType: row.batch_type,
    currency: c,
    status: row.status,
    periodStart: toBeijingIso(row.period_start),
    periodEnd: toBeijingIso(row.period_end),
    createdAt: toBeijingIso(row.created_at),
    settledAt: toBeijingIsoOrNull(row.settled_at),
    txnCount: row.txn_count,
    gross: money(c, row.gross_minor),
    fee: money(c, row.fee_minor),
    refund: money(c, row.refund_minor),
    chargeback: money(c, row.chargeback_minor),
    deposit: money(c, row.deposit_minor),
    net: money(c, row.net_minor),
  }
}

export async function listSettlements(
  db: Queryable,
  merchantNo: string,
  query: SettlementsQuery,
  now: Date,
): Promise<SettlementsPage> {
  const { limit, cursor, ...filter } = query
  const size = pageSize(limit)
  const { from, to } = resolveRange(filter, now)
  const criteria: BatchCriteria = {
    ...setFilterValues(SETTLEMENT_FILTER, filter),
    account: merchantNo,
    timeType: filter.timeType ?? SETTLEMENT_FILTER.timeType.default,
    from,
    to,
  }
  const fingerprint = filterFingerprint(`${merchantNo}:settlements`, filter)
  const after = cursor === undefined ? undefined : decodeCursor(cursor, fingerprint)
  const repository = settlementBatchesRepository(db)
  const [rows, count] = await Promise.all([
    repository.page(criteria, after && { time: after.time, batchNo: after.id }, size + 1),
    after === undefined ? repository.count(criteria) : undefined,
  ])
  const items = rows.slice(0, size)
  const last = items[items.length - 1]
  const page: SettlementsPage = {
    items: items.map(toBatch),
    nextCursor:
      rows.length > size && last !== undefined ? encodeCursor({ time: last.sort_key, id: last.batch_no }, fingerprint) : null,
  }
  if (count !== undefined) page.total = { count }
  return page
}

function toRow(currency: string, row: BatchLineRow): SettlementRow {
  return {
    kind: row.kind,
    paymentId: row.payment_id,
    orderNumber: row.order_number,
    time: toBeijingIso(row.at),
    transactionAmount: money(row.txn_currency, row.txn_amount_minor),
    gross: money(currency, row.gross_minor),
    fee: money(currency, row.fee_minor),
    refund: money(currency, row.refund_minor),
    chargeback: money(currency, row.chargeback_minor),
    deposit: money(currency, row.deposit_minor),
    net: money(currency, row.net_minor),
  }
}

function pageSize(limit: number | undefined): number {
  const size = limit ?? DEFAULT_PAGE_SIZE
  if (!Number.isInteger(size) || size < 1 || size > 100) {
    throw new AppError(400, 'VALIDATION_FAILED', 'limit: must be an integer from 1 to 100')
  }
  return size
}

async function findBatch(db: Queryable, merchantNo: string, batchNo: string): Promise<BatchRow> {
  const row = await settlementBatchesRepository(db).find(merchantNo, batchNo)
  // Another merchant's batch is indistinguishable from one that does not exist.
  if (row === undefined) throw new AppError(404, 'NOT_FOUND', 'no such settlement batch')
  return row
}

async function rowsPage(db: Queryable, merchantNo: string, batch: BatchRow, query: SettlementRowsQuery): Promise<SettlementRowsPage> {
  const size = pageSize(query.limit)
  const fingerprint = filterFingerprint(`${merchantNo}:settlement-rows`, { batchNo: batch.batch_no })
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, fingerprint)
  const repository = settlementBatchesRepository(db)
  const [rows, count] = await Promise.all([
    repository.lines(merchantNo, batch.batch_no, after && { time: after.time, key: after.id }, size + 1),
    after === undefined ? repository.lineCount(merchantNo, batch.batch_no) : undefined,
  ])
  const items = rows.slice(0, size)
  const last = items[items.length - 1]
  const currency = batch.currency.trim()
  const page: SettlementRowsPage = {
    items: items.map((row) => toRow(currency, row)),
    nextCursor:
      rows.length > size && last !== undefined ? encodeCursor({ time: last.sort_key, id: last.row_key }, fingerprint) : null,
  }
  if (count !== undefined) page.total = { count }
  return page
}

export async function getSettlement(db: Queryable, merchantNo: string, batchNo: string): Promise<SettlementDetail> {
  const batch = await findBatch(db, merchantNo, batchNo)
  return { ...toBatch(batch), rows: await rowsPage(db, merchantNo, batch, {}) }
}

/** Later pages of a batch's rows (the detail carries the first). */
export async function listSettlementRows(
  db: Queryable,
  merchantNo: string,
  batchNo: string,
  query: SettlementRowsQuery,
): Promise<SettlementRowsPage> {
  return rowsPage(db, merchantNo, await findBatch(db, merchantNo, batchNo), query)
}
