/**
 * The table under a chart. Long tables (30 days, 40 countries) show their first rows and expand on demand, so a
 * page of eight cards stays well under WeChat's node budget.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import type { TableModel } from './table-model'

export const PREVIEW_ROWS = 10

export function ChartTable({ model, testId }: { model: TableModel; testId: string }) {
  const t = useT()
  const [expanded, setExpanded] = useState(false)
  const rows = expanded ? model.rows : model.rows.slice(0, PREVIEW_ROWS)
  // Up to five columns share the card's width; more (the brand analysis) scroll sideways with fixed widths.
  const wide = model.columns.length > 5
  return (
    <View className='chart-table' data-testid={testId}>
      <View className={`chart-table__grid${wide ? ' chart-table__grid--wide' : ''}`}>
        <View className='chart-table__row chart-table__row--head'>
          {model.columns.map((column) => (
            <Text key={column.key} className={`chart-table__cell chart-table__cell--${column.unit}`}>
              {column.label}
            </Text>
          ))}
        </View>
        {rows.map((row) => (
          <View key={row.key} className='chart-table__row' data-testid='chart-table-row'>
            {row.cells.map((cell, index) => (
              <Text key={model.columns[index]?.key ?? index} className={`chart-table__cell chart-table__cell--${model.columns[index]?.unit ?? 'text'}`}>
                {cell}
              </Text>
            ))}
          </View>
        ))}
      </View>
      {model.rows.length > PREVIEW_ROWS ? (
        <View className='chart-table__toggle link' onClick={() => setExpanded(!expanded)} data-testid={`${testId}-toggle`}>
          {expanded ? t('charts.table.less') : t('charts.table.more', { count: model.rows.length })}
        </View>
      ) : null}
    </View>
  )
}
