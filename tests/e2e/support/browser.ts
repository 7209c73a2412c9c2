/** Debian's Chromium driven by playwright-core, as an iPhone (so taps work), saving screenshots per test. */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, devices, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { routerSettled } from './router'

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../../test-results/e2e')

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

export async function newPhone(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ ...devices['iPhone 13'], locale: 'zh-CN' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return { context, page, errors }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  // Let fonts and page transitions settle so the picture shows what a user sees, not a page sliding in.
  await page.evaluate(() => document.fonts.ready)
  if ((await page.locator('.taro_router').count()) > 0) await routerSettled(page)
  await page.screenshot({ path: file })
  return file
}
