/** The advanced-filter sheet of the transactions list: every SPEC §3.1 item 3 filter, labelled in both languages. */
import type { FilterField, FilterOption } from '@/components/filter-sheet/fields'
import { TRANSACTION_FILTER_VOCABULARY as VOCABULARY } from '@/utils/transactions-filter-url'
import type { MessageKey } from '@/i18n/translate'
import type { DeliveryStatus, SettlementState, TimeType, TrackingFilter, TxnType } from '../../../types/transactions'
import { deliveryKey, settlementKey, timeTypeKey, trackingKey, txnTypeKey, type Translate } from './labels'

const plain = (values: readonly string[]): FilterOption[] => values.map((value) => ({ value, label: value }))

function labelled<T extends string>(t: Translate, values: readonly T[], key: (value: T) => MessageKey): FilterOption[] {
  return values.map((value) => ({ value, label: t(key(value)) }))
}

/** `terminals`: the merchant's terminal numbers (from /api/me, or those seen in loaded rows until it answers). */
export function transactionSheetFields(t: Translate, terminals: readonly string[]): FilterField[] {
  return [
    {
      kind: 'options',
      key: 'timeType',
      label: t('tx.field.timeType'),
      options: labelled<TimeType>(t, VOCABULARY.timeType, timeTypeKey),
      required: true,
    },
    { kind: 'text', key: 'batchNo', label: t('tx.field.batchNo'), placeholder: t('filterSheet.placeholder'), maxLength: 64 },
    { kind: 'options', key: 'currency', label: t('tx.field.currency'), options: plain(VOCABULARY.currency) },
    { kind: 'options', key: 'bookingCurrency', label: t('tx.field.bookingCurrency'), options: plain(VOCABULARY.bookingCurrency) },
    { kind: 'options', key: 'txnType', label: t('tx.field.txnType'), options: labelled<TxnType>(t, VOCABULARY.txnType, txnTypeKey) },
    { kind: 'options', key: 'cardBrand', label: t('tx.field.cardBrand'), options: plain(VOCABULARY.cardBrand) },
    {
      kind: 'options',
      key: 'tracking',
      label: t('tx.field.tracking'),
      options: labelled<TrackingFilter>(t, VOCABULARY.tracking, trackingKey),
    },
    {
      kind: 'options',
      key: 'delivery',
      label: t('tx.field.delivery'),
      options: labelled<DeliveryStatus>(t, VOCABULARY.delivery, deliveryKey),
    },
    {
      kind: 'options',
      key: 'fundsStatus',
      label: t('tx.field.fundsStatus'),
      options: labelled<SettlementState>(t, VOCABULARY.fundsStatus, settlementKey),
    },
    {
      kind: 'options',
      key: 'depositStatus',
      label: t('tx.field.depositStatus'),
      options: labelled<SettlementState>(t, VOCABULARY.depositStatus, settlementKey),
    },
    { kind: 'options', key: 'terminal', label: t('tx.field.terminal'), options: plain(terminals) },
  ]
}
