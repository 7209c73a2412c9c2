/** `GET /api/todos` (待办事项). */
import type { BeijingTime, Money } from './money'
import { CASE_KINDS, type TransactionsFilter } from './transactions'

/** The list a count opens: `GET /api/transactions` with this filter shows exactly `count` rows. */
export interface TodoQuery {
  filter: TransactionsFilter
}

/** The to-do counts, in the card's order: authorisations to capture, then each kind of open case. */
export const TODO_KINDS = ['pendingAuthorization', ...CASE_KINDS] as const

export type TodoKind = (typeof TODO_KINDS)[number]

export interface TodoItem {
  kind: TodoKind
  count: number
  query: TodoQuery
}

export interface TodosResponse {
  /** Today in Beijing time, e.g. 2025-05-15. */
  date: string
  /** 今日成功笔数 / 成功金额 (per currency). */
  today: { successCount: number; amounts: Money[]; query: TodoQuery }
  items: TodoItem[]
  asOf: BeijingTime
}
