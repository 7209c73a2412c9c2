/**
 * 可视化图表 (SPEC §3.1 item 5): filters, the multi-select of chart types, and one card per selected type.
 * Filters live in this screen's state: they belong to one visit of the page.
 */
import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import type { ChartType } from '@contract/charts'
import type { CardBrand } from '@contract/transactions'
import { fetchMe } from '@/api'
import { useRemote } from '@/hooks/use-remote'
import { useT } from '@/hooks/use-t'
import { CARD_BRANDS, CHART_TYPES, DEFAULT_CHART_TYPES, orderChartTypes } from './catalog'
import { ChartCard } from './chart-card'
import { ChartFiltersCard, type SheetName } from './chart-filters'
import { initialFilters, queryKey, toChartsQuery, withCustomDay, withPreset, type ChartFilters, type RangePreset } from './filters'
import { OptionSheet } from './option-sheet'
import './charts.scss'

const ALL = 'all'

export function ChartsScreen() {
  const t = useT()
  const [filters, setFilters] = useState<ChartFilters>(() => initialFilters())
  const [types, setTypes] = useState<ChartType[]>(() => [...DEFAULT_CHART_TYPES])
  const [sheet, setSheet] = useState<SheetName | null>(null)
  // The terminal picker lists the merchant's terminals; until they arrive (or if that fails) it offers 全部终端.
  const me = useRemote(fetchMe, [])
  const query = useMemo(() => toChartsQuery(filters), [filters])
  const key = queryKey(query)

  const onPreset = (preset: RangePreset) =>
    setFilters((current) => (preset === 'custom' ? { ...current, preset } : withPreset(current, preset)))
  const close = () => setSheet(null)

  return (
    <View className='charts-screen'>
      <ChartFiltersCard
        filters={filters}
        types={types}
        onPreset={onPreset}
        onCustomDay={(end, day) => setFilters((current) => withCustomDay(current, end, day))}
        onOpen={setSheet}
      />
      {types.map((type) => (
        <ChartCard key={type} type={type} query={query} queryKey={key} />
      ))}
      {sheet === 'terminal' ? (
        <OptionSheet<string>
          title={t('charts.terminal')}
          options={[{ value: ALL, label: t('charts.terminal.all') }, ...(me.data?.terminals ?? []).map((terminal) => ({ value: terminal, label: terminal }))]}
          selected={filters.terminal ?? ALL}
          onSelect={(value) => setFilters((current) => ({ ...current, terminal: value === ALL ? null : value }))}
          onClose={close}
          testIdPrefix='chart-terminal-option'
        />
      ) : null}
      {sheet === 'brand' ? (
        <OptionSheet<CardBrand | typeof ALL>
          title={t('charts.cardBrand')}
          options={[{ value: ALL, label: t('charts.cardBrand.all') }, ...CARD_BRANDS.map((brand) => ({ value: brand, label: brand }))]}
          selected={filters.cardBrand ?? ALL}
          onSelect={(value) => setFilters((current) => ({ ...current, cardBrand: value === ALL ? null : value }))}
          onClose={close}
          testIdPrefix='chart-brand-option'
        />
      ) : null}
      {sheet === 'types' ? (
        <OptionSheet<ChartType>
          multiple
          title={t('charts.types')}
          options={CHART_TYPES.map((type) => ({ value: type, label: t(`charts.type.${type}`) }))}
          selected={types}
          onConfirm={(chosen) => setTypes(orderChartTypes(chosen))}
          onClose={close}
          testIdPrefix='chart-type'
          confirmTestId='chart-types-confirm'
        />
      ) : null}
    </View>
  )
}
