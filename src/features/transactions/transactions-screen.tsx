/**
 * 交易明细 (SPEC §3.1 item 3): search, day range (one year back at most), the advanced-filter sheet, the
 * active preset, count and totals, and the virtualised endless list. The page shell passes its router params.
 */
import { useCallback, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { fetchTransactions } from '@/api'
import { DateRange } from '@/components/date-range'
import { oneYearBounds } from '@/components/date-range/range'
import { FilterSheet } from '@/components/filter-sheet'
import { ListFooter } from '@/components/list-footer'
import { VirtualList } from '@/components/virtual-list'
import { usePagedList } from '@/hooks/use-more-pages'
import { useT } from '@/hooks/use-t'
import { ROUTES } from '@/routes'
import { beijingToday } from '@/utils/dates'
import { transactionsQueryString } from '@/utils/transactions-filter-url'
import { PageState } from '@/components/page-state'
import { rangeOverriddenBy } from '@contract/transactions'
import { presetLabels } from './labels'
import {
  activeSheetCount,
  applySheet,
  clearPresets,
  initialListState,
  sheetValues,
  SHEET_RESET,
  terminalChoices,
  toQuery,
  withSearch,
  type ListState,
} from './list-filter'
import { ListSummary } from './list-summary'
import { transactionSheetFields } from './sheet-fields'
import { ROW_HEIGHT, TransactionRow } from './transaction-row'
import { useMerchantTerminals } from './use-terminals'
import './transactions.scss'

/** Rows per request, as the seed's list pages. */
const PAGE_SIZE = 20
/** The window moves in steps of 4 rows: a divisor of PAGE_SIZE (20), so every append adds the same rows to it. */
const LIST_STEP = 4

export interface TransactionsScreenProps {
  params: Readonly<Record<string, string | undefined>>
}

export function TransactionsScreen({ params }: TransactionsScreenProps) {
  const t = useT()
  const [today] = useState(() => beijingToday())
  const bounds = useMemo(() => oneYearBounds(today), [today])
  const [initial] = useState(() => initialListState(params, today))
  const [state, setState] = useState<ListState>({ range: initial.range, filter: initial.filter })
  const [limitNotice, setLimitNotice] = useState(initial.clamped)
  const [searchText, setSearchText] = useState(initial.filter.q ?? '')
  const [sheetOpen, setSheetOpen] = useState(false)
  const [totalsExpanded, setTotalsExpanded] = useState(false)

  const query = useMemo(() => toQuery(state), [state])
  const queryKey = transactionsQueryString(query)
  const list = usePagedList(
    (cursor) => fetchTransactions(cursor === undefined ? { ...query, limit: PAGE_SIZE } : { ...query, limit: PAGE_SIZE, cursor }),
    [queryKey],
  )
  const { items } = list
  // Only the first page carries the count and totals; appended pages keep them.
  const total = list.first?.total
  const knownTerminals = useMerchantTerminals()

  const update = (next: ListState) => {
    setState(next)
    // A new filter is a new list: start reading it from the top.
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }
  const openDetail = useCallback((paymentId: string) => {
    void Taro.navigateTo({ url: `${ROUTES.transactionDetail}?paymentId=${encodeURIComponent(paymentId)}` })
  }, [])

  // The empty list's next step: every filter but the date range goes (search, preset and sheet alike).
  const clearFilters = () => {
    setSearchText('')
    update({ ...state, filter: {} })
  }
  const presets = presetLabels(t, state.filter)
  // An exact ID or batch number is looked up over the whole year (the server's rule, from the contract): say so.
  const idSearch = rangeOverriddenBy(state.filter)
  const activeCount = activeSheetCount(state.filter)

  return (
    <View className='page tx'>
      <View className='card tx-header'>
        <View className='tx-search'>
          <Input
            className='tx-search__input'
            value={searchText}
            placeholder={t('tx.search.placeholder')}
            maxlength={64}
            confirmType='search'
            onInput={(event) => setSearchText(event.detail.value)}
            onConfirm={(event) => update({ ...state, filter: withSearch(state.filter, event.detail.value) })}
            data-testid='tx-search'
          />
          <Button
            className='tx-search__submit'
            size='mini'
            onClick={() => update({ ...state, filter: withSearch(state.filter, searchText) })}
            data-testid='tx-search-submit'
          >
            {t('tx.search.submit')}
          </Button>
        </View>
        <DateRange
          value={state.range}
          bounds={bounds}
          limitNotice={limitNotice}
          testId='tx-range'
          onChange={(range, { clamped }) => {
            setLimitNotice(clamped)
            update({ ...state, range })
          }}
        />
        {idSearch !== undefined ? (
          <Text className='tx-id-search note' data-testid='tx-id-search'>
            {t(idSearch === 'q' ? 'tx.idSearch.q' : 'tx.idSearch.batchNo')}
          </Text>
        ) : null}
        {presets.length > 0 ? (
          <View className='tx-preset' data-testid='tx-preset'>
            <Text className='tx-preset__label'>{t('tx.preset')}</Text>
            {presets.map((label) => (
              <Text key={label} className='tx-preset__chip'>
                {label}
              </Text>
            ))}
            <Text
              className='tx-preset__clear link'
              onClick={() => update({ ...state, filter: clearPresets(state.filter) })}
              data-testid='tx-preset-clear'
            >
              {t('tx.preset.clear')}
            </Text>
          </View>
        ) : null}
        <View className='tx-toolbar'>
          {total ? (
            <ListSummary total={total} expanded={totalsExpanded} onToggle={() => setTotalsExpanded(!totalsExpanded)} />
          ) : (
            <View className='tx-summary' />
          )}
          <Text
            className={`tx-toolbar__filters${activeCount > 0 ? ' tx-toolbar__filters--active' : ''}`}
            onClick={() => setSheetOpen(true)}
            data-testid='tx-filters'
          >
            {activeCount > 0 ? t('tx.filters.active', { count: activeCount }) : t('tx.filters')}
          </Text>
        </View>
      </View>

      <PageState
        status={list.status}
        error={list.error}
        empty={items.length === 0}
        onClearFilters={Object.keys(state.filter).length > 0 ? clearFilters : undefined}
        onRetry={() => void list.reload()}
      >
        <View className='tx-list'>
          <VirtualList
            id='tx-list'
            count={items.length}
            rowHeight={ROW_HEIGHT}
            overscan={8}
            step={LIST_STEP}
            rowKey={(index) => items[index].paymentId}
            renderRow={(index) => <TransactionRow item={items[index]} onOpen={openDetail} />}
            layoutKey={`${queryKey}|${presets.length}|${total?.amounts.length ?? 0}|${totalsExpanded}|${limitNotice}|${idSearch ?? ''}`}
          />
        </View>
        <ListFooter more={list} testId='tx-load-more' slotTestId='tx-footer' />
      </PageState>

      <FilterSheet
        open={sheetOpen}
        title={t('tx.filters')}
        fields={transactionSheetFields(t, sheetOpen ? terminalChoices(knownTerminals, items, state.filter.terminal) : [])}
        values={sheetValues(state.filter)}
        resetValues={SHEET_RESET}
        testId='tx-sheet'
        onClose={() => setSheetOpen(false)}
        onApply={(values) => {
          setSheetOpen(false)
          update({ ...state, filter: applySheet(state.filter, values) })
        }}
      />
    </View>
  )
}
