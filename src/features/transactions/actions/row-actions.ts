/**
 * Which to-do list rows lead straight to an action (SPEC §4): on the pending pre-authorization list, Capture and
 * Void; on the fraud list, Refund; each only with the account's permission (contract ACTION_PERMISSION) and only
 * on a row in the state the action needs. The server decides again when the sheet opens (available actions).
 */
import { ACTION_PERMISSION } from '@contract/actions'
import type { TransactionListItem, TransactionsFilter } from '@contract/transactions'
import type { RowAction } from '../transaction-row'

export function listRowActions(filter: Pick<TransactionsFilter, 'authStatus' | 'case'>, permissions: readonly string[]): RowAction[] {
  const wanted: RowAction[] = filter.authStatus === 'pending' ? ['capture', 'void'] : filter.case === 'fraud' ? ['refund'] : []
  return wanted.filter((action) => permissions.includes(ACTION_PERMISSION[action]))
}

export function rowActionsFor(item: TransactionListItem, listActions: readonly RowAction[]): RowAction[] {
  return listActions.filter((action) =>
    action === 'refund' ? item.status === 'success' && item.refundStatus !== 'full' : item.authStatus === 'pending',
  )
}

/** The quick tracking entry is offered on the "tracking missing" list to an account that may upload tracking. */
export function offersTrackingEntry(filter: Pick<TransactionsFilter, 'tracking'>, permissions: readonly string[]): boolean {
  return filter.tracking === 'missing' && permissions.includes(ACTION_PERMISSION.tracking)
}
