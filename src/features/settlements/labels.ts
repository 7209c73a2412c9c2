/** i18n keys of the settlements vocabulary. */
import type { MessageKey } from '@/i18n/translate'
import type { BatchTimeType, BatchType, SettlementBatch } from '@contract/settlements'
import type { TransactionStatus } from '@contract/transactions'

export const TIME_TYPE_LABEL: Record<BatchTimeType, MessageKey> = {
  created: 'st.timeType.created',
  settled: 'st.timeType.settled',
}

export const BATCH_TYPE_LABEL: Record<BatchType, MessageKey> = {
  transaction: 'st.batchType.transaction',
  deposit: 'st.batchType.deposit',
}

export const STATUS_LABEL: Record<SettlementBatch['status'], MessageKey> = {
  pending: 'st.status.pending',
  transferred: 'st.status.transferred',
}

export const TX_STATUS_LABEL: Record<TransactionStatus, MessageKey> = {
  success: 'st.tx.status.success',
  failure: 'st.tx.status.failure',
  pending: 'st.tx.status.pending',
}
