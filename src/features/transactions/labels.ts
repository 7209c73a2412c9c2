/** i18n keys of the transaction vocabularies, so every value the list, sheet and detail show has a label. */
import type { MessageKey } from '@/i18n/translate'
import type {
  AuthStatus,
  CaseKind,
  DeliveryStatus,
  RefundStatus,
  SettlementState,
  TimeType,
  TrackingFilter,
  TransactionStatus,
  TxnType,
  TransactionsFilter,
} from '@contract/transactions'

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

export const timeTypeKey = (value: TimeType): MessageKey => `tx.timeType.${value}`
export const txnTypeKey = (value: TxnType): MessageKey => `tx.txnType.${value}`
export const trackingKey = (value: TrackingFilter): MessageKey => `tx.tracking.${value}`
export const deliveryKey = (value: DeliveryStatus): MessageKey => `tx.delivery.${value}`
export const settlementKey = (value: SettlementState): MessageKey => `tx.settlement.${value}`
export const statusKey = (value: TransactionStatus): MessageKey => `tx.status.${value}`
export const authStatusKey = (value: AuthStatus): MessageKey => `tx.authStatus.${value}`
export const caseKey = (value: CaseKind): MessageKey => `tx.case.${value}`
export const refundKey = (value: RefundStatus): MessageKey => `tx.refund.${value}`

/** The active preset (what a to-do or a settlement batch opened the list with), as chips. */
export function presetLabels(t: Translate, filter: Pick<TransactionsFilter, 'authStatus' | 'case' | 'batchNo'>): string[] {
  const labels: string[] = []
  if (filter.authStatus !== undefined) labels.push(t(authStatusKey(filter.authStatus)))
  if (filter.case !== undefined) labels.push(t(caseKey(filter.case)))
  if (filter.batchNo !== undefined && filter.batchNo !== '') labels.push(t('tx.preset.batch', { batchNo: filter.batchNo }))
  return labels
}
