/**
 * Waiting out Taro's H5 page transitions before the browser navigates again.
 *
 * On a push, Taro's router hides the page beneath on a timer (animation duration + delay), not at once; CSS
 * already hides that page the moment the new one is appended, so "one page visible" comes too early. A back
 * (or a hash change) before the timer fires lets it shade the page being returned to, and no page is left on
 * screen. No person taps that fast; a test does, so it waits until the router has settled: the top page
 * stationed and every page beneath it shaded, with no leaving page still in the DOM.
 */
import type { Page } from 'playwright-core'

export async function routerSettled(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const pages = Array.from(document.querySelectorAll('.taro_router > .taro_page'))
      const top = pages[pages.length - 1]
      if (top === undefined || !top.classList.contains('taro_page_stationed')) return false
      return pages.slice(0, -1).every((beneath) => beneath.classList.contains('taro_page_shade'))
    },
    undefined,
    { timeout, polling: 50 },
  )
}

/** The browser's back button, pressed only once the router has settled, and waited out too. */
export async function goBackSettled(page: Page): Promise<void> {
  await routerSettled(page)
  await page.goBack()
  await routerSettled(page)
}
