/**
 * Which rollup of 0014 answers the list's count and 金额统计 for a filter, and the SQL of its whole days.
 *
 * transaction_list_facets holds, per time type (交易/划款/记账时间) and Beijing day, the count and both amounts by
 * status, currency and booking currency, and by one facet of further dimensions: 'card' (card brand, transaction
 * type, pre-authorization status) or 'fulfilment' (tracking, delivery, funds and deposit settlement). A filter is
 * answered by the facet holding all its keys; a filter mixing the two facets, or naming a terminal with anything but
 * currency/status (0008's rollup has the terminal), an ID or a case, reads rows (docs/performance.md says why).
 * The partial days at the ends of the range are read row by row by the caller, with the list's own predicates.
 */
import type { Queryable } from '../db'
import { rollupSpans, spansSql } from './rollup-spans'
import type { CurrencyTotalRow, DayTotalsPlan } from './transaction-day-totals'
import type { TimeType, TotalsBasis, TransactionsFilter } from '@contract/transactions'

export const LIST_FACETS = ['card', 'fulfilment'] as const
export type ListFacet = (typeof LIST_FACETS)[number]

type Narrowing = Omit<TransactionsFilter, 'from' | 'to' | 'timeType'>

/** The rollup column of each key it holds, and the value stored for a filter value. */
interface FacetKey {
  facet: ListFacet | 'both'
  column: string
  value?: (filterValue: string) => unknown
}

/** Keys any facet holds ('both'), and keys of one facet. A key not named here is not in a rollup. */
const FACET_KEYS: Partial<Record<keyof Narrowing, FacetKey>> = {
  status: { facet: 'both', column: 'status' },
  currency: { facet: 'both', column: 'currency' },
  bookingCurrency: { facet: 'both', column: 'booking_currency' },
  cardBrand: { facet: 'card', column: 'card_brand' },
  txnType: { facet: 'card', column: 'txn_type' },
  authStatus: { facet: 'card', column: 'auth_status' },
  tracking: { facet: 'fulfilment', column: 'tracking', value: (value) => value === 'uploaded' },
  delivery: { facet: 'fulfilment', column: 'delivery_status' },
  fundsStatus: { facet: 'fulfilment', column: 'funds_status' },
  depositStatus: { facet: 'fulfilment', column: 'deposit_status' },
}

/** A facet and the column conditions that answer a filter. */
export interface ListFacetFilter {
  facet: ListFacet
  conditions: Array<{ column: string; value: unknown }>
}

/**
 * The facet whose columns hold every key the filter sets, with the conditions on them; undefined when none does.
 * Without a facet-specific key, 'fulfilment' (the smaller: ~50,000 rows a year at a million payments, 'card' ~150,000).
 */
export function listFacetOf(narrowing: Narrowing): ListFacetFilter | undefined {
  const conditions: ListFacetFilter['conditions'] = []
  const facets = new Set<ListFacet>()
  for (const [key, value] of Object.entries(narrowing) as Array<[keyof Narrowing, string | undefined]>) {
    if (value === undefined) continue
    const held = FACET_KEYS[key]
    if (held === undefined) return undefined
    if (held.facet !== 'both') facets.add(held.facet)
    conditions.push({ column: held.column, value: held.value === undefined ? value : held.value(value) })
  }
  if (facets.size > 1) return undefined
  return { facet: facets.values().next().value ?? 'fulfilment', conditions }
}

/** The rows of the partial days as SQL over `transactions t`, numbering parameters after the rollup's. */
export type PartialDays = (params: unknown[]) => string[]

/**
 * Count and 金额统计 per currency of the basis: the plan's whole days from the facet, the partial days from the rows
 * `partialDays` selects (each `select <currency>, status, 1, <amount>`-shaped, same columns as here).
 */
export async function facetTotals(
  db: Queryable,
  filter: ListFacetFilter,
  timeType: TimeType,
  basis: TotalsBasis,
  plan: DayTotalsPlan,
  partialDays: PartialDays,
): Promise<CurrencyTotalRow[]> {
  const params: unknown[] = [plan.account, timeType, filter.facet, basis.status]
  const [currency, amount] = basis.amount === 'booking' ? ['booking_currency', 'booking_amount_minor'] : ['currency', 'amount_minor']
  let narrowing = ''
  for (const { column, value } of filter.conditions) {
    params.push(value)
    narrowing += ` and ${column} = $${params.length}`
  }
  const wholeDays = spansSql(
    rollupSpans(plan),
    'transaction_list_facets',
    params,
    (table, days) => `select ${currency} as currency, status, txn_count as n, ${amount} as a from ${table}
        where account = $1 and time_type = $2 and facet = $3 and ${days}${narrowing}`,
  )
  const parts = partialDays(params)
  const { rows } = await db.query<CurrencyTotalRow>(
    `select currency, sum(n)::text as count, coalesce(sum(n) filter (where status = $4), 0)::text as summed,
            coalesce(sum(a) filter (where status = $4), 0)::text as amount_minor from (
       ${wholeDays}
       ${parts.map((part) => `union all ${part}`).join('\n')}
     ) parts
     group by currency`,
    params,
  )
  return rows
}

/** 0014's triggers that keep both facet tables (the day rollup of 0008 keeps its own). */
const FACET_TRIGGERS = ['transactions_facets_insert', 'transactions_facets_update', 'transactions_facets_delete'] as const

/** 0018's triggers on each day table that keep its monthly table. */
const MONTHLY_TRIGGERS = ['insert', 'update', 'delete'] as const

/** Deletes the accounts' rows of a rollup table and builds them again from `source` with the table's own SQL. */
async function rebuild(tx: Queryable, table: string, source: string, accounts: readonly string[]): Promise<void> {
  await tx.query(`delete from ${table} where account = any($1::text[])`, [accounts])
  const { rows } = await tx.query<{ sql: string }>(
    `select ${table}_sql(format('select 1 as sign, * from ${source} where account = any(%L::text[])', $1::text[])) as sql`,
    [accounts],
  )
  await tx.query(rows[0]?.sql ?? '')
}

/**
 * For a bulk load inside one transaction: stops the facet triggers (each chunk's grouped upsert costs about half
 * the insert again) and returns the step that ends it, which turns them back on and rebuilds the facets of the
 * loaded accounts from their rows in one statement per table — exact by construction. ALTER TABLE holds the table
 * exclusively until commit, so no other writer (or reader) of transactions sees the triggers off.
 */
export async function deferFacets(tx: Queryable, accounts: readonly string[]): Promise<() => Promise<void>> {
  await tx.query(`alter table transactions ${FACET_TRIGGERS.map((name) => `disable trigger ${name}`).join(', ')}`)
  return async () => {
    await tx.query(`alter table transactions ${FACET_TRIGGERS.map((name) => `enable trigger ${name}`).join(', ')}`)
    for (const table of ['transaction_list_facets', 'transaction_chart_facets'] as const) {
      // The day rows are rebuilt with 0018's month triggers off, then the months from the days, once.
      const monthly = MONTHLY_TRIGGERS.map((event) => `${table}_monthly_${event}`)
      await tx.query(`alter table ${table} ${monthly.map((name) => `disable trigger ${name}`).join(', ')}`)
      await rebuild(tx, table, 'transactions', accounts)
      await tx.query(`alter table ${table} ${monthly.map((name) => `enable trigger ${name}`).join(', ')}`)
      await rebuild(tx, `${table}_monthly`, table, accounts)
    }
  }
}
