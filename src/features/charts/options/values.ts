/** Reading a chart response by key: a series when the server sent one, otherwise the table column. */
import type { ChartResponse } from '@contract/charts'

/** A series' values; null (a rate without a denominator) stays null, so a line breaks there instead of diving to 0. */
export function valuesOf(response: ChartResponse, key: string): Array<number | null> {
  const series = response.series.find((entry) => entry.key === key)
  if (series !== undefined) return series.values
  return response.table.rows.map((row) => {
    const cell = row[key]
    if (cell === null) return null
    const value = Number(cell ?? 0)
    return Number.isFinite(value) ? value : 0
  })
}

/** Counts (never null on the wire): a missing value counts as nothing. */
export function countsOf(response: ChartResponse, key: string): number[] {
  return valuesOf(response, key).map((value) => value ?? 0)
}

/** No categories means nothing happened in the range (a day-by-day chart always has its days). */
export function isChartEmpty(response: ChartResponse): boolean {
  return response.categories.length === 0 || response.table.rows.length === 0
}

/** A rate series' legend name says it is a percentage, as the seed's table header does (拒付率 (%)). */
export function rateName(label: string): string {
  return `${label}(%)`
}

/**
 * A rate as a line: straight segments, broken where the rate is null (ECharts' connectNulls false). No smoothing:
 * a spline between daily rates invents values between days and overshoots next to a gap. Dots on, so a day
 * between two gaps still shows.
 */
export const RATE_LINE = { connectNulls: false, smooth: false, showSymbol: true, symbolSize: 5 } as const
