import { describe, expect, it } from 'vitest'
import { sameWindow, visibleWindow, type WindowQuery } from '@/components/virtual-list/window'

const base: WindowQuery = { scrollTop: 0, viewportHeight: 600, rowHeight: 100, count: 1000, overscan: 5 }

describe('visibleWindow', () => {
  it('renders the visible rows plus the overscan at the top of the list', () => {
    // Rows 0–5 are visible (600 px / 100 px); 5 more below, snapped up to a multiple of 5.
    expect(visibleWindow(base)).toEqual({ start: 0, end: 15 })
  })

  it('follows the scroll position, with overscan on both sides', () => {
    // Visible rows 50–56 → [45, 61) widened to the 5-row grid → [45, 65).
    const window = visibleWindow({ ...base, scrollTop: 5_000 })
    expect(window.start).toBeLessThanOrEqual(50 - 5)
    expect(window.end).toBeGreaterThanOrEqual(56 + 5)
    expect(window).toEqual({ start: 45, end: 65 })
  })

  it('keeps the window size bounded however many rows are loaded', () => {
    const sizes = [100, 1_000, 100_000].map((count) => {
      const { start, end } = visibleWindow({ ...base, count, scrollTop: 40 * 100 })
      return end - start
    })
    expect(new Set(sizes).size).toBe(1)
    expect(sizes[0]).toBeLessThanOrEqual(Math.ceil(600 / 100) + 1 + 2 * 5 + 2 * 5)
  })

  it('subtracts the header above the list (offsetTop)', () => {
    // 1000 px of header: scrolled 1000 px, the list's first row is at the top of the viewport.
    expect(visibleWindow({ ...base, scrollTop: 1_000, offsetTop: 1_000 })).toEqual({ start: 0, end: 15 })
    expect(visibleWindow({ ...base, scrollTop: 1_000, offsetTop: 0 })).toEqual({ start: 5, end: 25 })
  })

  it('does not move while the scroll stays within one step (no re-render per scroll event)', () => {
    const windows = [5_000, 5_020, 5_099, 5_260, 5_400].map((scrollTop) => visibleWindow({ ...base, scrollTop }))
    expect(windows.every((window) => sameWindow(window, windows[0]))).toBe(true)
    expect(sameWindow(visibleWindow({ ...base, scrollTop: 5_500 }), windows[0])).toBe(false)
  })

  it('stops at the end of the loaded rows', () => {
    expect(visibleWindow({ ...base, count: 30, scrollTop: 2_500 })).toEqual({ start: 20, end: 30 })
    expect(visibleWindow({ ...base, count: 30, scrollTop: 99_999 })).toEqual({ start: 30, end: 30 })
  })

  it('is empty without rows or with a nonsense row height', () => {
    expect(visibleWindow({ ...base, count: 0 })).toEqual({ start: 0, end: 0 })
    expect(visibleWindow({ ...base, rowHeight: 0 })).toEqual({ start: 0, end: 0 })
  })

  it('treats a negative scroll (iOS bounce) as the top', () => {
    expect(visibleWindow({ ...base, scrollTop: -80 })).toEqual(visibleWindow(base))
  })

  it('accepts an explicit step', () => {
    expect(visibleWindow({ ...base, scrollTop: 5_000, step: 1 })).toEqual({ start: 45, end: 61 })
  })
})
