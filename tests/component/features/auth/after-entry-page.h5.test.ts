/**
 * In H5 a navigation at launch waits for the entry page to have loaded (Taro's H5 router otherwise lets the
 * entry page finish on top of the login page); after launch it runs at once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { afterEntryPage } from '@/features/auth/after-entry-page.h5'

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

function page(classes: string): HTMLElement {
  const element = document.createElement('div')
  element.className = classes
  document.body.appendChild(element)
  return element
}

describe('afterEntryPage in H5', () => {
  it('navigates at once when a page has settled', () => {
    page('taro_page taro_page_show taro_page_stationed')
    const navigate = vi.fn()
    afterEntryPage(navigate)
    expect(navigate).toHaveBeenCalledTimes(1)
  })

  it('waits while the entry page is still loading, and navigates once it has settled', () => {
    const entry = page('taro_page')
    const navigate = vi.fn()
    afterEntryPage(navigate)
    vi.advanceTimersByTime(500)
    expect(navigate).not.toHaveBeenCalled()
    entry.classList.add('taro_page_show', 'taro_page_stationed')
    vi.advanceTimersByTime(40)
    expect(navigate).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(5_000)
    expect(navigate).toHaveBeenCalledTimes(1)
  })

  it('navigates after 3 seconds whatever the DOM says', () => {
    const navigate = vi.fn()
    afterEntryPage(navigate)
    vi.advanceTimersByTime(2_900)
    expect(navigate).not.toHaveBeenCalled()
    vi.advanceTimersByTime(200)
    expect(navigate).toHaveBeenCalledTimes(1)
  })
})
