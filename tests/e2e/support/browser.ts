/**
 * Debian's Chromium driven by playwright-core, as an iPhone (so taps work), saving screenshots per test.
 *
 * Every page opened here is watched: an uncaught error, a console error, a request that fails and a response of
 * 4xx/5xx fail the test during which it happened (an `afterEach` of the file), unless the test declared it first
 * with `expectErrors(page, /pattern/)` — a 403 it provokes, a request it aborts, an offline test.
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, devices, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterEach } from 'vitest'
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

interface Watch {
  /** Problems no test declared, in order; `reported` of them have already failed a test. */
  unexpected: string[]
  reported: number
  expected: RegExp[]
}

const watches = new Map<Page, Watch>()

/**
 * Starts watching `page` for errors and returns the list of unexpected ones (the same array grows). Pages from
 * `newPhone` are watched already; other pages (the admin page's desktop context) call this.
 */
export function watchErrors(page: Page): string[] {
  const existing = watches.get(page)
  if (existing) return existing.unexpected
  const watch: Watch = { unexpected: [], reported: 0, expected: [] }
  watches.set(page, watch)
  const note = (problem: string) => {
    if (!watch.expected.some((pattern) => pattern.test(problem))) watch.unexpected.push(problem)
  }
  page.on('pageerror', (error) => note(`page error: ${error.message}`))
  page.on('console', (message) => {
    // A failed load also logs "Failed to load resource"; the response and requestfailed events below name its URL.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) note(`console error: ${message.text()}`)
  })
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed'
    // ERR_ABORTED is the browser dropping a request it no longer needs (the test navigated away), not a failure.
    if (reason !== 'net::ERR_ABORTED') note(`request failed: ${request.method()} ${request.url()} (${reason})`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400) note(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`)
  })
  page.on('close', () => {
    // A closed page still fails its test in afterEach, then is forgotten.
    if (watch.reported === watch.unexpected.length) watches.delete(page)
  })
  return watch.unexpected
}

/**
 * Declares problems the test provokes on purpose: any later problem on `page` matching `pattern` (tested against
 * lines like `HTTP 403: GET http://…/api/…`, `request failed: GET …/api/settlements?… (net::ERR_FAILED)`,
 * `console error: …`, `page error: …`) is ignored. Returns a function that ends the declaration.
 */
export function expectErrors(page: Page, pattern: RegExp): () => void {
  const watch = watches.get(page)
  if (!watch) throw new Error('expectErrors: this page is not watched (open it with newPhone or watchErrors)')
  watch.expected.push(pattern)
  return () => {
    watch.expected = watch.expected.filter((expected) => expected !== pattern)
  }
}

// Registered in every test file that imports this module: the test during which a problem happened fails.
afterEach(() => {
  const fresh: string[] = []
  for (const [page, watch] of watches) {
    fresh.push(...watch.unexpected.slice(watch.reported))
    watch.reported = watch.unexpected.length
    if (page.isClosed()) watches.delete(page)
  }
  if (fresh.length > 0) throw new Error(`unexpected browser errors (declare the expected ones with expectErrors):\n${fresh.join('\n')}`)
})

export interface PhoneOptions {
  viewport?: { width: number; height: number }
  locale?: string
}

export async function newPhone(
  browser: Browser,
  options: PhoneOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const iPhone = devices['iPhone 13']
  const context = await browser.newContext({
    ...iPhone,
    ...(options.viewport ? { viewport: options.viewport, screen: options.viewport } : {}),
    locale: options.locale ?? 'zh-CN',
  })
  const page = await context.newPage()
  const errors = watchErrors(page)
  return { context, page, errors }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  // Let fonts and page transitions settle so the picture shows what a user sees, not a page sliding in.
  await page.evaluate(() => document.fonts.ready)
  if ((await page.locator('.taro_router').count()) > 0) await routerSettled(page)
  await page.screenshot({ path: file })
  return file
}
