/** The chart types, card brands and case tabs the charts page offers (SPEC §3.1 item 5), in display order. */
import { CHART_DATE_BASIS, CHART_TYPES, type ChartType } from '@contract/charts'
import { CARD_BRANDS } from '@contract/transactions'

export { CHART_TYPES }

/** What a merchant sees first: volume, success rate and the chargeback/fraud/refund table of the seed. */
export const DEFAULT_CHART_TYPES: readonly ChartType[] = ['overview', 'success-rate', 'card-brand-cases']

/** The card-brand filter (卡种): the brands the server accepts. */
export { CARD_BRANDS }

/** Tabs of 整体拒付、伪冒和退款(区分卡种): each shows one case kind's count and rate per day. */
export type CaseTab = 'chargeback' | 'fraud' | 'refund'
export const CASE_TABS: readonly CaseTab[] = ['chargeback', 'fraud', 'refund']

/** The table/series keys of one case tab. */
export const CASE_TAB_KEYS: Readonly<Record<CaseTab, { count: string; rate: string }>> = {
  chargeback: { count: 'chargebacks', rate: 'chargebackRate' },
  fraud: { count: 'frauds', rate: 'fraudRate' },
  refund: { count: 'refunds', rate: 'refundRate' },
}

/** Keeps the user's selection in catalogue order, whatever order the boxes were ticked in. */
export function orderChartTypes(types: Iterable<ChartType>): ChartType[] {
  const chosen = new Set(types)
  return CHART_TYPES.filter((type) => chosen.has(type))
}

/**
 * The date-basis note under a chart's title (CHART_DATE_BASIS): the case charts by payment date say that they
 * count a cohort (payments later charged back), which is why they differ from 整体拒付原因 (by chargeback date).
 */
export type BasisNote = 'payment' | 'cohort' | 'case'

export function basisNote(type: ChartType): BasisNote {
  if (CHART_DATE_BASIS[type] === 'case') return 'case'
  return type === 'card-brand-cases' || type === 'case-analysis' ? 'cohort' : 'payment'
}
