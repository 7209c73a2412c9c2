/**
 * The table under each chart (the fallback SPEC §3.1 asks for): labelled columns and display-ready cells —
 * counts grouped (1,234), rates with two decimals and "%" ("—" where there is no rate), amounts grouped as the
 * decimal strings they are.
 */
import type { ChartColumn, ChartResponse } from '@contract/charts'
import { groupDigits } from '@/utils/money'
import { CASE_TAB_KEYS, type CaseTab } from './catalog'
import type { ChartLabels } from './labels'

export interface TableColumn {
  key: string
  label: string
  unit: ChartColumn['unit']
}

export interface TableRow {
  /** Stable React key: the category (dates, countries, reasons are unique within a chart). */
  key: string
  cells: string[]
}

export interface TableModel {
  columns: TableColumn[]
  rows: TableRow[]
}

/** A rate without a denominator (null on the wire): no rate, shown as a dash, never 0.00%. */
export const NO_RATE = '—'

export function formatCell(value: string | number | null | undefined, unit: ChartColumn['unit']): string {
  if (value === null) return NO_RATE
  if (value === undefined || value === '') return '-'
  switch (unit) {
    case 'percent':
      return `${Number(value).toFixed(2)}%`
    case 'count':
      return groupDigits(String(value))
    case 'amount':
      // Amounts are decimal strings (never floats): regrouped as text only.
      return groupDigits(String(value))
    case 'text':
      return String(value)
  }
}

/** The case tab's columns only (Date / 拒付笔数 / 拒付率, as in the seed) for 整体拒付、伪冒和退款(区分卡种). */
function visibleColumns(response: ChartResponse, tab: CaseTab): ChartColumn[] {
  if (response.type !== 'card-brand-cases') return response.table.columns
  const keys = CASE_TAB_KEYS[tab]
  const wanted = new Set([response.table.columns[0]?.key, keys.count, keys.rate])
  return response.table.columns.filter((column) => wanted.has(column.key))
}

export function buildTable(response: ChartResponse, labels: ChartLabels, tab: CaseTab = 'chargeback'): TableModel {
  const columns = visibleColumns(response, tab)
  const categoryKey = response.table.columns[0]?.key
  return {
    columns: columns.map((column) => ({ key: column.key, label: labels.column(column.key), unit: column.unit })),
    rows: response.table.rows.map((row, index) => ({
      key: `${String(row[categoryKey ?? ''] ?? '')}#${index}`,
      cells: columns.map((column) =>
        column.key === categoryKey && column.unit === 'text'
          ? labels.category(response.type, String(row[column.key] ?? ''))
          : formatCell(row[column.key], column.unit),
      ),
    })),
  }
}
