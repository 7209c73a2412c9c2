/**
 * Logging in the way a merchant does in the H5 build: the login page's one-tap button opens the WeChat sandbox
 * phone sheet, the number is typed and allowed, and the app lands on the home tab.
 *
 *   await loginThroughSheet(page, app.baseUrl, '13800138000')   // on home, logged in as 张敏
 *
 * Tests that only need a logged-in page (not the login itself) use support/session.ts `openLoggedIn`, which is
 * faster and does not spend the login rate limit of the browser's address.
 */
import type { Page } from 'playwright-core'

export const LOGIN_HASH = '#/pages/login/index'
export const HOME_HASH = '#/pages/home/index'

/** Taro marks a page `taro_page_stationed` once its entry transition has finished. */
export const stationedPage = (page: Page) => page.locator('.taro_page.taro_page_stationed:visible').last()

/** Opens the login page with empty storage (a fresh user on this browser). */
export async function openLoginPage(page: Page, baseUrl: string): Promise<void> {
  // Any same-origin document gives access to the app's storage; the health check is the lightest.
  await page.goto(`${baseUrl}/api/health`)
  await page.evaluate(() => {
    localStorage.clear()
    sessionStorage.clear()
  })
  await page.goto(`${baseUrl}/${LOGIN_HASH}`)
  await page.getByTestId('login-one-tap').waitFor({ timeout: 30_000 })
}

/** Taps the one-tap button, types `phone` into the sandbox sheet and allows it. Does not wait for the outcome. */
export async function submitSandboxPhone(page: Page, phone: string): Promise<void> {
  await page.getByTestId('login-one-tap').click()
  const input = page.getByTestId('sandbox-phone-input').locator('input')
  await input.waitFor({ timeout: 10_000 })
  await input.fill(phone)
  await page.getByTestId('sandbox-phone-confirm').click()
}

/** The whole login through the sandbox sheet; resolves on the home tab. */
export async function loginThroughSheet(page: Page, baseUrl: string, phone: string): Promise<void> {
  await openLoginPage(page, baseUrl)
  await submitSandboxPhone(page, phone)
  await page.waitForURL((url) => url.hash.startsWith(HOME_HASH), { timeout: 30_000 })
  await stationedPage(page).waitFor({ timeout: 30_000 })
}
