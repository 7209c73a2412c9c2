/** `GET /api/charts/:type` (可视化图表): series for ECharts and the same figures as a table fallback. */
import type { BeijingTime } from './money'
import type { CardBrand } from './transactions'

/** The eight chart types in display order; the server's route accepts exactly these, the page offers them. */
export const CHART_TYPES = [
  'overview', // 整体交易分析
  'country', // 各发卡国家交易分布
  'success-rate', // 整体成功率分析
  'failure-reasons', // 整体失败原因
  'chargeback-reasons', // 整体拒付原因
  'card-brand-cases', // 整体拒付、伪冒和退款(区分卡种)
  'case-analysis', // 整体拒付伪冒退款分析
  'logistics', // 整体物流情况
] as const

export type ChartType = (typeof CHART_TYPES)[number]

/**
 * Which date puts a row into the window and onto a day (Beijing days), one per chart, stated under its title:
 * - `payment`: the transaction's 交易时间 — every figure about transactions, including "of the payments made that
 *   day, how many were later charged back / reported as fraud / refunded" (a cohort: its rate has one basis);
 * - `case`: the case's date (拒付日期, when the chargeback was received) — the reasons of chargebacks received in
 *   the window, whenever their payments were made.
 */
export const DATE_BASES = ['payment', 'case'] as const
export type DateBasis = (typeof DATE_BASES)[number]

export const CHART_DATE_BASIS: Readonly<Record<ChartType, DateBasis>> = {
  overview: 'payment',
  country: 'payment',
  'success-rate': 'payment',
  'failure-reasons': 'payment',
  'chargeback-reasons': 'case',
  'card-brand-cases': 'payment',
  'case-analysis': 'payment',
  logistics: 'payment',
}

export interface ChartsQuery {
  /** 近七日 / 近30日 (Beijing days up to today); ignored when from is given. Default 7d. */
  range?: '7d' | '30d'
  from?: BeijingTime
  to?: BeijingTime
  terminal?: string
  cardBrand?: CardBrand
}

export interface ChartSeries {
  /** Column key in the table this series plots. */
  key: string
  kind: 'bar' | 'line' | 'pie'
  /**
   * One value per category; rates are percentages with two decimals, and null where the rate has no denominator
   * (a day without transactions): a gap, never 0 %.
   */
  values: Array<number | null>
}

export interface ChartColumn {
  key: string
  /** Column meaning: the client picks the label from its i18n table by key. */
  unit: 'text' | 'count' | 'percent' | 'amount'
}

export interface ChartResponse {
  type: ChartType
  from: BeijingTime
  to: BeijingTime
  /** The date basis of every figure in this answer (CHART_DATE_BASIS[type]). */
  basis: DateBasis
  /** x-axis (dates YYYY-MM-DD, countries, reasons, card brands, statuses). */
  categories: string[]
  series: ChartSeries[]
  /** Table fallback: the first column is the category. Amounts are decimal strings; a rate without denominator is null. */
  table: { columns: ChartColumn[]; rows: Array<Record<string, string | number | null>> }
}
