/** Reading a chart response by key: a series when the server sent one, otherwise the table column. */
import type { ChartResponse } from '@contract/charts'

export function valuesOf(response: ChartResponse, key: string): number[] {
  const series = response.series.find((entry) => entry.key === key)
  if (series !== undefined) return series.values
  return response.table.rows.map((row) => {
    const value = Number(row[key] ?? 0)
    return Number.isFinite(value) ? value : 0
  })
}

/** No categories means nothing happened in the range (a day-by-day chart always has its days). */
export function isChartEmpty(response: ChartResponse): boolean {
  return response.categories.length === 0 || response.table.rows.length === 0
}

/** A rate series' legend name says it is a percentage, as the seed's table header does (拒付率 (%)). */
export function rateName(label: string): string {
  return `${label}(%)`
}
