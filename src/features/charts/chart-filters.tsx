/**
 * The filter card: time presets 近七日 / 近30日 / 自定义 (with start and end date pickers within the last year),
 * the date range they stand for, and the buttons that open the terminal, card-brand and chart-type sheets.
 */
import { Picker, Text, View } from '@tarojs/components'
import type { ChartType } from '@contract/charts'
import { useT } from '@/hooks/use-t'
import { beijingToday } from '@/utils/dates'
import { earliestDay, RANGE_PRESETS, type ChartFilters, type RangePreset } from './filters'

export type SheetName = 'terminal' | 'brand' | 'types'

export interface ChartFiltersProps {
  filters: ChartFilters
  types: readonly ChartType[]
  onPreset: (preset: RangePreset) => void
  onCustomDay: (end: 'from' | 'to', day: string) => void
  onOpen: (sheet: SheetName) => void
}

export function ChartFiltersCard({ filters, types, onPreset, onCustomDay, onOpen }: ChartFiltersProps) {
  const t = useT()
  const today = beijingToday()
  const presetLabel = (preset: RangePreset) => t(`charts.range.${preset}`)
  return (
    <View className='card chart-filters'>
      <View className='card__title'>{t('charts.filters')}</View>
      <View className='chart-filters__presets'>
        {RANGE_PRESETS.map((preset) => (
          <View
            key={preset}
            className={`chart-chip${filters.preset === preset ? ' chart-chip--active' : ''}`}
            onClick={() => onPreset(preset)}
            data-testid={`chart-range-${preset}`}
          >
            {presetLabel(preset)}
          </View>
        ))}
      </View>
      <View className='chart-filters__range' data-testid='chart-range'>
        <Text className='chart-filters__range-label'>{presetLabel(filters.preset)}</Text>
        <Text className='chart-filters__range-dates'>{`${filters.from}~${filters.to}`}</Text>
      </View>
      {filters.preset === 'custom' ? (
        <View className='chart-filters__custom'>
          {(['from', 'to'] as const).map((end) => (
            <Picker
              key={end}
              mode='date'
              value={filters[end]}
              start={earliestDay(today)}
              end={today}
              onChange={(event) => onCustomDay(end, String(event.detail.value))}
              data-testid={`chart-custom-${end}`}
            >
              <View className='chart-filters__date'>
                <Text className='chart-filters__date-label'>{t(`charts.range.${end}`)}</Text>
                <Text className='chart-filters__date-value'>{filters[end]}</Text>
              </View>
            </Picker>
          ))}
          <Text className='note chart-filters__limit'>{t('charts.range.limit')}</Text>
        </View>
      ) : null}
      <View className='chart-filters__pickers'>
        <View className='chart-select' onClick={() => onOpen('terminal')} data-testid='chart-terminal'>
          <Text className='chart-select__label'>{t('charts.terminal')}</Text>
          <Text className='chart-select__value'>{filters.terminal ?? t('charts.terminal.all')}</Text>
        </View>
        <View className='chart-select' onClick={() => onOpen('brand')} data-testid='chart-brand'>
          <Text className='chart-select__label'>{t('charts.cardBrand')}</Text>
          <Text className='chart-select__value'>{filters.cardBrand ?? t('charts.cardBrand.all')}</Text>
        </View>
      </View>
      <View className='chart-select chart-select--types' onClick={() => onOpen('types')} data-testid='chart-types'>
        <Text className='chart-select__label'>{t('charts.types')}</Text>
        <Text className='chart-select__value'>{types.map((type) => t(`charts.type.${type}`)).join(t('list.separator'))}</Text>
      </View>
    </View>
  )
}
