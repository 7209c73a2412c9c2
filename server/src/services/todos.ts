/**
 * 待办事项: today's successes and the counts waiting to be handled. Each count is computed by the very query
 * its list runs (countTransactions with the filter the client will send), so tapping "142 笔" opens 142 rows.
 */
import type { Queryable } from '../db'
import { beijingDate, DAY_MS, startOfBeijingDay, toBeijingIso } from '@contract/beijing-time'
import type { TodoItem, TodoKind, TodosResponse } from '@contract/todos'
import { CASE_KINDS, type TransactionsFilter } from '@contract/transactions'
import { countTransactions } from './transactions'

const TODO_FILTERS: ReadonlyArray<readonly [TodoKind, TransactionsFilter]> = [
  ['pendingAuthorization', { authStatus: 'pending' }],
  ...CASE_KINDS.map((kind) => [kind, { case: kind }] as const),
]

export async function getTodos(db: Queryable, merchantNo: string, now: Date): Promise<TodosResponse> {
  const dayStart = startOfBeijingDay(now)
  const todayFilter: TransactionsFilter = {
    from: toBeijingIso(dayStart),
    to: toBeijingIso(dayStart + DAY_MS - 1000),
    status: 'success',
  }
  // Concurrently: on PostgreSQL each count takes its own pool connection, so the card costs one round trip
  // instead of five in a row (PGlite's single connection still runs them one at a time). Promise.all keeps the order.
  const [today, items] = await Promise.all([
    countTransactions(db, merchantNo, todayFilter, { now }),
    Promise.all(
      TODO_FILTERS.map(
        async ([kind, filter]): Promise<TodoItem> => ({
          kind,
          count: (await countTransactions(db, merchantNo, filter, { now })).count,
          query: { filter },
        }),
      ),
    ),
  ])
  return {
    date: beijingDate(now),
    today: { successCount: today.count, amounts: today.amounts, query: { filter: todayFilter } },
    items,
    asOf: toBeijingIso(now),
  }
}
