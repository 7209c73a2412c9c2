/**
 * Day-by-day charts: 整体交易分析 (successes, failures and pending stacked — together the day's 交易笔数 — and the
 * success rate on a second % axis),
 * 整体成功率分析 (the rate alone) and 整体拒付、伪冒和退款(区分卡种) (one case kind per tab: count bars and
 * rate line on a second % axis).
 */
import type { ChartResponse } from '@contract/charts'
import { CASE_TAB_KEYS, type CaseTab } from '../catalog'
import type { ChartLabels } from '../labels'
import { baseOption, categoryAxis, COLORS, countAxis, GRID, percentAxis, shortDate } from './theme'
import type { ChartOption } from './types'
import { RATE_LINE, rateName, valuesOf } from './values'

export function overviewOption(response: ChartResponse, labels: ChartLabels): ChartOption {
  return {
    ...baseOption('axis'),
    grid: GRID,
    xAxis: categoryAxis(response.categories.map(shortDate)),
    yAxis: [countAxis('left'), percentAxis('right', { max: 100 })],
    series: [
      { type: 'bar', name: labels.column('success'), data: valuesOf(response, 'success'), stack: 'total', barMaxWidth: 18, itemStyle: { color: COLORS.blue } },
      { type: 'bar', name: labels.column('failure'), data: valuesOf(response, 'failure'), stack: 'total', barMaxWidth: 18, itemStyle: { color: COLORS.red } },
      { type: 'bar', name: labels.column('pending'), data: valuesOf(response, 'pending'), stack: 'total', barMaxWidth: 18, itemStyle: { color: COLORS.amber } },
      {
        type: 'line',
        name: rateName(labels.column('successRate')),
        data: valuesOf(response, 'successRate'),
        yAxisIndex: 1,
        ...RATE_LINE,
        lineStyle: { width: 2 },
        itemStyle: { color: COLORS.green },
      },
    ],
  }
}

export function successRateOption(response: ChartResponse, labels: ChartLabels): ChartOption {
  return {
    ...baseOption('axis'),
    grid: GRID,
    xAxis: categoryAxis(response.categories.map(shortDate)),
    yAxis: [percentAxis('left', { max: 100, fromZero: false })],
    series: [
      {
        type: 'line',
        name: rateName(labels.column('successRate')),
        data: valuesOf(response, 'successRate'),
        ...RATE_LINE,
        areaStyle: { opacity: 0.12 },
        lineStyle: { width: 2 },
        itemStyle: { color: COLORS.green },
      },
    ],
  }
}

const TAB_COLORS: Readonly<Record<CaseTab, string>> = { chargeback: COLORS.red, fraud: COLORS.purple, refund: COLORS.amber }

export function cardBrandCasesOption(response: ChartResponse, labels: ChartLabels, tab: CaseTab): ChartOption {
  const keys = CASE_TAB_KEYS[tab]
  return {
    ...baseOption('axis'),
    grid: GRID,
    xAxis: categoryAxis(response.categories.map(shortDate)),
    yAxis: [countAxis('left'), percentAxis('right')],
    series: [
      { type: 'bar', name: labels.column(keys.count), data: valuesOf(response, keys.count), barMaxWidth: 18, itemStyle: { color: TAB_COLORS[tab] } },
      {
        type: 'line',
        name: rateName(labels.column(keys.rate)),
        data: valuesOf(response, keys.rate),
        yAxisIndex: 1,
        ...RATE_LINE,
        lineStyle: { width: 2 },
        itemStyle: { color: COLORS.blue },
      },
    ],
  }
}
