/** i18n keys of the settlements vocabulary. */
import type { MessageKey } from '@/i18n/translate'
import type { BatchTimeType, BatchType, SettlementBatch } from '@contract/settlements'

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
