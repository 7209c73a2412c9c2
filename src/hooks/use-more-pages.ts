/**
 * Keyset paging on top of a first page: appends the pages after it (cursor by cursor) and starts over whenever a
 * new first page arrives (filter change, pull-down refresh, reload). Rows keep their identity across appends, so
 * memoised rows do not re-render and Taro sends only the new rows in setData.
 */
import { useCallback, useMemo, useRef, useState } from 'react'

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
  const busy = useRef(false)

  const loadMore = useCallback(async () => {
    const { base, cursor } = current.current
    // onReachBottom can fire again before the state says "loading": the ref guards against a double request.
    if (busy.current || base === undefined || cursor === null) return
    busy.current = true
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
      busy.current = false
    }
  }, [])

  const items = useMemo(() => (first === undefined ? [] : [...first.items, ...extra.items]), [first, extra.items])
  return { items, hasMore: extra.cursor !== null, loadingMore: extra.loading, moreError: extra.error, loadMore }
}
