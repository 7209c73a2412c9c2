/**
 * Aggregates behind the charts (可视化图表): grouped counts over a merchant's transactions and cases in a range,
 * optionally one terminal and one card brand. Days are Beijing calendar days.
 */
import type { Queryable } from '../db'

export interface ChartCriteria {
  account: string
  from: Date
  to: Date
  terminal?: string
  cardBrand?: string
}

const BEIJING_DAY = `to_char((t.payment_time at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`

/** The transaction-side narrowing every chart shares: an optional terminal and card brand on `t`. */
function narrowTransactions(c: ChartCriteria, params: unknown[], clauses: string[]): void {
  if (c.terminal !== undefined) {
    params.push(c.terminal)
    clauses.push(`t.terminal = $${params.length}`)
  }
  if (c.cardBrand !== undefined) {
    params.push(c.cardBrand)
    clauses.push(`t.card_brand = $${params.length}`)
  }
}

function where(c: ChartCriteria): { sql: string; params: unknown[] } {
  const params: unknown[] = [c.account, c.from, c.to]
  const clauses = ['t.account = $1', 't.payment_time >= $2', 't.payment_time <= $3']
  narrowTransactions(c, params, clauses)
  return { sql: clauses.join(' and '), params }
}

/** Per-transaction case flags: whether it has a chargeback / fraud case (open or handled). */
const CASE_FLAGS = `exists (select 1 from order_cases c where c.payment_id = t.payment_id and c.kind = 'chargeback') as has_chargeback,
  exists (select 1 from order_cases c where c.payment_id = t.payment_id and c.kind = 'fraud') as has_fraud`

export interface DayRow {
  day: string
  total: number
  success: number
  failure: number
  /** Neither yet (payment_results -1): 交易笔数 = 成功 + 失败 + 处理中. */
  pending: number
  chargebacks: number
  frauds: number
  refunds: number
}

export interface GroupRow {
  key: string | null
  total: number
  success: number
}

export function chartFiguresRepository(db: Queryable) {
  return {
    /** Per Beijing payment day: all, successes, failures, pending; and among successes those with a chargeback, fraud, refund. */
    async byDay(c: ChartCriteria): Promise<DayRow[]> {
      const { sql, params } = where(c)
      const { rows } = await db.query<DayRow>(
        `select day, count(*)::int as total,
           count(*) filter (where status = 'success')::int as success,
           count(*) filter (where status = 'failure')::int as failure,
           count(*) filter (where status = 'pending')::int as pending,
           count(*) filter (where status = 'success' and has_chargeback)::int as chargebacks,
           count(*) filter (where status = 'success' and has_fraud)::int as frauds,
           count(*) filter (where status = 'success' and refund_status <> 'none')::int as refunds
         from (select ${BEIJING_DAY} as day, t.status, t.refund_status, ${CASE_FLAGS}
               from transactions t where ${sql}) d
         group by day order by day`,
        params,
      )
      return rows
    },

    /** All and successes grouped by a column of transactions (only whitelisted expressions). */
    async groupBy(c: ChartCriteria, by: 'card_country' | 'card_brand' | 'delivery' | 'failure_reason'): Promise<GroupRow[]> {
      const expressions = {
        card_country: 't.card_country',
        card_brand: 't.card_brand',
        // 未上传物流单号 is its own bar next to the delivery states of those with a tracking number.
        delivery: `case when t.tracking_number is null then 'no_tracking' else t.delivery_status end`,
        failure_reason: `coalesce(t.failure_code || ' ' || t.failure_reason, t.failure_reason, t.failure_code)`,
      }
      const { sql, params } = where(c)
      const onlyFailures = by === 'failure_reason' ? ` and t.status = 'failure'` : ''
      const onlySuccesses = by === 'delivery' ? ` and t.status = 'success'` : ''
      const { rows } = await db.query<GroupRow>(
        `select ${expressions[by]} as key, count(*)::int as total, count(*) filter (where t.status = 'success')::int as success
         from transactions t where ${sql}${onlyFailures}${onlySuccesses}
         group by 1 order by 2 desc, 1`,
        params,
      )
      return rows
    },

    /**
     * Chargeback cases received (opened_at) in the range on matching transactions, by reason: the case date, not
     * the payment's, so a chargeback of a payment made before the window counts here (CHART_DATE_BASIS).
     */
    async chargebackReasons(c: ChartCriteria): Promise<GroupRow[]> {
      const params: unknown[] = [c.account, c.from, c.to]
      const clauses = [`c.account = $1`, `c.kind = 'chargeback'`, 'c.opened_at >= $2', 'c.opened_at <= $3']
      narrowTransactions(c, params, clauses)
      const { rows } = await db.query<GroupRow>(
        `select coalesce(c.reason_code || ' ' || c.reason, c.reason, c.reason_code) as key, count(*)::int as total,
           count(*)::int as success
         from order_cases c join transactions t on t.payment_id = c.payment_id and t.account = c.account
         where ${clauses.join(' and ')}
         group by 1 order by 2 desc, 1`,
        params,
      )
      return rows
    },

    /** Per card brand: successes and those among them with a chargeback, fraud, refund. */
    async casesByBrand(c: ChartCriteria): Promise<Array<DayRow & { brand: string | null }>> {
      const { sql, params } = where(c)
      const { rows } = await db.query<DayRow & { brand: string | null }>(
        `select brand, count(*)::int as total,
           count(*) filter (where status = 'success')::int as success,
           count(*) filter (where status = 'failure')::int as failure,
           count(*) filter (where status = 'pending')::int as pending,
           count(*) filter (where status = 'success' and has_chargeback)::int as chargebacks,
           count(*) filter (where status = 'success' and has_fraud)::int as frauds,
           count(*) filter (where status = 'success' and refund_status <> 'none')::int as refunds
         from (select t.card_brand as brand, t.status, t.refund_status, ${CASE_FLAGS}
               from transactions t where ${sql}) d
         group by brand order by brand nulls last`,
        params,
      )
      return rows
    },
  }
}
