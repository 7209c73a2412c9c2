/**
 * 整体拒付伪冒退款分析: chargeback, fraud and refund rates side by side per card brand. Brands are not a sequence,
 * so the rates are grouped bars (not lines) on one % axis.
 */
import type { ChartResponse } from '@contract/charts'
import type { ChartLabels } from '../labels'
import { baseOption, categoryAxis, COLORS, GRID, percentAxis } from './theme'
import type { ChartOption } from './types'
import { rateName, valuesOf } from './values'

const RATES = [
  ['chargebackRate', COLORS.red],
  ['fraudRate', COLORS.purple],
  ['refundRate', COLORS.amber],
] as const

export function caseAnalysisOption(response: ChartResponse, labels: ChartLabels): ChartOption {
  return {
    ...baseOption('axis'),
    grid: GRID,
    // Every brand named, slanted: eight brand names do not fit side by side under a phone-wide chart.
    xAxis: {
      ...categoryAxis(response.categories.map((category) => labels.category(response.type, category))),
      axisLabel: { interval: 0, rotate: 30, color: COLORS.muted, fontSize: 10 },
    },
    yAxis: [percentAxis('left')],
    series: RATES.map(([key, color]) => ({
      type: 'bar' as const,
      name: rateName(labels.column(key)),
      data: valuesOf(response, key),
      barMaxWidth: 12,
      itemStyle: { color, borderRadius: [2, 2, 0, 0] },
    })),
  }
}
