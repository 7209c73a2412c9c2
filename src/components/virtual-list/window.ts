/**
 * The windowing math of <VirtualList>, pure so it is tested alone: which rows [start, end) to render for a
 * scroll position, with rows of one fixed height.
 */

export interface WindowQuery {
  /** How far the page (or scroll container) is scrolled, px. */
  scrollTop: number
  /** Height of the visible area, px. */
  viewportHeight: number
  /** Height of every row, px (> 0). */
  rowHeight: number
  /** Rows loaded. */
  count: number
  /** Extra rows rendered above and below the visible ones, so a fast fling never shows a gap. */
  overscan: number
  /** Distance from the top of the scrolling content to the first row, px (the header above the list). */
  offsetTop?: number
  /**
   * The edges snap to multiples of `step` rows, so the window (and React, and setData) only changes every
   * `step` rows scrolled rather than at every scroll event. Defaults to `overscan` (at least 1).
   */
  step?: number
}

export interface RowWindow {
  /** First rendered row. */
  start: number
  /** One past the last rendered row. */
  end: number
}

export function visibleWindow(query: WindowQuery): RowWindow {
  const { scrollTop, viewportHeight, rowHeight, count, overscan, offsetTop = 0 } = query
  if (count <= 0 || !(rowHeight > 0)) return { start: 0, end: 0 }
  const step = Math.max(1, Math.floor(query.step ?? overscan))
  const top = Math.max(0, scrollTop - offsetTop)
  const bottom = Math.max(0, scrollTop - offsetTop + Math.max(0, viewportHeight))
  const firstVisible = Math.floor(top / rowHeight)
  const lastVisible = Math.ceil(bottom / rowHeight)
  const start = clamp(Math.floor((firstVisible - overscan) / step) * step, 0, count)
  const end = clamp(Math.ceil((lastVisible + overscan) / step) * step, start, count)
  return { start, end }
}

export function sameWindow(a: RowWindow, b: RowWindow): boolean {
  return a.start === b.start && a.end === b.end
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
