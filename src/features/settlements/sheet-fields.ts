/** The filter sheet of 交易划款: 划款批次号, 时间类型, 币种, 划款类型 (the day range sits on the page itself). */
import type { FilterField } from '@/components/filter-sheet'
import type { MessageKey } from '@/i18n/translate'
import { BATCH_TYPE_LABEL, TIME_TYPE_LABEL } from './labels'
import { BATCH_TYPES, CURRENCIES, TIME_TYPES } from './query'

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

export function settlementSheetFields(t: Translate): FilterField[] {
  return [
    { kind: 'text', key: 'batchNo', label: t('st.field.batchNo'), maxLength: 64 },
    {
      kind: 'options',
      key: 'timeType',
      label: t('st.field.timeType'),
      options: TIME_TYPES.map((value) => ({ value, label: t(TIME_TYPE_LABEL[value]) })),
    },
    {
      kind: 'options',
      key: 'currency',
      label: t('st.field.currency'),
      options: CURRENCIES.map((value) => ({ value, label: value })),
    },
    {
      kind: 'options',
      key: 'batchType',
      label: t('st.field.batchType'),
      options: BATCH_TYPES.map((value) => ({ value, label: t(BATCH_TYPE_LABEL[value]) })),
    },
  ]
}
