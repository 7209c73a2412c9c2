/**
 * The field vocabulary of <FilterSheet> and the pure draft operations behind its buttons, kept apart from the
 * component so list pages (and their tests) can reason about filter values without rendering anything.
 */
import type { DateBounds } from '@/components/date-range/range'

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
