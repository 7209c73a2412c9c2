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
import { useMinuteClock } from '@/hooks/use-minute-clock'
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
import { ROW_HEIGHT, TALL_ROW_HEIGHT, TransactionRow } from './transaction-row'
import { useMerchantFacts } from './use-merchant-facts'
import { useWords } from '@/hooks/use-words'
import { ACTION_WORDS } from '@/i18n/features/actions'
import { actionsApi } from './actions/api'
import { MoneyActionSheet, type MoneyActionOffer } from './actions/money-action-sheet'
import { failureSentence } from './actions/outcome'
import { listRowActions, offersTrackingEntry, rowActionsFor } from './actions/row-actions'
import { trackingBatch, trackingProblems, type TrackingCommon } from './actions/tracking'
import { TrackingEntryPanel } from './actions/tracking-entry-panel'
import { moneyOffers } from './actions/transaction-actions'
import type { TransactionListItem } from '@contract/transactions'
import type { RowAction } from './transaction-row'
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
  // One minute clock for every open case's countdown on the list (not a timer per row); idle without such a case.
  const hasCountdown = useMemo(() => items.some((item) => item.case?.status === 'open' && item.case.deadlineAt !== null), [items])
  const caseClock = useMinuteClock(hasCountdown)
  // Only the first page carries the count and totals; appended pages keep them.
  const total = list.first?.total
  const facts = useMerchantFacts()
  const knownTerminals = facts.terminals
  const w = useWords(ACTION_WORDS)
  const listActions = useMemo(() => listRowActions(state.filter, facts.permissions), [state.filter, facts.permissions])
  const entryOffered = offersTrackingEntry(state.filter, facts.permissions)
  const [entryMode, setEntryMode] = useState(false)
  const entryOn = entryMode && entryOffered
  const [numbers, setNumbers] = useState<Record<string, string>>({})
  const [common, setCommon] = useState<TrackingCommon>({ trackingSite: '', handler: '' })
  const [entrySending, setEntrySending] = useState(false)
  const [entryMessage, setEntryMessage] = useState<string | null>(null)
  const [rowSheet, setRowSheet] = useState<MoneyActionOffer | null>(null)
  const tall = entryOn || listActions.length > 0

  const setNumber = useCallback((paymentId: string, value: string) => setNumbers((current) => ({ ...current, [paymentId]: value })), [])
  const scan =
    process.env.TARO_ENV === 'weapp'
      ? (paymentId: string) =>
          void Taro.scanCode({ onlyFromCamera: true }).then(
            (result) => setNumber(paymentId, result.result),
            () => undefined,
          )
      : undefined

  // A to-do row's button: the server says what this payment allows now (and for how many days) before the sheet.
  const openRowAction = useCallback(
    (item: TransactionListItem, action: RowAction) => {
      actionsApi.fetchAvailableActions(item.paymentId).then(
        (available) => {
          const offer = moneyOffers(available, item).find((candidate) => candidate.kind === action)
          if (offer !== undefined) return setRowSheet(offer)
          const why = action === 'refund' ? 'not-refundable' : 'not-pending-authorization'
          void Taro.showToast({ title: failureSentence(w, why), icon: 'none' })
        },
        () => void Taro.showToast({ title: w('actions.retry.network'), icon: 'none' }),
      )
    },
    [w],
  )

  const submitTracking = () => {
    const batch = trackingBatch(numbers, items.map((item) => item.paymentId), common)
    if (batch.length === 0) return setEntryMessage(w('actions.tracking.batch.none'))
    const problem = batch.map((item) => trackingProblems(item)).find((problems) => problems.length > 0)?.[0]
    if (problem !== undefined) return setEntryMessage(w(`actions.tracking.problem.${problem}`))
    setEntrySending(true)
    setEntryMessage(null)
    const chunks: (typeof batch)[] = []
    for (let start = 0; start < batch.length; start += 50) chunks.push(batch.slice(start, start + 50))
    chunks
      .reduce<Promise<number>>(
        (done, chunk) => done.then((ok) => actionsApi.uploadTracking({ items: chunk }).then((answer) => ok + answer.results.filter((r) => r.status !== 'failed').length)),
        Promise.resolve(0),
      )
      .then(
        (ok) => {
          const failed = batch.length - ok
          setEntryMessage(failed === 0 ? w('actions.tracking.batch.done', { ok }) : w('actions.tracking.batch.partial', { ok, failed }))
          setNumbers({})
          void list.reload()
        },
        () => setEntryMessage(w('actions.retry.network')),
      )
      .finally(() => setEntrySending(false))
  }

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
        {entryOffered && !entryOn ? (
          <Text className='tx-entry-open link' onClick={() => setEntryMode(true)} data-testid='tx-tracking-entry-open'>
            {w('actions.tracking.batch.enter')}
          </Text>
        ) : null}
        {entryOn ? (
          <TrackingEntryPanel
            common={common}
            onCommon={setCommon}
            count={trackingBatch(numbers, items.map((item) => item.paymentId), common).length}
            sending={entrySending}
            message={entryMessage}
            onSubmit={submitTracking}
            onExit={() => {
              setEntryMode(false)
              setEntryMessage(null)
            }}
          />
        ) : null}
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
            rowHeight={tall ? TALL_ROW_HEIGHT : ROW_HEIGHT}
            overscan={8}
            step={LIST_STEP}
            rowKey={(index) => items[index].paymentId}
            renderRow={(index) => (
              <TransactionRow
                item={items[index]}
                onOpen={openDetail}
                tall={tall}
                actions={entryOn ? undefined : rowActionsFor(items[index], listActions)}
                onAction={openRowAction}
                nowMs={caseClock}
                entry={entryOn ? { value: numbers[items[index].paymentId] ?? '', onChange: setNumber, onScan: scan } : undefined}
              />
            )}
            layoutKey={`${queryKey}|${presets.length}|${total?.amounts.length ?? 0}|${totalsExpanded}|${limitNotice}|${idSearch ?? ''}|${tall}|${entryOn}|${entryMessage ?? ''}`}
          />
        </View>
        <ListFooter more={list} testId='tx-load-more' slotTestId='tx-footer' />
      </PageState>

      {rowSheet !== null ? (
        <MoneyActionSheet
          offer={rowSheet}
          onClose={(changed) => {
            setRowSheet(null)
            if (changed) void list.reload()
          }}
        />
      ) : null}

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
