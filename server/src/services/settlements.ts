/** 交易划款: batch list (keyset pages, at most one year back) and one batch with its transactions' first page. */
import type { Queryable } from '../db'
import { AppError } from '../errors'
import { money } from '../money'
import { settlementBatchesRepository, type BatchCriteria, type BatchRow } from '../repositories/settlement-batches'
import { setFilterValues } from '@contract/filters'
import {
  SETTLEMENT_FILTER,
  type SettlementBatch,
  type SettlementDetail,
  type SettlementsPage,
  type SettlementsQuery,
} from '@contract/settlements'
import { toBeijingIso, toBeijingIsoOrNull } from '@contract/beijing-time'
import { resolveRange } from '../lib/time-range'
import { decodeCursor, encodeCursor, filterFingerprint } from '../lib/list-cursor'
import { DEFAULT_PAGE_SIZE, listTransactions } from './transactions'

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
  const size = limit ?? DEFAULT_PAGE_SIZE
  if (!Number.isInteger(size) || size < 1 || size > 100) {
    throw new AppError(400, 'VALIDATION_FAILED', 'limit: must be an integer from 1 to 100')
  }
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

export async function getSettlement(db: Queryable, merchantNo: string, batchNo: string, now: Date): Promise<SettlementDetail> {
  const row = await settlementBatchesRepository(db).find(merchantNo, batchNo)
  if (row === undefined) throw new AppError(404, 'NOT_FOUND', 'no such settlement batch')
  const transactions = await listTransactions(db, merchantNo, { batchNo }, { now })
  return { ...toBatch(row), transactions }
}
