/** One selected chart type: its title, the chart and the table under it, with its own loading/empty/error states. */
import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import type { ChartsQuery, ChartType } from '@contract/charts'
import { fetchChart } from '@/api'
import { PageState } from '@/components/page-state'
import { useRemote } from '@/hooks/use-remote'
import { useT } from '@/hooks/use-t'
import { usePreferences } from '@/stores/preferences'
import { basisNote, CASE_TABS, type CaseTab } from './catalog'
import { ChartCanvas } from './chart-canvas'
import { ChartTable } from './chart-table'
import { chartLabels } from './labels'
import { buildChartOption, isChartEmpty } from './options'
import { buildTable } from './table-model'

// Rings with their legend below, and ten country bars, need more height than a day-by-day chart.
const TALL_TYPES: ReadonlySet<ChartType> = new Set(['country', 'failure-reasons', 'chargeback-reasons', 'logistics'])

export interface ChartCardProps {
  type: ChartType
  query: ChartsQuery
  /** Identity of `query`: a change reloads the card. */
  queryKey: string
}

export function ChartCard({ type, query, queryKey }: ChartCardProps) {
  const t = useT()
  const locale = usePreferences((state) => state.locale)
  const [tab, setTab] = useState<CaseTab>('chargeback')
  const remote = useRemote(() => fetchChart(type, query), [type, queryKey])
  const labels = useMemo(() => chartLabels(locale), [locale])
  const option = useMemo(() => (remote.data ? buildChartOption(remote.data, labels, tab) : undefined), [remote.data, labels, tab])
  const table = useMemo(() => (remote.data ? buildTable(remote.data, labels, tab) : undefined), [remote.data, labels, tab])

  return (
    <View className='card chart-card' data-testid={`chart-card-${type}`}>
      <View className='card__title'>{t(`charts.type.${type}`)}</View>
      {/* Which date puts a row into the range: the figures of two charts may differ for that reason alone. */}
      <View className='chart-card__basis' data-testid={`chart-basis-${type}`}>
        {t(`charts.basis.${basisNote(type)}`)}
      </View>
      {type === 'card-brand-cases' ? (
        <View className='chart-card__tabs'>
          {CASE_TABS.map((entry) => (
            <View
              key={entry}
              className={`chart-card__tab${entry === tab ? ' chart-card__tab--active' : ''}`}
              onClick={() => setTab(entry)}
              data-testid={`chart-tab-${entry}`}
            >
              {t(`charts.tab.${entry}`)}
            </View>
          ))}
        </View>
      ) : null}
      <PageState
        status={remote.status}
        error={remote.error}
        empty={remote.data !== undefined && isChartEmpty(remote.data)}
        onRetry={() => void remote.reload()}
      >
        {option !== undefined && table !== undefined ? (
          <>
            <ChartCanvas option={option} id={type} tall={TALL_TYPES.has(type)} />
            <ChartTable model={table} testId={`chart-table-${type}`} />
          </>
        ) : null}
      </PageState>
    </View>
  )
}
