/**
 * VirtualList — renders only the rows around the viewport of a long list of fixed-height rows, so a page with
 * thousands of loaded rows keeps a few hundred nodes and appending a page costs the same setData whatever is
 * already loaded (SPEC §6: < 1000 WXML nodes, each setData ≤ 256 KB).
 *
 * ```tsx
 * const { items } = usePagedList(load, [filterKey])   // all loaded rows (hooks/use-more-pages)
 * <VirtualList
 *   id='tx-list' count={items.length}          // an append re-renders the window only
 *   rowHeight={232}                            // design px; every row's outer box must be exactly this tall
 *   rowKey={(i) => items[i].id}
 *   renderRow={(i) => <Row item={items[i]} />} // memoise Row: rows kept in the window do not re-render
 *   layoutKey={headerState}                    // changes whenever the content above the list changes height
 * />
 * ```
 * How: the window follows the PAGE scroll (`usePageScroll`), which behaves the same in weapp and H5 and keeps
 * the page's own pull-down refresh and onReachBottom working (a ScrollView would need its own refresher and a
 * fixed height). The list's distance from the top of the page content is measured with a selector query (`#id`)
 * whenever `layoutKey` changes; until known it is taken as 0 and the overscan absorbs the difference. Rows render between
 * two spacer Views whose heights stand for the rows above and below; edges snap to `overscan` rows so the window
 * changes only every few rows scrolled, and a scroll event re-renders only when it moves the window.
 */
import { Fragment, useEffect, useReducer, useRef, useState, type ReactNode } from 'react'
import Taro, { usePageScroll } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { measureOffset } from './measure-offset'
import { pxPerDesignPx, readViewport } from './viewport'
import { sameWindow, visibleWindow, type RowWindow, type WindowQuery } from './window'

export { visibleWindow, sameWindow, type RowWindow, type WindowQuery } from './window'

export interface VirtualListProps {
  /** DOM id of the list (used to measure its offset); unique on the page. */
  id: string
  count: number
  /** Row height in design px (750-wide design), identical for every row. */
  rowHeight: number
  rowKey: (index: number) => string
  renderRow: (index: number) => ReactNode
  /** Rows rendered beyond the visible ones on each side; default 8. */
  overscan?: number
  /**
   * The window's edges snap to multiples of `step` rows (default: `overscan`). A divisor of the page size keeps
   * the rows an append adds to the window the same for every page.
   */
  step?: number
  layoutKey?: string | number
  className?: string
}

export function VirtualList(props: VirtualListProps) {
  const { id, count, rowHeight, rowKey, renderRow, overscan = 8, step = overscan, layoutKey, className } = props
  const [viewport] = useState(readViewport)
  const rowPx = rowHeight * pxPerDesignPx(viewport.width)
  const [offsetTop, setOffsetTop] = useState(0)
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  // The latest scroll position and the window last rendered live in refs: a scroll event re-renders only when
  // it moves the window.
  const latestTop = useRef(0)
  const renderedWindow = useRef<RowWindow>({ start: 0, end: 0 })

  const query = (scrollTop: number): WindowQuery => ({
    scrollTop,
    viewportHeight: viewport.height,
    rowHeight: rowPx,
    count,
    overscan,
    step,
    offsetTop,
  })
  const queryRef = useRef(query)
  queryRef.current = query

  usePageScroll(({ scrollTop }) => {
    latestTop.current = scrollTop
    if (!sameWindow(visibleWindow(queryRef.current(scrollTop)), renderedWindow.current)) rerender()
  })

  useEffect(() => measureOffset(id, () => latestTop.current, setOffsetTop), [id, layoutKey])

  const { start, end } = visibleWindow(query(latestTop.current))
  renderedWindow.current = { start, end }
  const rows: ReactNode[] = []
  for (let index = start; index < end; index += 1) rows.push(<Fragment key={rowKey(index)}>{renderRow(index)}</Fragment>)

  return (
    <View id={id} className={className}>
      <View style={{ height: Taro.pxTransform(start * rowHeight) }} />
      {rows}
      <View style={{ height: Taro.pxTransform((count - end) * rowHeight) }} />
    </View>
  )
}
