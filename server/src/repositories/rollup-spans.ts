/**
 * Where the whole days of a range are read from: 0018's monthly rollups for the calendar months wholly inside it,
 * 0014's day rollups for the days before the first and after the last whole month. Both kinds of table have the same
 * columns (a monthly row's `day` is the first of its month), so a reader writes its select once and this module
 * repeats it per span. The partial days at the range's two ends are the caller's (they read transactions).
 */

/** Whole Beijing days, 'YYYY-MM-DD', both inclusive. */
export interface DaySpan {
  firstDay: string
  lastDay: string
}

/** A span of whole days and the table grain that answers it. */
export interface RollupSpan extends DaySpan {
  grain: 'day' | 'month'
}

const DAY_MS = 86_400_000

/** 'YYYY-MM-DD' ± days, computed on UTC midnights (a calendar date has no time zone). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The first day of the month after `date`'s. */
function nextMonth(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10)
}

/**
 * The spans that add up to [firstDay, lastDay]: the days up to the first whole month, the whole months (one span of
 * the monthly table), the days after them. Without a whole month, one day span. `byMonth: false` (a per-day chart)
 * always reads days.
 */
export function rollupSpans({ firstDay, lastDay }: DaySpan, byMonth = true): RollupSpan[] {
  const monthsFrom = firstDay.endsWith('-01') ? firstDay : nextMonth(firstDay)
  let monthsUntil = monthsFrom // the first day after the last whole month
  while (byMonth && addDays(nextMonth(monthsUntil), -1) <= lastDay) monthsUntil = nextMonth(monthsUntil)
  if (monthsUntil === monthsFrom) return [{ grain: 'day', firstDay, lastDay }]
  const spans: RollupSpan[] = []
  if (firstDay < monthsFrom) spans.push({ grain: 'day', firstDay, lastDay: addDays(monthsFrom, -1) })
  spans.push({ grain: 'month', firstDay: monthsFrom, lastDay: addDays(monthsUntil, -1) })
  if (monthsUntil <= lastDay) spans.push({ grain: 'day', firstDay: monthsUntil, lastDay })
  return spans
}

/**
 * The union of one select per span over `table` (day grain) or `table_monthly`: `select(tableName, dayCondition)`
 * returns the select for a table and the SQL condition on its `day` column (with the span's dates pushed as
 * parameters).
 */
export function spansSql(
  spans: readonly RollupSpan[],
  table: 'transaction_list_facets' | 'transaction_chart_facets',
  params: unknown[],
  select: (tableName: string, dayCondition: string) => string,
  dayColumn = 'day',
): string {
  return spans
    .map(({ grain, firstDay, lastDay }) =>
      select(
        grain === 'month' ? `${table}_monthly` : table,
        `${dayColumn} between $${params.push(firstDay)}::date and $${params.push(lastDay)}::date`,
      ),
    )
    .join('\nunion all ')
}
