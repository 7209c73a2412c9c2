/**
 * 交易划款 (SPEC §3.1 item 4): day range (last 7 Beijing days by default, one year back at most), the four
 * filters in the filter sheet, "查询出N条符合条件数据", and the virtualised, keyset-paged list of batches.
 */
import { useCallback, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { fetchSettlements } from '@/api'
import { DateRange } from '@/components/date-range'
import { oneYearBounds } from '@/components/date-range/range'
import { FilterSheet } from '@/components/filter-sheet'
import { PageState } from '@/components/page-state'
import { VirtualList } from '@/components/virtual-list'
import { usePagedList } from '@/hooks/use-more-pages'
import { useT } from '@/hooks/use-t'
import { ROUTES } from '@/routes'
import { beijingToday } from '@/utils/dates'
import { BATCH_ROW_HEIGHT, BatchRow } from './batch-row'
import { BATCH_TYPE_LABEL, TIME_TYPE_LABEL } from './labels'
import { ListFooter } from '@/components/list-footer'
import {
  activeFilterCount,
  defaultSearch,
  filterFromSheet,
  searchKey,
  settlementsQuery,
  SHEET_RESET,
  sheetValues,
  type SettlementSearch,
} from './query'
import { settlementSheetFields } from './sheet-fields'
import './settlements.scss'

export function SettlementsScreen() {
  const t = useT()
  const [today] = useState(() => beijingToday())
  const bounds = useMemo(() => oneYearBounds(today), [today])
  const [search, setSearch] = useState<SettlementSearch>(() => defaultSearch(today))
  const [limitNotice, setLimitNotice] = useState(false)
  const [sheetOpen, setSheetOpen] = useState(false)

  const key = searchKey(search)
  const list = usePagedList((cursor) => fetchSettlements(settlementsQuery(search, cursor)), [key])
  const { items } = list

  const update = (next: SettlementSearch) => {
    setSearch(next)
    // A new filter is a new list: read it from the top.
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }
  const open = useCallback(
    (batchNo: string) => void Taro.navigateTo({ url: `${ROUTES.settlementDetail}?batchNo=${encodeURIComponent(batchNo)}` }),
    [],
  )

  const { filter } = search
  const chips = [
    filter.batchNo === undefined ? null : t('st.batchLabel', { batchNo: filter.batchNo }),
    filter.timeType === undefined ? null : t(TIME_TYPE_LABEL[filter.timeType]),
    filter.currency ?? null,
    filter.batchType === undefined ? null : t(BATCH_TYPE_LABEL[filter.batchType]),
  ].filter((chip): chip is string => chip !== null)
  const active = activeFilterCount(filter)
  const count = list.status === 'ready' ? list.first?.total?.count : undefined

  return (
    <View className='st'>
      <View className='card st-header'>
        <DateRange
          value={search.range}
          bounds={bounds}
          limitNotice={limitNotice}
          testId='st-range'
          onChange={(range, { clamped }) => {
            setLimitNotice(clamped)
            update({ ...search, range })
          }}
        />
        {chips.length > 0 ? (
          <View className='st-active' data-testid='st-active'>
            {chips.map((chip) => (
              <Text key={chip} className='st-active__chip'>
                {chip}
              </Text>
            ))}
            <Text className='st-active__clear link' data-testid='st-filters-clear' onClick={() => update({ ...search, filter: {} })}>
              {t('st.filters.clear')}
            </Text>
          </View>
        ) : null}
        <View className='st-toolbar'>
          <Text className='st-toolbar__count' data-testid='st-count'>
            {count === undefined ? '' : t('st.count', { count })}
          </Text>
          <Text
            className={`st-toolbar__filters${active > 0 ? ' st-toolbar__filters--active' : ''}`}
            data-testid='st-filters'
            onClick={() => setSheetOpen(true)}
          >
            {active > 0 ? t('st.filters.active', { count: active }) : t('st.filters')}
          </Text>
        </View>
      </View>

      <PageState
        status={list.status}
        error={list.error}
        empty={items.length === 0}
        onClearFilters={chips.length > 0 ? () => update({ ...search, filter: {} }) : undefined}
        onRetry={() => void list.reload()}
      >
        <VirtualList
          id='st-list'
          count={items.length}
          rowHeight={BATCH_ROW_HEIGHT}
          rowKey={(index) => items[index].batchNo}
          renderRow={(index) => <BatchRow batch={items[index]} onOpen={open} />}
          layoutKey={`${key}|${chips.length}|${limitNotice}`}
        />
        <ListFooter more={list} testId='st-load-more' />
      </PageState>

      {/* A stable slot: opening or closing the sheet must not make Taro re-send the list beside it. */}
      <View className='st-sheet-slot'>
        <FilterSheet
          open={sheetOpen}
          title={t('st.filters')}
          fields={settlementSheetFields(t)}
          values={sheetValues(filter)}
          resetValues={SHEET_RESET}
          testId='st-sheet'
          onClose={() => setSheetOpen(false)}
          onApply={(values) => {
            setSheetOpen(false)
            update({ ...search, filter: filterFromSheet(values) })
          }}
        />
      </View>
    </View>
  )
}
