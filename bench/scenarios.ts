/**
 * What `npm run bench` opens, as the merchant opens it: every filter of the transactions sheet alone and in the
 * pairs merchants use, over the last 30 days and over the whole year; every chart type over 30 days and a year;
 * the home screen's to-dos and funds, messages, settlements; and a page 100 pages deep. Each scenario is one query
 * object that gives both the signed GET's URL and the service call whose SQL the raw-SQL side replays, so the two
 * sides cannot ask different questions.
 */
import { CHART_TYPES, type ChartType, type ChartsQuery } from '@contract/charts'
import { DAY_MS, toBeijingIso } from '@contract/beijing-time'
import type { MessagesQuery } from '@contract/messages'
import type { SettlementsQuery } from '@contract/settlements'
import type { TransactionsQuery } from '@contract/transactions'
import type { Queryable } from '../server/src/db'
import { getChart } from '../server/src/services/charts'
import { getFunds } from '../server/src/services/funds'
import { listMessages } from '../server/src/services/messages'
import { listSettlements } from '../server/src/services/settlements'
import { getTodos } from '../server/src/services/todos'
import { listTransactions } from '../server/src/services/transactions'
import type { DataFacts } from './lib/store'

export const GROUPS = ['lists', 'charts', 'home', 'deep'] as const
export type Group = (typeof GROUPS)[number]

export type Call =
  | { route: 'transactions'; query: TransactionsQuery }
  | { route: 'chart'; type: ChartType; query: ChartsQuery }
  | { route: 'todos' }
  | { route: 'funds' }
  | { route: 'messages'; query: MessagesQuery }
  | { route: 'settlements'; query: SettlementsQuery }

export interface Scenario {
  name: string
  group: Group
  call: Call
  /** Page depth: 1 is the first page (with its totals); 100 follows 99 `nextCursor`s first. */
  depth: number
}

/** Who asks: the merchant and the logged-in user (messages are read per user). */
export interface Caller {
  merchant: string
  userId: string
}

function queryString(query: object): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value))
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

/** The signed GET's path and query. */
export function pathOf(call: Call): string {
  switch (call.route) {
    case 'transactions':
      return `/api/transactions${queryString(call.query)}`
    case 'chart':
      return `/api/charts/${call.type}${queryString(call.query)}`
    case 'todos':
      return '/api/todos'
    case 'funds':
      return '/api/funds'
    case 'messages':
      return `/api/messages${queryString(call.query)}`
    case 'settlements':
      return `/api/settlements${queryString(call.query)}`
  }
}

/** The service the route calls, with the same query: what the raw-SQL side records and replays. */
export function serviceCall(call: Call, caller: Caller, now: Date): (db: Queryable) => Promise<unknown> {
  switch (call.route) {
    case 'transactions':
      return (db) => listTransactions(db, caller.merchant, call.query, { now })
    case 'chart':
      return (db) => getChart(db, caller.merchant, call.type, call.query, now)
    case 'todos':
      return (db) => getTodos(db, caller.merchant, now)
    case 'funds':
      return (db) => getFunds(db, caller.merchant, now)
    case 'messages':
      return (db) => listMessages(db, { merchantNo: caller.merchant, userId: caller.userId }, call.query)
    case 'settlements':
      return (db) => listSettlements(db, caller.merchant, call.query, now)
  }
}

/** Every sheet filter alone, with a value merchants pick (the whole sheet: contract/transactions.ts TRANSACTION_FILTER). */
const ALONE: ReadonlyArray<[string, TransactionsQuery]> = [
  ['no filter', {}],
  ['划款时间 (settlement time)', { timeType: 'settlement' }],
  ['记账时间 (booking time)', { timeType: 'booked' }],
  ['currency USD', { currency: 'USD' }],
  ['booking currency EUR', { bookingCurrency: 'EUR' }],
  ['type authorization', { txnType: 'authorization' }],
  ['card brand Visa', { cardBrand: 'Visa' }],
  ['tracking missing', { tracking: 'missing' }],
  ['delivery pending', { delivery: 'pending' }],
  ['funds unsettled', { fundsStatus: 'unsettled' }],
  ['deposit unsettled', { depositStatus: 'unsettled' }],
  ['terminal 14010588', { terminal: '14010588' }],
  ['status failure', { status: 'failure' }],
]

/** The pairs merchants use (issue 14's table, and the commonest narrowing of each screen). */
const PAIRS: ReadonlyArray<[string, TransactionsQuery]> = [
  ['Visa + success', { cardBrand: 'Visa', status: 'success' }],
  ['JCB + failure', { cardBrand: 'JCB', status: 'failure' }],
  ['tracking missing + delivery pending', { tracking: 'missing', delivery: 'pending' }],
  ['settlement time + booking EUR', { timeType: 'settlement', bookingCurrency: 'EUR' }],
  ['terminal 14010588 + USD', { terminal: '14010588', currency: 'USD' }],
  ['success + USD', { status: 'success', currency: 'USD' }],
  ['tracking missing + funds unsettled', { tracking: 'missing', fundsStatus: 'unsettled' }],
]

export function scenarios(facts: DataFacts): Scenario[] {
  const now = facts.newest.getTime()
  const last30 = { from: toBeijingIso(now - 30 * DAY_MS), to: toBeijingIso(now) }
  const list: Scenario[] = []
  for (const [label, filter] of [...ALONE, ...PAIRS]) {
    list.push({ name: `transactions: ${label}, 30 days`, group: 'lists', depth: 1, call: { route: 'transactions', query: { ...filter, ...last30 } } })
    // No range: the list's own default, one year back to now.
    list.push({ name: `transactions: ${label}, whole year`, group: 'lists', depth: 1, call: { route: 'transactions', query: filter } })
  }
  list.push(
    { name: 'transactions: order number search (whole year)', group: 'lists', depth: 1, call: { route: 'transactions', query: { q: facts.orderNumber } } },
    {
      name: 'transactions: batch number + booking currency (settlement link)',
      group: 'lists',
      depth: 1,
      call: { route: 'transactions', query: { batchNo: facts.batchNo, bookingCurrency: facts.batchCurrency as TransactionsQuery['bookingCurrency'] } },
    },
  )
  for (const type of CHART_TYPES) {
    list.push({ name: `chart ${type}, 30 days`, group: 'charts', depth: 1, call: { route: 'chart', type, query: { range: '30d' } } })
    // `to` alone: from defaults to one year back, the longest range the API allows.
    list.push({ name: `chart ${type}, year`, group: 'charts', depth: 1, call: { route: 'chart', type, query: { to: toBeijingIso(now) } } })
  }
  list.push(
    { name: 'to-dos (home)', group: 'home', depth: 1, call: { route: 'todos' } },
    { name: 'to-do list: pending pre-authorizations', group: 'home', depth: 1, call: { route: 'transactions', query: { authStatus: 'pending' } } },
    { name: 'to-do list: open chargebacks', group: 'home', depth: 1, call: { route: 'transactions', query: { case: 'chargeback' } } },
    { name: 'funds (home)', group: 'home', depth: 1, call: { route: 'funds' } },
    { name: 'messages', group: 'home', depth: 1, call: { route: 'messages', query: {} } },
    { name: 'settlements', group: 'home', depth: 1, call: { route: 'settlements', query: {} } },
  )
  for (const [label, filter] of [
    ['no filter', {}],
    ['terminal 14010588 + USD', { terminal: '14010588', currency: 'USD' }],
  ] as const) {
    list.push({ name: `transactions page 100: ${label}, whole year`, group: 'deep', depth: 100, call: { route: 'transactions', query: filter } })
  }
  return list
}

/** The first page of a deep scenario: the denominator of "deep ÷ first". */
export function firstPageOf(deep: Scenario, all: readonly Scenario[]): Scenario | undefined {
  if (deep.call.route !== 'transactions') return undefined
  const key = JSON.stringify(deep.call.query)
  return all.find((s) => s.depth === 1 && s.call.route === 'transactions' && JSON.stringify(s.call.query) === key)
}
