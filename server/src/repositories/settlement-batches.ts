/** 交易划款: settlement batches of one merchant, keyset pages by created or settled time (indexes in 0005). */
import type { Queryable } from '../db'
import type { BatchRowKind, BatchTimeType, BatchType, SettlementsFilter } from '@contract/settlements'
import { BOOKED_REFUND, CHARGEBACK_ENTRIES } from './settlement-ledger-sql'

/** The keys of SETTLEMENT_FILTER that narrow the rows (every key but the range and the time type). */
export type BatchNarrowing = Omit<SettlementsFilter, 'from' | 'to' | 'timeType'>

export type BatchCriteria = BatchNarrowing & {
  account: string
  timeType: BatchTimeType
  /** Inclusive bounds on the time chosen by timeType. */
  from: Date
  to: Date
}

export interface BatchRow {
  batch_no: string
  batch_type: BatchType
  currency: string
  status: 'pending' | 'transferred'
  period_start: Date
  period_end: Date
  created_at: Date
  settled_at: Date | null
  txn_count: number
  gross_minor: string
  fee_minor: string
  refund_minor: string
  chargeback_minor: string
  deposit_minor: string
  net_minor: string
}

const COLUMNS = `batch_no, batch_type, currency, status, period_start, period_end, created_at, settled_at, txn_count,
  gross_minor, fee_minor, refund_minor, chargeback_minor, deposit_minor, net_minor`

/** One row of a batch (contract SettlementRow), every amount but txn_amount_minor in the batch currency. */
export interface BatchLineRow {
  kind: BatchRowKind
  row_key: string
  payment_id: string
  order_number: string
  at: Date
  txn_currency: string
  txn_amount_minor: string
  gross_minor: string
  fee_minor: string
  refund_minor: string
  chargeback_minor: string
  deposit_minor: string
  net_minor: string
  sort_key: string
}

/**
 * The rows of batch $2 of account $1, whatever its type (a transaction batch has no deposit rows and a deposit
 * batch only those): the transactions of its week, the chargebacks debited in it, the reserve it releases.
 * row_key orders rows of one time and is the keyset cursor's id.
 */
const BATCH_LINES = `
  select 'transaction' as kind, 't:' || t.payment_id as row_key, t.payment_id, t.order_number, t.payment_time as at,
    t.currency as txn_currency, t.amount_minor as txn_amount_minor, t.booking_amount_minor as gross_minor,
    t.fee_minor, ${BOOKED_REFUND} as refund_minor, 0::bigint as chargeback_minor, t.deposit_minor
  from transactions t where t.account = $1 and t.funds_batch_no = $2
  union all
  select 'chargeback', 'c:' || lpad(cb.case_id::text, 19, '0'), cb.payment_id, cb.order_number, cb.opened_at,
    cb.txn_currency, cb.txn_amount_minor, 0, 0, 0, cb.chargeback_minor, 0
  from (${CHARGEBACK_ENTRIES}) cb where cb.batch_no = $2
  union all
  select 'deposit', 'd:' || t.payment_id, t.payment_id, t.order_number, t.payment_time,
    t.currency, t.amount_minor, 0, 0, 0, 0, t.deposit_minor
  from transactions t where t.account = $1 and t.deposit_batch_no = $2`

/** Adds a parameter and returns its placeholder. */
type Param = (value: unknown) => string

/** Each narrowing key's value once set. */
type NarrowingValues = { [K in keyof BatchNarrowing]-?: NonNullable<BatchNarrowing[K]> }

/**
 * The SQL predicate of each narrowing key of SETTLEMENT_FILTER, in the table's order. A key added to the table
 * does not compile until it has its predicate here.
 */
const PREDICATES: { [K in keyof NarrowingValues]: (value: NarrowingValues[K], param: Param) => string } = {
  batchNo: (value, param) => `batch_no = ${param(value)}`,
  currency: (value, param) => `currency = ${param(value)}`,
  batchType: (value, param) => `batch_type = ${param(value)}`,
}

const NARROWING_KEYS = Object.keys(PREDICATES) as Array<keyof NarrowingValues>

function predicate<K extends keyof NarrowingValues>(key: K, value: NarrowingValues[K], param: Param): string {
  return PREDICATES[key](value, param)
}

function where(c: BatchCriteria): { sql: string; params: unknown[]; timeColumn: string } {
  const params: unknown[] = [c.account, c.from, c.to]
  const param: Param = (value) => {
    params.push(value)
    return `$${params.length}`
  }
  const timeColumn = c.timeType === 'settled' ? 'settled_at' : 'created_at'
  const clauses = ['account = $1', `${timeColumn} >= $2`, `${timeColumn} <= $3`]
  for (const key of NARROWING_KEYS) {
    const value = c[key]
    if (value !== undefined) clauses.push(predicate(key, value, param))
  }
  return { sql: clauses.join(' and '), params, timeColumn }
}

export function settlementBatchesRepository(db: Queryable) {
  return {
    async page(c: BatchCriteria, after: { time: string; batchNo: string } | undefined, limit: number) {
      const { sql, params, timeColumn } = where(c)
      let keyset = ''
      if (after !== undefined) {
        params.push(after.time, after.batchNo)
        keyset = ` and (${timeColumn}, batch_no) < ($${params.length - 1}::timestamptz, $${params.length})`
      }
      params.push(limit)
      const { rows } = await db.query<BatchRow & { sort_key: string }>(
        `select ${COLUMNS}, to_char(${timeColumn} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as sort_key
         from settlement_batches where ${sql}${keyset}
         order by ${timeColumn} desc, batch_no desc limit $${params.length}`,
        params,
      )
      return rows
    },

    async count(c: BatchCriteria): Promise<number> {
      const { sql, params } = where(c)
      const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from settlement_batches where ${sql}`, params)
      return rows[0]?.n ?? 0
    },

    /** A page of batch `batchNo`'s rows, newest first, after the keyset `after`. */
    async lines(account: string, batchNo: string, after: { time: string; key: string } | undefined, limit: number) {
      const params: unknown[] = [account, batchNo]
      let keyset = ''
      if (after !== undefined) {
        params.push(after.time, after.key)
        keyset = 'where (at, row_key) < ($3::timestamptz, $4)'
      }
      params.push(limit)
      const { rows } = await db.query<BatchLineRow>(
        `select kind, row_key, payment_id, order_number, at, trim(txn_currency) as txn_currency,
           txn_amount_minor::text, gross_minor::text, fee_minor::text, refund_minor::text, chargeback_minor::text,
           deposit_minor::text,
           (case when kind = 'deposit' then deposit_minor
                 else gross_minor - fee_minor - refund_minor - chargeback_minor - deposit_minor end)::text as net_minor,
           to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as sort_key
         from (${BATCH_LINES}) line ${keyset}
         order by at desc, row_key desc limit $${params.length}`,
        params,
      )
      return rows
    },

    async lineCount(account: string, batchNo: string): Promise<number> {
      const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from (${BATCH_LINES}) line`, [account, batchNo])
      return rows[0]?.n ?? 0
    },

    async find(account: string, batchNo: string): Promise<BatchRow | undefined> {
      const { rows } = await db.query<BatchRow>(
        `select ${COLUMNS} from settlement_batches where account = $1 and batch_no = $2`,
        [account, batchNo],
      )
      return rows[0]
    },
  }
}
