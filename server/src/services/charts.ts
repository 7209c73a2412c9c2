/**
 * 可视化图表: eight chart types as categories + series (ECharts options are built by the client) and the same
 * figures as table rows (the fallback). Each chart has one date basis (CHART_DATE_BASIS, sent as `basis` and shown
 * under its title): the transaction's Beijing payment day, except 整体拒付原因, which counts the chargebacks
 * received in the window by their case date. Rates are percentages with two decimals of exact integer counts:
 * success rate = successes / all transactions (pending ones included, shown as their own 处理中 count);
 * chargeback, fraud and refund rates = successful payments of the day later charged back / reported / refunded
 * over the day's successful payments (a cohort, so part and whole share one basis). A rate without a whole is
 * null — no rate, drawn as a gap — never 0 %.
 */
import type { Queryable } from '../db'
import { AppError } from '../errors'
import { chartFiguresRepository, type ChartCriteria, type DayRow, type GroupRow } from '../repositories/chart-figures'
import { transactionsRepository } from '../repositories/transactions'
import { CHART_DATE_BASIS, CHART_TYPES, type ChartColumn, type ChartResponse, type ChartSeries, type ChartsQuery, type ChartType } from '@contract/charts'
import { beijingDate, DAY_MS, startOfBeijingDay, toBeijingIso } from '@contract/beijing-time'
import { resolveRange } from '../lib/time-range'

export { CHART_TYPES }

/** part / whole in percent, two decimals; null when there is no whole (no rate, not 0 %). */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 10000) / whole) / 100
}

type Cell = string | number | null

function chartRange(query: ChartsQuery, now: Date): { from: Date; to: Date } {
  if (query.from !== undefined || query.to !== undefined) return resolveRange(query, now)
  const days = query.range === '30d' ? 30 : 7
  return { from: new Date(startOfBeijingDay(now) - (days - 1) * DAY_MS), to: now }
}

/** Every Beijing day of the range, so days without transactions show as zero instead of missing. */
function daysOf(from: Date, to: Date): string[] {
  const days: string[] = []
  for (let t = startOfBeijingDay(from); t <= to.getTime(); t += DAY_MS) days.push(beijingDate(t))
  return days
}

interface Shape {
  categories: string[]
  columns: ChartColumn[]
  rows: Array<Record<string, Cell>>
  series: Array<{ key: string; kind: ChartSeries['kind'] }>
}

/** A series value: counts as numbers, a missing rate stays null (a gap in the line). */
function numberOrGap(cell: Cell | undefined): number | null {
  return cell === null || cell === undefined ? null : Number(cell)
}

function build(shape: Shape): Pick<ChartResponse, 'categories' | 'series' | 'table'> {
  return {
    categories: shape.categories,
    series: shape.series.map(({ key, kind }) => ({ key, kind, values: shape.rows.map((row) => numberOrGap(row[key])) })),
    table: { columns: shape.columns, rows: shape.rows },
  }
}

function perDay(rows: DayRow[], days: string[]): DayRow[] {
  const byDay = new Map(rows.map((row) => [row.day, row]))
  return days.map((day) => byDay.get(day) ?? { day, total: 0, success: 0, failure: 0, pending: 0, chargebacks: 0, frauds: 0, refunds: 0 })
}

function grouped(rows: GroupRow[], label: string, unknown: string, withSuccess: boolean): Shape {
  const all = rows.reduce((sum, row) => sum + row.total, 0)
  const table = rows.map((row) => {
    const key = row.key ?? unknown
    const cells: Record<string, Cell> = { [label]: key, count: row.total, share: percent(row.total, all) }
    if (withSuccess) {
      cells.success = row.success
      cells.successRate = percent(row.success, row.total)
    }
    return cells
  })
  const columns: ChartColumn[] = [
    { key: label, unit: 'text' },
    { key: 'count', unit: 'count' },
    { key: 'share', unit: 'percent' },
  ]
  if (withSuccess) columns.push({ key: 'success', unit: 'count' }, { key: 'successRate', unit: 'percent' })
  return { categories: table.map((row) => String(row[label])), columns, rows: table, series: [{ key: 'count', kind: 'pie' }] }
}

const CASE_COLUMNS: ChartColumn[] = [
  { key: 'success', unit: 'count' },
  { key: 'chargebacks', unit: 'count' },
  { key: 'chargebackRate', unit: 'percent' },
  { key: 'frauds', unit: 'count' },
  { key: 'fraudRate', unit: 'percent' },
  { key: 'refunds', unit: 'count' },
  { key: 'refundRate', unit: 'percent' },
]

function caseCells(row: DayRow): Record<string, number | null> {
  return {
    success: row.success,
    chargebacks: row.chargebacks,
    chargebackRate: percent(row.chargebacks, row.success),
    frauds: row.frauds,
    fraudRate: percent(row.frauds, row.success),
    refunds: row.refunds,
    refundRate: percent(row.refunds, row.success),
  }
}

export async function getChart(db: Queryable, merchantNo: string, type: ChartType, query: ChartsQuery, now: Date): Promise<ChartResponse> {
  const { from, to } = chartRange(query, now)
  if (query.terminal !== undefined && !(await transactionsRepository(db).terminalBelongs(merchantNo, query.terminal))) {
    throw new AppError(400, 'VALIDATION_FAILED', 'terminal: not a terminal of this merchant')
  }
  const criteria: ChartCriteria = { account: merchantNo, from, to, terminal: query.terminal, cardBrand: query.cardBrand }
  const figures = chartFiguresRepository(db)
  let shape: Shape
  switch (type) {
    case 'overview':
    case 'success-rate': {
      const days = perDay(await figures.byDay(criteria), daysOf(from, to))
      const rows = days.map((d) => ({
        date: d.day,
        total: d.total,
        success: d.success,
        failure: d.failure,
        pending: d.pending,
        successRate: percent(d.success, d.total),
      }))
      shape = {
        categories: days.map((d) => d.day),
        columns: [
          { key: 'date', unit: 'text' },
          { key: 'total', unit: 'count' },
          { key: 'success', unit: 'count' },
          { key: 'failure', unit: 'count' },
          { key: 'pending', unit: 'count' },
          { key: 'successRate', unit: 'percent' },
        ],
        rows,
        series:
          type === 'overview'
            ? [
                { key: 'total', kind: 'bar' },
                { key: 'success', kind: 'bar' },
                { key: 'failure', kind: 'bar' },
                { key: 'pending', kind: 'bar' },
                { key: 'successRate', kind: 'line' },
              ]
            : [{ key: 'successRate', kind: 'line' }],
      }
      break
    }
    case 'country':
      shape = grouped(await figures.groupBy(criteria, 'card_country'), 'country', 'unknown', true)
      break
    case 'failure-reasons':
      shape = grouped(await figures.groupBy(criteria, 'failure_reason'), 'reason', 'unknown', false)
      break
    case 'chargeback-reasons':
      shape = grouped(await figures.chargebackReasons(criteria), 'reason', 'unknown', false)
      break
    case 'logistics':
      shape = grouped(await figures.groupBy(criteria, 'delivery'), 'delivery', 'unknown', false)
      break
    case 'card-brand-cases': {
      const days = perDay(await figures.byDay(criteria), daysOf(from, to))
      shape = {
        categories: days.map((d) => d.day),
        columns: [{ key: 'date', unit: 'text' }, ...CASE_COLUMNS],
        rows: days.map((d) => ({ date: d.day, ...caseCells(d) })),
        series: [
          { key: 'chargebacks', kind: 'bar' },
          { key: 'frauds', kind: 'bar' },
          { key: 'refunds', kind: 'bar' },
        ],
      }
      break
    }
    case 'case-analysis': {
      const brands = await figures.casesByBrand(criteria)
      shape = {
        categories: brands.map((b) => b.brand ?? 'other'),
        columns: [{ key: 'cardBrand', unit: 'text' }, ...CASE_COLUMNS],
        rows: brands.map((b) => ({ cardBrand: b.brand ?? 'other', ...caseCells(b) })),
        series: [
          { key: 'chargebackRate', kind: 'line' },
          { key: 'fraudRate', kind: 'line' },
          { key: 'refundRate', kind: 'line' },
        ],
      }
      break
    }
  }
  return { type, from: toBeijingIso(from), to: toBeijingIso(to), basis: CHART_DATE_BASIS[type], ...build(shape) }
}
