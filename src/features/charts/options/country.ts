/**
 * 各发卡国家交易分布: the countries with the most transactions as horizontal bars, largest on top. Issuing
 * countries are many and spread thin, so a ring would be mostly 其他; when they are more than TOP_COUNTRIES bars,
 * the smallest are summed into a last 其他 bar, so the bars always add up to every transaction of the range (the
 * table under it lists every country).
 */
import type { ChartResponse } from '@contract/charts'
import type { ChartLabels } from '../labels'
import { baseOption, categoryAxis, COLORS, countAxis } from './theme'
import type { ChartOption } from './types'
import { countsOf } from './values'

export const TOP_COUNTRIES = 10

export function countryOption(response: ChartResponse, labels: ChartLabels): ChartOption {
  const counts = countsOf(response, 'count')
  const ranked = response.categories
    .map((category, index) => ({ name: labels.category(response.type, category), count: counts[index] ?? 0 }))
    .sort((a, b) => b.count - a.count)
  const top =
    ranked.length <= TOP_COUNTRIES
      ? ranked
      : [
          ...ranked.slice(0, TOP_COUNTRIES - 1),
          { name: labels.others, count: ranked.slice(TOP_COUNTRIES - 1).reduce((sum, entry) => sum + entry.count, 0) },
        ]
  const base = baseOption('axis')
  return {
    ...base,
    // One series: the card title already says what the bars are.
    legend: { ...base.legend, show: false },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: countAxis('left'),
    yAxis: [{ ...categoryAxis(top.map((entry) => entry.name)), inverse: true, axisLabel: { interval: 0, color: COLORS.text, fontSize: 11 } }],
    series: [
      {
        type: 'bar',
        name: labels.column('count'),
        data: top.map((entry) => entry.count),
        barMaxWidth: 14,
        label: { show: true, position: 'right', fontSize: 10, color: COLORS.text },
        itemStyle: { color: COLORS.blue, borderRadius: [0, 3, 3, 0] },
      },
    ],
  }
}
