/**
 * Aggregates behind the charts (可视化图表): grouped counts over a merchant's transactions and cases in a range,
 * optionally one terminal and one card brand. Days are Beijing calendar days.
 *
 * Transaction counts come from 0014's transaction_chart_facets for the whole days of the range and from the rows for
 * the partial days at its ends, so a year costs what its rollup rows cost (a payment's chargeback / fraud flags are
 * kept on it from order_cases by 0014's triggers); chargeback reasons are read from the cases (~1 % of payments).
 */
import type { Queryable } from '../db'
import { rollupSpans, spansSql } from './rollup-spans'
import { wholeDaysOf } from './transaction-day-totals'

export interface ChartCriteria {
  account: string
  from: Date
  to: Date
  terminal?: string
  cardBrand?: string
}

/** The transaction-side narrowing every chart shares: an optional terminal and card brand on `t`. */
function narrowTransactions(c: ChartCriteria, params: unknown[], clauses: string[], alias = 't.'): void {
  if (c.terminal !== undefined) {
    params.push(c.terminal)
    clauses.push(`${alias}terminal = $${params.length}`)
  }
  if (c.cardBrand !== undefined) {
    params.push(c.cardBrand)
    clauses.push(`${alias}card_brand = $${params.length}`)
  }
}

/**
 * The facets of 0014's transaction_chart_facets and the same figures of one transaction row (for the partial days):
 * its key, whether the 'day' facet's flags apply, and which rows the facet holds. These are the migration's
 * expressions.
 */
const FACETS = {
  day: { key: 'null::text', flags: true, holds: 'true' },
  country: { key: 't.card_country', flags: false, holds: 'true' },
  failure: { key: `coalesce(t.failure_code || ' ' || t.failure_reason, t.failure_reason, t.failure_code)`, flags: false, holds: `t.status = 'failure'` },
  // 未上传物流单号 is its own bar next to the delivery states of those with a tracking number.
  logistics: { key: `case when t.tracking_number is null then 'no_tracking' else t.delivery_status end`, flags: false, holds: `t.status = 'success'` },
} as const

type Facet = keyof typeof FACETS

/** Among successful payments: refunded, with a chargeback case, with a fraud case (the cohort of the case charts). */
const FLAG_EXPRESSIONS = {
  refunded: `t.refund_status <> 'none'`,
  chargeback: 't.has_chargeback',
  fraud: 't.has_fraud',
} as const

/**
 * One facet's counts in the range as rows `(day, card_brand, status, key, refunded, chargeback, fraud, n)`: the
 * whole Beijing days from the rollup, the partial days at the ends (or the whole range when it holds no whole day)
 * from the transactions.
 */
function facetRows(c: ChartCriteria, facet: Facet, params: unknown[], { byMonth }: { byMonth: boolean }): string {
  const { key, flags, holds } = FACETS[facet]
  const flagColumns = Object.entries(FLAG_EXPRESSIONS)
    .map(([name, expression]) => `${flags ? `(t.status = 'success' and ${expression})` : 'false'} as ${name}`)
    .join(', ')
  const rows = (from: Date, to: Date, before?: Date): string => {
    const clauses = ['t.account = $1', `t.payment_time >= $${params.push(from)}`, `t.payment_time <= $${params.push(to)}`, holds]
    if (before !== undefined) clauses.push(`t.payment_time < $${params.push(before)}`)
    narrowTransactions(c, params, clauses)
    return `select transaction_beijing_day(t.payment_time) as day, t.card_brand, t.status, ${key} as key, ${flagColumns},
              1::bigint as n
            from transactions t where ${clauses.join(' and ')}`
  }
  const plan = wholeDaysOf({ account: c.account, from: c.from, to: c.to })
  if (plan === undefined) return rows(c.from, c.to)
  params.push(facet)
  const facetParam = params.length
  const wholeDays = spansSql(rollupSpans(plan, byMonth), 'transaction_chart_facets', params, (table, days) => {
    const clauses = ['f.account = $1', `f.facet = $${facetParam}`, days]
    narrowTransactions(c, params, clauses, 'f.')
    return `select f.day, f.card_brand, f.status, f.key, f.refunded, f.chargeback, f.fraud, f.txn_count as n
          from ${table} f where ${clauses.join(' and ')}`
  }, 'f.day')
  return `${wholeDays}
          union all ${rows(c.from, plan.wholeFrom, plan.wholeFrom)}
          union all ${rows(plan.wholeUntil, c.to)}`
}

/** The counts of a grouping of the 'day' facet: all, successes, failures, pending; successes charged back, reported, refunded. */
const STATUS_COUNTS = `sum(n)::int as total,
  coalesce(sum(n) filter (where status = 'success'), 0)::int as success,
  coalesce(sum(n) filter (where status = 'failure'), 0)::int as failure,
  coalesce(sum(n) filter (where status = 'pending'), 0)::int as pending,
  coalesce(sum(n) filter (where chargeback), 0)::int as chargebacks,
  coalesce(sum(n) filter (where fraud), 0)::int as frauds,
  coalesce(sum(n) filter (where refunded), 0)::int as refunds`

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
      const params: unknown[] = [c.account]
      const { rows } = await db.query<DayRow>(
        `select to_char(day, 'YYYY-MM-DD') as day, ${STATUS_COUNTS}
         from (${facetRows(c, 'day', params, { byMonth: false })}) d group by d.day order by d.day`,
        params,
      )
      return rows
    },

    /** All and successes grouped by a key of the transactions (only whitelisted facets). */
    async groupBy(c: ChartCriteria, by: 'card_country' | 'card_brand' | 'delivery' | 'failure_reason'): Promise<GroupRow[]> {
      const params: unknown[] = [c.account]
      const [facet, key] = ({
        card_country: ['country', 'key'],
        card_brand: ['day', 'card_brand'],
        delivery: ['logistics', 'key'],
        failure_reason: ['failure', 'key'],
      } as const)[by]
      const { rows } = await db.query<GroupRow>(
        `select ${key} as key, sum(n)::int as total, coalesce(sum(n) filter (where status = 'success'), 0)::int as success
         from (${facetRows(c, facet, params, { byMonth: true })}) d
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
      const params: unknown[] = [c.account]
      const { rows } = await db.query<DayRow & { brand: string | null }>(
        `select card_brand as brand, ${STATUS_COUNTS}
         from (${facetRows(c, 'day', params, { byMonth: true })}) d group by card_brand order by card_brand nulls last`,
        params,
      )
      return rows
    },
  }
}
