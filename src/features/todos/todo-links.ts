/** Where each to-do leads and what it is called: pure, so it is tested without rendering. */
import type { TodoKind, TodoQuery } from '@contract/todos'
import type { MessageKey } from '@/i18n/translate'
import { ROUTES } from '@/routes'
import { transactionsQueryString } from '@/utils/transactions-filter-url'

/** The transactions list filtered exactly as the server counted (its total equals the to-do's count). */
export function todoListUrl(query: TodoQuery): string {
  return `${ROUTES.transactions}${transactionsQueryString(query.filter)}`
}

export const TODO_LABEL: Record<TodoKind, MessageKey> = {
  pendingAuthorization: 'home.todos.pendingAuthorization',
  chargeback: 'home.todos.chargeback',
  dispute: 'home.todos.dispute',
  fraud: 'home.todos.fraud',
  retrieval: 'home.todos.retrieval',
}
