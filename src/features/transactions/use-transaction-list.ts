/**
 * The endless transactions list: the first page (with the count and totals), then cursor pages appended on
 * demand, pull-down refresh back to page 1. Loaded rows live in a plain array (a ref), never in React state:
 * appending a page bumps a counter, so React re-renders only the virtual list's window, not every row.
 * A newer load (new filter, refresh) supersedes older ones, so a slow answer never lands in the wrong list.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { fetchTransactions } from '@/api'
import type { TransactionListItem, TransactionsFilter, TransactionsTotal } from '../../../types/transactions'

/** Rows per request, as the seed's list pages. */
export const PAGE_SIZE = 20

export interface TransactionListView {
  status: 'loading' | 'error' | 'ready'
  error: unknown
  /** Rows loaded so far (rows.current.length). */
  count: number
  total: TransactionsTotal | undefined
  hasMore: boolean
  loadingMore: boolean
  /** The last load-more failed; `loadMore()` tries again. */
  moreError: unknown
}

const INITIAL: TransactionListView = {
  status: 'loading',
  error: undefined,
  count: 0,
  total: undefined,
  hasMore: false,
  loadingMore: false,
  moreError: undefined,
}

export interface TransactionList {
  view: TransactionListView
  rows: { readonly current: readonly TransactionListItem[] }
  reload: () => Promise<void>
  loadMore: () => Promise<void>
}

/** `filterKey` identifies `filter` (e.g. its query string): a new key starts a fresh list. */
export function useTransactionList(filter: TransactionsFilter, filterKey: string): TransactionList {
  const [view, setView] = useState<TransactionListView>(INITIAL)
  const rows = useRef<TransactionListItem[]>([])
  const cursor = useRef<string | null>(null)
  const generation = useRef(0)
  const busyMore = useRef(false)
  const filterRef = useRef(filter)
  filterRef.current = filter

  const loadFirst = useCallback(async (keepShowing: boolean) => {
    const mine = ++generation.current
    busyMore.current = false
    if (!keepShowing) {
      rows.current = []
      cursor.current = null
      setView(INITIAL)
    }
    try {
      const page = await fetchTransactions({ ...filterRef.current, limit: PAGE_SIZE })
      if (mine !== generation.current) return
      rows.current = page.items.slice()
      cursor.current = page.nextCursor
      setView({ ...INITIAL, status: 'ready', count: rows.current.length, total: page.total, hasMore: page.nextCursor !== null })
    } catch (error) {
      if (mine !== generation.current) return
      rows.current = []
      cursor.current = null
      setView({ ...INITIAL, status: 'error', error })
    }
  }, [])

  const loadMore = useCallback(async () => {
    const after = cursor.current
    if (after === null || busyMore.current) return
    busyMore.current = true
    const mine = generation.current
    setView((previous) => ({ ...previous, loadingMore: true, moreError: undefined }))
    try {
      const page = await fetchTransactions({ ...filterRef.current, limit: PAGE_SIZE, cursor: after })
      if (mine !== generation.current) return
      rows.current.push(...page.items)
      cursor.current = page.nextCursor
      setView((previous) => ({
        ...previous,
        count: rows.current.length,
        hasMore: page.nextCursor !== null,
        loadingMore: false,
      }))
    } catch (error) {
      if (mine !== generation.current) return
      setView((previous) => ({ ...previous, loadingMore: false, moreError: error }))
    } finally {
      if (mine === generation.current) busyMore.current = false
    }
  }, [])

  useEffect(() => {
    void loadFirst(false)
  }, [filterKey, loadFirst])

  usePullDownRefresh(() => {
    void loadFirst(true).finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void loadMore()
  })

  const reload = useCallback(() => loadFirst(false), [loadFirst])
  return { view, rows, reload, loadMore }
}
