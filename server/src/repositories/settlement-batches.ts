/** 交易划款: settlement batches of one merchant, keyset pages by created or settled time (indexes in 0005). */
import type { Queryable } from '../db'
import type { BatchTimeType, BatchType } from '../../../types/settlements'

export interface BatchCriteria {
  account: string
  timeType: BatchTimeType
  from: Date
  to: Date
  batchNo?: string
  currency?: string
  batchType?: BatchType
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

function where(c: BatchCriteria): { sql: string; params: unknown[]; timeColumn: string } {
  const params: unknown[] = [c.account, c.from, c.to]
  const timeColumn = c.timeType === 'settled' ? 'settled_at' : 'created_at'
  const clauses = ['account = $1', `${timeColumn} >= $2`, `${timeColumn} <= $3`]
  const add = (clause: string, value: unknown) => {
    params.push(value)
    clauses.push(`${clause} $${params.length}`)
  }
  if (c.batchNo !== undefined) add('batch_no =', c.batchNo)
  if (c.currency !== undefined) add('currency =', c.currency)
  if (c.batchType !== undefined) add('batch_type =', c.batchType)
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
