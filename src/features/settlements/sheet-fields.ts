/** The filter sheet of 交易划款: SETTLEMENT_FILTER's sheet keys (the day range sits on the page itself). */
import type { FilterField } from '@/components/filter-sheet'
import { sheetFieldsOf, type FieldLabelKey, type OptionLabelKey } from '@/components/filter-sheet/fields'
import type { MessageKey } from '@/i18n/translate'
import { SETTLEMENT_FILTER } from '@contract/settlements'

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string
type Filter = typeof SETTLEMENT_FILTER

export function settlementSheetFields(t: Translate): FilterField[] {
  return sheetFieldsOf(SETTLEMENT_FILTER, {
    // Both keys are checked against the i18n tables: a sheet key or value without a label does not compile.
    field: (key) => t(`st.field.${key}` satisfies FieldLabelKey<Filter, 'st'>),
    option: (labels, value) => t(`st.${labels}.${value}` as OptionLabelKey<Filter, 'st'>),
  })
}
