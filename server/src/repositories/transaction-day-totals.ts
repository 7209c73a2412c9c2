/**
 * Count and per-currency totals of a payment-time range read mostly from 0008's `transaction_day_totals`: the
 * whole Beijing days inside the range are summed from the rollup (a handful of rows per day, ~5 ms for a year of a
 * million transactions instead of ~200 ms of row scan), and only the partial days at the two ends of the range are
 * read from `transactions`.
 *
 * Exact, not an estimate: triggers keep the rollup inside the writers' own transactions, and the rollup and the
 * two partial days are read in one statement, i.e. one snapshot. It applies only when every filter is a column of
 * the rollup (terminal, currency) and the range is on payment time; `wholeDaysOf` says whether it does.
 */
import type { Queryable } from '../db'
// The same day boundaries as 0008's transaction_beijing_day().
import { beijingDate, DAY_MS, startOfBeijingDay } from '@contract/beijing-time'
import type { TransactionStatus } from '@contract/transactions'

/**
 * One currency of the totals (what both the rollup and the row scan return): `count` matching transactions, of
 * which `summed` have the summed status and together `amount_minor`.
 */
export interface CurrencyTotalRow {
  currency: string
  count: string
  summed: string
  amount_minor: string
}

/** What the rollup can answer: an account, an inclusive payment-time range and its own columns. */
export interface DayTotalsFilter {
  account: string
  from: Date
  to: Date
  terminal?: string
  currency?: string
  status?: TransactionStatus
  /** The status whose amounts are summed (金额统计), successful payments unless said; the count is of every status. */
  sumStatus?: TransactionStatus
}

/** The range split into a head [from, wholeFrom), whole days [wholeFrom, wholeUntil) and a tail [wholeUntil, to]. */
export interface DayTotalsPlan extends DayTotalsFilter {
  /** Beijing dates of the first and last whole day. */
  firstDay: string
  lastDay: string
  /** 00:00 Beijing time of firstDay, and of the day after lastDay. */
  wholeFrom: Date
  wholeUntil: Date
}

/**
 * The whole Beijing days inside [from, to], or undefined when there is none (a range within a day or across one
 * midnight: the plain row scan reads no more than the partial days would). A day is whole when all of it is in
 * the range: it starts at or after `from` and the next day starts at or before `to` — `to` is inclusive, so a
 * range ending at 23:59:59.999 leaves that day partial, as the microsecond rows after it are outside the range.
 */
export function wholeDaysOf(filter: DayTotalsFilter): DayTotalsPlan | undefined {
  const from = filter.from.getTime()
  const fromDay = startOfBeijingDay(from)
  const wholeFrom = fromDay === from ? from : fromDay + DAY_MS
  const wholeUntil = startOfBeijingDay(filter.to)
  if (wholeUntil <= wholeFrom) return undefined
  return {
    ...filter,
    firstDay: beijingDate(wholeFrom),
    lastDay: beijingDate(wholeUntil - DAY_MS),
    wholeFrom: new Date(wholeFrom),
    wholeUntil: new Date(wholeUntil),
  }
}

/** Count and amount per currency: the plan's whole days from the rollup plus its head and tail from the rows. */
export async function dayTotals(db: Queryable, plan: DayTotalsPlan): Promise<CurrencyTotalRow[]> {
  const params: unknown[] = [
    plan.account,
    plan.firstDay,
    plan.lastDay,
    plan.from,
    plan.wholeFrom,
    plan.wholeUntil,
    plan.to,
    plan.sumStatus ?? 'success',
  ]
  // The same terminal/currency/status conditions in all three parts; both tables name the columns alike.
  let narrowing = ''
  for (const column of ['terminal', 'currency', 'status'] as const) {
    const value = plan[column]
    if (value === undefined) continue
    params.push(value)
    narrowing += ` and ${column} = $${params.length}`
  }
  // The partial days are range reads of transactions_account_time_totals_idx (index-only once vacuumed).
  const { rows } = await db.query<CurrencyTotalRow>(
    `select currency, sum(n)::text as count, coalesce(sum(n) filter (where status = $8), 0)::text as summed,
            coalesce(sum(a) filter (where status = $8), 0)::text as amount_minor from (
       select currency, status, txn_count as n, amount_minor as a from transaction_day_totals
        where account = $1 and day between $2::date and $3::date${narrowing}
       union all
       select currency, status, 1, amount_minor from transactions
        where account = $1 and payment_time >= $4 and payment_time < $5${narrowing}
       union all
       select currency, status, 1, amount_minor from transactions
        where account = $1 and payment_time >= $6 and payment_time <= $7${narrowing}
     ) parts
     group by currency`,
    params,
  )
  return rows
}
