/** `GET /api/todos` (待办事项). Type-only module. */
import type { BeijingTime, Money } from './money'
import type { TransactionsFilter } from './transactions'

/** The list a count opens: `GET /api/transactions` with this filter shows exactly `count` rows. */
export interface TodoQuery {
  filter: TransactionsFilter
}

export type TodoKind = 'pendingAuthorization' | 'chargeback' | 'dispute' | 'fraud' | 'retrieval'

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
