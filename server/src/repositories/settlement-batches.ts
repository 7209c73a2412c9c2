/** 交易划款: settlement batches of one merchant, keyset pages by created or settled time (indexes in 0005). */
import type { Queryable } from '../db'
import type { BatchTimeType, BatchType, SettlementsFilter } from '@contract/settlements'

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

    async find(account: string, batchNo: string): Promise<BatchRow | undefined> {
      const { rows } = await db.query<BatchRow>(
        `select ${COLUMNS} from settlement_batches where account = $1 and batch_no = $2`,
        [account, batchNo],
      )
      return rows[0]
    },
  }
}
