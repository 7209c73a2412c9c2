/**
 * How a list's filter is declared: one table per filter set (TRANSACTION_FILTER in transactions.ts,
 * SETTLEMENT_FILTER in settlements.ts), one row per key. A row says which values the key takes (its JSON schema:
 * an enum, or free text with bounds), what its absence means (`default`) and what the filter sheet shows
 * (`sheet`). Everything else is derived from the table: the wire type (`FilterOf`), the server's query schema,
 * its criteria and SQL dispatch, the mini-program's URL reading and the sheet's fields. docs/filters.md lists
 * the three edits a new key needs.
 *
 * Every key travels the same way in a query string and in a page URL: one `key=value` pair, the value
 * URL-encoded, a missing or empty value meaning "not set".
 */

/** The JSON schema of one filter value (the server validates the query string with it). */
export type FilterSchema =
  | { readonly type: 'string'; readonly enum: readonly string[]; readonly description?: string }
  | {
      readonly type: 'string'
      readonly enum?: undefined
      readonly minLength?: number
      readonly maxLength?: number
      readonly pattern?: string
      readonly description?: string
    }

/** What the filter sheet shows for a key. */
export type SheetControl =
  /**
   * One chip per value of the schema's enum, led by a 全部 chip unless `required`. `labels` names the i18n
   * vocabulary of the values (the label of `v` is `<list>.<labels>.<v>`); without it a value is its own label.
   */
  | { readonly kind: 'options'; readonly labels?: string; readonly required?: boolean }
  /** One chip per value the page supplies at run time (the merchant's terminals). */
  | { readonly kind: 'choices' }
  /** Free text, at most the schema's maxLength; `placeholder` shows the sheet's hint. */
  | { readonly kind: 'text'; readonly placeholder?: boolean }

export interface FilterKeySpec {
  readonly schema: FilterSchema
  /** What an absent key means: the server applies it, the sheet shows it chosen. */
  readonly default?: string
  /** Absent: not in the sheet (the day range, the search box, a preset a page is opened with). */
  readonly sheet?: SheetControl
}

export type FilterTable = Readonly<Record<string, FilterKeySpec>>

/** The value of a key: one of its enum, else any string. */
export type FilterValue<S extends FilterKeySpec> = S['schema'] extends { readonly enum: readonly (infer V)[] } ? V : string

/** The filter of a table, as query parameters: every key optional. */
export type FilterOf<T extends FilterTable> = { -readonly [K in keyof T]?: FilterValue<T[K]> }

/** The keys the sheet shows. */
export type SheetKey<T extends FilterTable> = { [K in keyof T]: T[K] extends { readonly sheet: SheetControl } ? K : never }[keyof T] &
  string

/**
 * from/to of every list, inclusive, ISO 8601 with an offset; checked further (at most one year back, to ≥ from)
 * by the server, naming the field. from defaults to 00:00 Beijing time one year ago, to to now.
 */
export const RANGE_FILTER = {
  from: { schema: { type: 'string', maxLength: 40, description: 'ISO 8601 with offset; at most one year back' } },
  to: { schema: { type: 'string', maxLength: 40, description: 'ISO 8601 with offset; not before from' } },
} as const satisfies FilterTable

/** The keys of a table, in its order. */
export function filterKeys<T extends FilterTable>(table: T): Array<keyof T & string> {
  return Object.keys(table)
}

/** The keys the sheet shows, in the table's order (the sheet's order). */
export function sheetKeys<T extends FilterTable>(table: T): Array<SheetKey<T>> {
  return filterKeys(table).filter((key): key is SheetKey<T> => table[key].sheet !== undefined)
}

/** The defaults of the sheet's keys that have one: what the sheet shows chosen when the key is unset. */
export function sheetDefaults<T extends FilterTable>(table: T): Readonly<Partial<Record<SheetKey<T>, string>>> {
  const defaults: Partial<Record<SheetKey<T>, string>> = {}
  for (const key of sheetKeys(table)) {
    const value = table[key].default
    if (value !== undefined) defaults[key] = value
  }
  return defaults
}

/**
 * The keys a filter sets, in the table's order: values trimmed, blank ones dropped (a blank value is no filter).
 * What the server narrows by, once its schema has checked each value.
 */
export function setFilterValues<T extends FilterTable>(table: T, filter: FilterOf<T>): FilterOf<T> {
  const result: Record<string, string> = {}
  for (const key of filterKeys(table)) {
    const value = (filter[key] as string | undefined)?.trim()
    if (value !== undefined && value !== '') result[key] = value
  }
  return result as FilterOf<T>
}
