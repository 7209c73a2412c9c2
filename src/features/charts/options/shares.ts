/**
 * Shares as a ring: 整体失败原因, 整体拒付原因, 整体物流情况. A phone-wide ring stays
 * readable up to about eight slices, so the smallest ones are summed into 其他 (the table under it lists all).
 */
import type { ChartResponse } from '@contract/charts'
import type { ChartLabels } from '../labels'
import { baseOption } from './theme'
import type { ChartOption, PieDatum } from './types'
import { countsOf } from './values'

export const MAX_SLICES = 8

/** Largest first; beyond MAX_SLICES the rest become one "others" slice. Counts are integers: sums stay exact. */
export function pieData(response: ChartResponse, labels: ChartLabels): PieDatum[] {
  const counts = countsOf(response, 'count')
  const data = response.categories
    .map((category, index) => ({ name: labels.category(response.type, category), value: counts[index] ?? 0 }))
    .filter((datum) => datum.value > 0)
    .sort((a, b) => b.value - a.value)
  if (data.length <= MAX_SLICES) return data
  const kept = data.slice(0, MAX_SLICES - 1)
  const rest = data.slice(MAX_SLICES - 1).reduce((sum, datum) => sum + datum.value, 0)
  return [...kept, { name: labels.others, value: rest }]
}

export function sharesOption(response: ChartResponse, labels: ChartLabels): ChartOption {
  return {
    ...baseOption('item', true),
    series: [
      {
        type: 'pie',
        name: labels.column('count'),
        data: pieData(response, labels),
        // High enough that the labels under the ring clear a legend of up to four rows.
        radius: ['34%', '58%'],
        center: ['50%', '38%'],
        avoidLabelOverlap: true,
        // Counts, not ECharts' own percentages: those are rounded to sum to 100 and could differ by 0.01 from
        // the server's shares in the table underneath.
        label: { show: true, formatter: '{c}', fontSize: 10, color: '#5b6475' },
        labelLine: { show: true, length: 6, length2: 6 },
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
      },
    ],
  }
}
