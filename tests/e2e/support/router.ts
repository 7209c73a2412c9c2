/**
 * Waiting out Taro's H5 page transitions before the browser navigates again.
 *
 * On a push, Taro's router hides the page beneath on a timer (animation duration + delay), not at once; CSS
 * already hides that page the moment the new one is appended, so "one page visible" comes too early. A back
 * (or a hash change) before the timer fires lets it shade the page being returned to, and no page is left on
 * screen. No person taps that fast; a test does, so it waits until the router has settled: one page not shaded,
 * and that one stationed (a leaving page is neither, until it is removed).
 */
import type { Locator, Page } from 'playwright-core'

export async function routerSettled(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () => {
      // Tab pages stay in the DOM in the order first opened, so "the current page" is the one not shaded.
      const pages = Array.from(document.querySelectorAll('.taro_router > .taro_page'))
      const onScreen = pages.filter((candidate) => !candidate.classList.contains('taro_page_shade'))
      return onScreen.length === 1 && onScreen[0].classList.contains('taro_page_stationed')
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

/** The page on screen. Taro's H5 router keeps earlier pages in the DOM, hidden, so every lookup starts here. */
export function pageOnScreen(page: Page): Locator {
  return page.locator('.taro_page.taro_page_stationed:visible').last()
}

/** The first element with that test id on the page on screen. */
export function testIdOnScreen(page: Page, id: string): Locator {
  return pageOnScreen(page).locator(`[data-testid="${id}"]`).first()
}
