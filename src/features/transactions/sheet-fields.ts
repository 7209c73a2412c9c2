/** The advanced-filter sheet of the transactions list: TRANSACTION_FILTER's sheet keys, labelled in both languages. */
import { sheetFieldsOf, type FieldLabelKey, type FilterField, type OptionLabelKey } from '@/components/filter-sheet/fields'
import { TRANSACTION_FILTER } from '@contract/transactions'
import type { Translate } from './labels'

type Filter = typeof TRANSACTION_FILTER

/** `terminals`: the merchant's terminal numbers (from /api/me, or those seen in loaded rows until it answers). */
export function transactionSheetFields(t: Translate, terminals: readonly string[]): FilterField[] {
  return sheetFieldsOf(
    TRANSACTION_FILTER,
    {
      // Both keys are checked against the i18n tables: a sheet key or value without a label does not compile.
      field: (key) => t(`tx.field.${key}` satisfies FieldLabelKey<Filter, 'tx'>),
      option: (labels, value) => t(`tx.${labels}.${value}` as OptionLabelKey<Filter, 'tx'>),
      placeholder: t('filterSheet.placeholder'),
    },
    { terminal: terminals },
  )
}
