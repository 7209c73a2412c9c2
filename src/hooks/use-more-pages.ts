/**
 * The one endless-list pattern of the app (transactions, settlements, messages, a batch's transactions): a first
 * page, then keyset pages appended cursor by cursor — when the page reaches the bottom (onReachBottom) or the
 * ListFooter is tapped — starting over whenever a new first page arrives (filter change, pull-down refresh,
 * reload). Rows keep their identity across appends, so memoised rows do not re-render and the VirtualList sends
 * only the rows of its window in setData.
 */
import { useCallback, useMemo, useRef, useState } from 'react'
import { useReachBottom } from '@tarojs/taro'
import { useRemote, type Remote } from './use-remote'

export interface KeysetPage<Item> {
  items: Item[]
  nextCursor: string | null
}

export interface MorePages<Item> {
  /** First page's rows followed by every appended page's. */
  items: Item[]
  hasMore: boolean
  loadingMore: boolean
  /** The last append failed; `loadMore()` tries it again. */
  moreError: unknown
  loadMore: () => Promise<void>
}

interface Extra<Item> {
  base: KeysetPage<Item> | undefined
  items: Item[]
  cursor: string | null
  loading: boolean
  error: unknown
}

const startFrom = <Item,>(base: KeysetPage<Item> | undefined): Extra<Item> => ({
  base,
  items: [],
  cursor: base?.nextCursor ?? null,
  loading: false,
  error: undefined,
})

/** Appends the pages after `first` (which the caller loads, e.g. with a detail it comes with). */
export function useMorePages<Item>(
  first: KeysetPage<Item> | undefined,
  loadPage: (cursor: string) => Promise<KeysetPage<Item>>,
): MorePages<Item> {
  const [stored, setExtra] = useState<Extra<Item>>(() => startFrom(first))
  let extra = stored
  if (stored.base !== first) {
    // A new first page: drop the appended pages in this very render (React's "state from props" pattern).
    extra = startFrom(first)
    setExtra(extra)
  }
  const current = useRef(extra)
  current.current = extra
  const loadRef = useRef(loadPage)
  loadRef.current = loadPage
  // The first page whose next page is on its way: onReachBottom can fire again before the state says "loading".
  // Keyed by first page, so a list that started over may load its own next page while a stale one is in flight.
  const busy = useRef<KeysetPage<Item> | undefined>(undefined)

  const loadMore = useCallback(async () => {
    const { base, cursor } = current.current
    if (busy.current === base || base === undefined || cursor === null) return
    busy.current = base
    setExtra((previous) => (previous.base === base ? { ...previous, loading: true, error: undefined } : previous))
    try {
      const page = await loadRef.current(cursor)
      setExtra((previous) =>
        previous.base === base
          ? { ...previous, items: [...previous.items, ...page.items], cursor: page.nextCursor, loading: false }
          : previous,
      )
    } catch (error) {
      setExtra((previous) => (previous.base === base ? { ...previous, loading: false, error } : previous))
    } finally {
      if (busy.current === base) busy.current = undefined
    }
  }, [])

  useReachBottom(() => void loadMore())

  const items = useMemo(() => (first === undefined ? [] : [...first.items, ...extra.items]), [first, extra.items])
  return { items, hasMore: extra.cursor !== null, loadingMore: extra.loading, moreError: extra.error, loadMore }
}

export interface PagedList<Page extends KeysetPage<unknown>> extends MorePages<Page['items'][number]> {
  /** The first page's state (loading / error / ready); `reload()` starts the list over (pull-down does too). */
  status: Remote<Page>['status']
  error: Remote<Page>['error']
  reload: () => Promise<void>
  /** The first page as it came (e.g. with the count and totals that only it carries). */
  first: Page | undefined
}

/**
 * A list read page by page from one endpoint: `load()` reads the first page (again whenever `deps` change),
 * `load(cursor)` the pages after it.
 */
export function usePagedList<Page extends KeysetPage<unknown>>(
  load: (cursor?: string) => Promise<Page>,
  deps: readonly unknown[],
): PagedList<Page> {
  const first = useRemote(() => load(), deps)
  const more = useMorePages<Page['items'][number]>(first.data, (cursor) => load(cursor))
  return { status: first.status, error: first.error, reload: first.reload, first: first.data, ...more }
}
