/**
 * Transactions (交易明细) of one merchant: filtered keyset pages, their count and totals, and one transaction
 * with its cases. Every statement is scoped by `account`, the first column of every index in 0005.
 *
 * Pages are keyset only (no OFFSET): `(time, payment_id) < (last row's)` in the order of the indexes
 * transactions_account_time_idx / transactions_account_settlement_idx, so page 500 reads what page 1 reads.
 * Totals come from the day rollup (0008, with 0009's status) where the filter allows it exactly
 * (transaction-day-totals.ts), else from 0014's list facets where one holds the filter (transaction-rollups.ts),
 * else a scan. An ID (order number, payment ID, batch number) is compared lower-cased,
 * through 0009's lower() indexes.
 */
import { AUTHORIZATION_VALIDITY, FALLBACK_VALIDITY } from '@contract/authorization-validity'
import type { Queryable } from '../db'
import { dayTotals, wholeDaysOf, type CurrencyTotalRow, type DayTotalsFilter } from './transaction-day-totals'
import { facetTotals, listFacetOf } from './transaction-rollups'
import type {
  AuthStatus,
  TotalsBasis,
  DeliveryStatus,
  RefundStatus,
  SettlementState,
  TimeType,
  TransactionStatus,
  TransactionsFilter,
  TxnType,
} from '@contract/transactions'

/** The keys of TRANSACTION_FILTER that narrow the rows (every key but the range and the time type). */
export type TransactionNarrowing = Omit<TransactionsFilter, 'from' | 'to' | 'timeType'>

export type TransactionCriteria = TransactionNarrowing & {
  account: string
  timeType: TimeType
  /** Inclusive bounds on the time chosen by timeType. */
  from: Date
  to: Date
  /** What 金额统计 sums (totalsBasisOf of the filter). */
  basis: TotalsBasis
}

/** Where a page ends: the sort time exactly as stored (UTC, microseconds) and the payment id. */
export interface TransactionKey {
  time: string
  paymentId: string
}

export interface TransactionRow {
  payment_id: string
  account: string
  terminal: string
  order_number: string
  payment_time: Date
  settlement_time: Date | null
  booked_at: Date | null
  txn_type: TxnType
  status: TransactionStatus
  auth_status: AuthStatus | null
  payment_method: string
  card_brand: string | null
  card_country: string | null
  card_masked: string | null
  currency: string
  amount_minor: string
  booking_currency: string
  booking_amount_minor: string
  fee_minor: string
  deposit_minor: string
  refunded_minor: string
  refund_status: RefundStatus
  failure_code: string | null
  failure_reason: string | null
  tracking_number: string | null
  tracking_site: string | null
  delivery_status: DeliveryStatus
  funds_status: SettlementState
  funds_batch_no: string | null
  deposit_status: SettlementState
  deposit_batch_no: string | null
  website: string | null
  updated_at: Date
}

export type TransactionListRow = Pick<
  TransactionRow,
  | 'payment_id'
  | 'order_number'
  | 'terminal'
  | 'payment_method'
  | 'card_brand'
  | 'txn_type'
  | 'status'
  | 'auth_status'
  | 'currency'
  | 'amount_minor'
  | 'refund_status'
  | 'payment_time'
  | 'settlement_time'
> & { sort_key: string }

export interface RefundDeductionsRow {
  chargebacked_minor: string
  waiting_refunds: number
}

/** Exact to the microsecond, in UTC whatever the session's TimeZone: a cursor must reproduce the value. */
const keyText = (column: string): string => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

const LIST_COLUMNS = `t.payment_id, t.order_number, t.terminal, t.payment_method, t.card_brand, t.txn_type, t.status,
  t.auth_status, t.currency, t.amount_minor, t.refund_status, t.payment_time, t.settlement_time`

/** Adds a parameter and returns its placeholder. */
type Param = (value: unknown) => string

/** Each narrowing key's value once set. */
type NarrowingValues = { [K in keyof TransactionNarrowing]-?: NonNullable<TransactionNarrowing[K]> }

/**
 * The SQL predicate of each narrowing key of TRANSACTION_FILTER, in the table's order. A key added to the
 * table does not compile until it has its predicate here.
 */
const PREDICATES: { [K in keyof NarrowingValues]: (value: NarrowingValues[K], param: Param) => string } = {
  // Lower-cased on both sides: the expressions of 0009's indexes, so one ID is an index look-up over the year.
  q: (value, param) => {
    const q = param(value.toLowerCase())
    return `(lower(t.order_number) = ${q} or lower(t.payment_id) = ${q})`
  },
  batchNo: (value, param) => {
    const batch = param(value.toLowerCase())
    return `(lower(t.funds_batch_no) = ${batch} or lower(t.deposit_batch_no) = ${batch})`
  },
  currency: (value, param) => `t.currency = ${param(value)}`,
  bookingCurrency: (value, param) => `t.booking_currency = ${param(value)}`,
  txnType: (value, param) => `t.txn_type = ${param(value)}`,
  cardBrand: (value, param) => `t.card_brand = ${param(value)}`,
  tracking: (value) => ({ uploaded: 't.tracking_number is not null', missing: 't.tracking_number is null' })[value],
  delivery: (value, param) => `t.delivery_status = ${param(value)}`,
  fundsStatus: (value, param) => `t.funds_status = ${param(value)}`,
  depositStatus: (value, param) => `t.deposit_status = ${param(value)}`,
  terminal: (value, param) => `t.terminal = ${param(value)}`,
  status: (value, param) => `t.status = ${param(value)}`,
  authStatus: (value, param) => `t.auth_status = ${param(value)}`,
  // Served by order_cases_open_idx (account, kind, opened_at) where status = 'open'.
  case: (value, param) =>
    `t.payment_id in (select c.payment_id from order_cases c
        where c.account = $1 and c.kind = ${param(value)} and c.status = 'open')`,
}

const NARROWING_KEYS = Object.keys(PREDICATES) as Array<keyof NarrowingValues>

function predicate<K extends keyof NarrowingValues>(key: K, value: NarrowingValues[K], param: Param): string {
  return PREDICATES[key](value, param)
}

/** The column of each time type; each has its keyset index (0005, 0009). */
const TIME_COLUMNS: Record<TimeType, string> = {
  payment: 't.payment_time',
  settlement: 't.settlement_time',
  booked: 't.booked_at',
}

/**
 * The same table as SQL, for ordering a list by expiry: `<authorizedAt> + validity days of <brand>`. Built from
 * AUTHORIZATION_VALIDITY, so the list's order and the days shown can never disagree. The brands and days are our own
 * constants (quotes doubled all the same), never input.
 */
export function expirySql(brandColumn: string, authorizedAtColumn: string): string {
  const cases = Object.entries(AUTHORIZATION_VALIDITY)
    .map(([brand, validity]) => `when '${brand.replaceAll("'", "''")}' then ${validity.days}`)
    .join(' ')
  return `(${authorizedAtColumn} + make_interval(days => case lower(trim(coalesce(${brandColumn}, ''))) ${cases} else ${FALLBACK_VALIDITY.days} end))`
}

/**
 * How a page is ordered. Newest first by the chosen time; but the pending pre-authorizations are a to-do list, and
 * the one to act on first is the one that expires first — so soonest expiry first (per card brand's validity,
 * contract/authorization-validity.ts). Few rows are pending, so the expression needs no index of its own.
 */
function listOrder(criteria: TransactionCriteria, timeColumn: string): { key: string; direction: 'asc' | 'desc'; after: '<' | '>' } {
  if (criteria.authStatus === 'pending') return { key: expirySql('t.card_brand', 't.payment_time'), direction: 'asc', after: '>' }
  return { key: timeColumn, direction: 'desc', after: '<' }
}

/**
 * WHERE clause and parameters for the criteria; $1 is always the account. `params` continues a statement's
 * parameters (its $1 being the account); `before` also excludes that instant and later (a partial day's end).
 */
function where(
  criteria: TransactionCriteria,
  params: unknown[] = [criteria.account],
  before?: Date,
): { sql: string; params: unknown[]; timeColumn: string } {
  const param: Param = (value) => {
    params.push(value)
    return `$${params.length}`
  }
  const timeColumn = TIME_COLUMNS[criteria.timeType]
  const clauses = ['t.account = $1', `${timeColumn} >= ${param(criteria.from)}`, `${timeColumn} <= ${param(criteria.to)}`]
  if (before !== undefined) clauses.push(`${timeColumn} < ${param(before)}`)
  for (const key of NARROWING_KEYS) {
    const value = criteria[key]
    if (value !== undefined) clauses.push(predicate(key, value, param))
  }
  return { sql: clauses.join(' and '), params, timeColumn }
}

/**
 * The criteria as a filter of the day rollup, or undefined when something else narrows them (another filter, or
 * settlement time): the rollup has no other columns, so those totals must come from the rows. Everything not
 * named here counts as "something else", so a filter added to the criteria later falls back to the scan.
 */
/** The narrowing keys of the criteria (without the account, range, time type and basis). */
function narrowingOf(criteria: TransactionCriteria): TransactionNarrowing {
  const { account: _account, timeType: _timeType, from: _from, to: _to, basis: _basis, ...narrowing } = criteria
  return narrowing
}

function rollupFilterOf(criteria: TransactionCriteria): DayTotalsFilter | undefined {
  const { account, timeType, from, to, terminal, currency, status, basis, ...others } = criteria
  if (timeType !== 'payment' || basis.amount !== 'transaction') return undefined
  if (Object.values(others).some((value) => value !== undefined)) return undefined
  return { account, from, to, terminal, currency, status, sumStatus: basis.status }
}

export function transactionsRepository(db: Queryable) {
  return {
    /**
     * Up to `limit` rows after `after`, each with its sort key for the next cursor: newest first, except the pending
     * pre-authorizations (the to-do list), which come soonest-expiring first (see listOrder).
     */
    async page(criteria: TransactionCriteria, after: TransactionKey | undefined, limit: number): Promise<TransactionListRow[]> {
      const { sql, params, timeColumn } = where(criteria)
      const order = listOrder(criteria, timeColumn)
      let keyset = ''
      if (after !== undefined) {
        params.push(after.time, after.paymentId)
        keyset = ` and (${order.key}, t.payment_id) ${order.after} ($${params.length - 1}::timestamptz, $${params.length})`
      }
      params.push(limit)
      // An ID (order number / payment ID, batch number) matches a few to a few thousand rows, found through 0009's
      // lower() indexes. Unfenced, the planner walked the time index newest-first for the LIMIT instead, filtering
      // the whole range down to the batch: 150 ms for a batch of 800 rows three weeks back at a million payments
      // (docs/performance.md). OFFSET 0 keeps the subquery from being pulled up, so its rows are found, then sorted.
      const source = criteria.q !== undefined || criteria.batchNo !== undefined
        ? `(select * from transactions t where ${sql}${keyset} offset 0) t`
        : `transactions t where ${sql}${keyset}`
      const { rows } = await db.query<TransactionListRow>(
        `select ${LIST_COLUMNS}, ${keyText(order.key)} as sort_key
         from ${source}
         order by ${order.key} ${order.direction}, t.payment_id ${order.direction}
         limit $${params.length}`,
        params,
      )
      return rows
    },

    /**
     * Count of every matching transaction and the sum of those of the basis' status, per currency of the basis
     * (transaction, or booking with its booked amounts). Whole Beijing days from the day rollup when the filter is
     * one it holds and the range contains a whole day; the exact row scan otherwise.
     */
    async totals(criteria: TransactionCriteria): Promise<CurrencyTotalRow[]> {
      const rollup = rollupFilterOf(criteria)
      const plan = rollup && wholeDaysOf(rollup)
      if (plan !== undefined) return dayTotals(db, plan)
      const [currency, amount] =
        criteria.basis.amount === 'booking' ? ['t.booking_currency', 't.booking_amount_minor'] : ['t.currency', 't.amount_minor']
      const facet = listFacetOf(narrowingOf(criteria))
      const days = facet && wholeDaysOf(criteria)
      if (facet !== undefined && days !== undefined) {
        // The head [from, wholeFrom) and the tail [wholeUntil, to] row by row, under the list's own predicates.
        const partial = (bounds: Pick<TransactionCriteria, 'from' | 'to'>, params: unknown[], before?: Date): string =>
          `select ${currency}, t.status, 1, ${amount} from transactions t
            where ${where({ ...criteria, ...bounds }, params, before).sql}`
        return facetTotals(db, facet, criteria.timeType, criteria.basis, days, (params) => [
          partial({ from: criteria.from, to: days.wholeFrom }, params, days.wholeFrom),
          partial({ from: days.wholeUntil, to: criteria.to }, params),
        ])
      }
      const { sql, params } = where(criteria)
      params.push(criteria.basis.status)
      const summed = `t.status = $${params.length}`
      const { rows } = await db.query<CurrencyTotalRow>(
        `select ${currency} as currency, count(*)::text as count, count(*) filter (where ${summed})::text as summed,
                coalesce(sum(${amount}) filter (where ${summed}), 0)::text as amount_minor
         from transactions t
         where ${sql}
         group by ${currency}`,
        params,
      )
      return rows
    },

    async find(account: string, paymentId: string): Promise<TransactionRow | undefined> {
      const { rows } = await db.query<TransactionRow>(
        `select payment_id, account, terminal, order_number, payment_time, settlement_time, booked_at, txn_type, status,
           auth_status, payment_method, card_brand, card_country, card_masked, currency, amount_minor,
           booking_currency, booking_amount_minor, fee_minor, deposit_minor, refunded_minor, refund_status,
           failure_code, failure_reason, tracking_number, tracking_site, delivery_status, funds_status,
           funds_batch_no, deposit_status, deposit_batch_no, website, updated_at
         from transactions where account = $1 and payment_id = $2`,
        [account, paymentId],
      )
      return rows[0]
    },

    /**
     * What stands between a payment and its refundable amount besides refunded_minor: its chargebacks in its
     * currency (order_cases of kind chargeback, open or handled: the money was taken either way), and how many
     * refunds succeeded at Oceanpayment without being applied yet (a refund notice waiting for its amount).
     */
    async refundDeductions(account: string, paymentId: string): Promise<RefundDeductionsRow> {
      const { rows } = await db.query<RefundDeductionsRow>(
        `select
           (select coalesce(sum(c.amount_minor), 0) from order_cases c
             where c.account = $1 and c.payment_id = $2 and c.kind = 'chargeback'
               and c.currency = (select currency from transactions where payment_id = $2))::text as chargebacked_minor,
           (select count(*) from notifications n
             where n.account = $1 and n.payment_id = $2 and n.effect = 'waiting'
               and n.notice_type in ('refund', 'partialRefund') and n.push_status = '1')::int as waiting_refunds`,
        [account, paymentId],
      )
      return rows[0] ?? { chargebacked_minor: '0', waiting_refunds: 0 }
    },

    async terminalBelongs(account: string, terminal: string): Promise<boolean> {
      const { rows } = await db.query('select 1 from terminals where account = $1 and terminal = $2', [account, terminal])
      return rows.length > 0
    },
  }
}

export type TransactionsRepository = ReturnType<typeof transactionsRepository>
