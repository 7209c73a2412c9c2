/**
 * The field vocabulary of <FilterSheet> and the pure draft operations behind its buttons, kept apart from the
 * component so list pages (and their tests) can reason about filter values without rendering anything.
 */
import type { DateBounds } from '@/components/date-range/range'
import { sheetKeys, type FilterTable, type SheetKey } from '@contract/filters'

/** Field values by key; a missing key or '' means "not set" (全部). Dates are `YYYY-MM-DD`. */
export type FilterValues = Readonly<Record<string, string | undefined>>

export interface FilterOption {
  value: string
  /** Already translated. */
  label: string
}

export type FilterField =
  /**
   * A single choice among chips, led by a 全部 chip that unsets it; `required` drops the 全部 chip (give the key
   * a value in `values` and `resetValues`, e.g. a time type).
   */
  | { kind: 'options'; key: string; label: string; options: readonly FilterOption[]; required?: boolean }
  /** Free text (e.g. a batch number); trimmed on apply. */
  | { kind: 'text'; key: string; label: string; placeholder?: string; maxLength?: number }
  /** One day picker. */
  | { kind: 'date'; key: string; label: string; bounds?: DateBounds }
  /** Start and end day pickers with the one-year limit (<DateRange>), stored under two keys. */
  | { kind: 'date-range'; startKey: string; endKey: string; bounds: DateBounds }

/** Keys a field writes. */
export function fieldKeys(field: FilterField): string[] {
  return field.kind === 'date-range' ? [field.startKey, field.endKey] : [field.key]
}

/** What 确认 hands over: only the sheet's own keys, trimmed, without unset ones. */
export function cleanValues(fields: readonly FilterField[], draft: FilterValues): Record<string, string> {
  const result: Record<string, string> = {}
  for (const key of fields.flatMap(fieldKeys)) {
    const value = draft[key]?.trim()
    if (value !== undefined && value !== '') result[key] = value
  }
  return result
}

/** How many of the sheet's fields are set (the badge on a 高级筛选 button). */
export function countActive(fields: readonly FilterField[], values: FilterValues): number {
  return fields.filter((field) => fieldKeys(field).some((key) => (values[key]?.trim() ?? '') !== '')).length
}

/** The i18n key of each sheet key's label: `<prefix>.field.<key>`. */
export type FieldLabelKey<T extends FilterTable, P extends string> = `${P}.field.${SheetKey<T>}`

/** The i18n keys of a table's labelled option values: `<prefix>.<labels>.<value>`. */
export type OptionLabelKey<T extends FilterTable, P extends string> = {
  [K in keyof T]: T[K] extends {
    readonly sheet: { readonly labels: infer L extends string }
    readonly schema: { readonly enum: readonly (infer V extends string)[] }
  }
    ? `${P}.${L}.${V}`
    : never
}[keyof T]

/** The words of a table's sheet, already translated. */
export interface SheetTexts<T extends FilterTable> {
  /** A key's label. */
  field: (key: SheetKey<T>) => string
  /** A value's label in the vocabulary its key's `sheet.labels` names. */
  option: (labels: string, value: string) => string
  /** The hint of the text fields that ask for one. */
  placeholder?: string
}

/**
 * The fields of a filter table's sheet (contract/filters.ts): every key with a `sheet`, in the table's order.
 * `choices` holds the values of the keys the page supplies at run time.
 */
export function sheetFieldsOf<T extends FilterTable>(
  table: T,
  texts: SheetTexts<T>,
  choices: Partial<Record<SheetKey<T>, readonly string[]>> = {},
): FilterField[] {
  const plain = (values: readonly string[]): FilterOption[] => values.map((value) => ({ value, label: value }))
  return sheetKeys(table).map((key): FilterField => {
    const { schema, sheet } = table[key]
    const label = texts.field(key)
    if (sheet?.kind === 'text') {
      const placeholder = sheet.placeholder === true ? { placeholder: texts.placeholder } : {}
      const maxLength = schema.enum === undefined ? schema.maxLength : undefined
      return { kind: 'text', key, label, ...placeholder, ...(maxLength === undefined ? {} : { maxLength }) }
    }
    if (sheet?.kind === 'options') {
      const values = schema.enum ?? []
      const { labels } = sheet
      const options = labels === undefined ? plain(values) : values.map((value) => ({ value, label: texts.option(labels, value) }))
      return { kind: 'options', key, label, options, ...(sheet.required === true ? { required: true } : {}) }
    }
    return { kind: 'options', key, label, options: plain(choices[key] ?? []) }
  })
}
