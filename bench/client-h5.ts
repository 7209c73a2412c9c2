/**
 * `npx tsx bench/client-h5.ts [-- --runs 7]` (needs the H5 build: `npx tsx scripts/lib/ensure-builds.ts h5`)
 *
 * The H5 side of issue 14: in one Chromium run, against the app as `npm start` serves it (tests/e2e's launcher, the
 * demo data on PGlite), how long a logged-in merchant waits from opening the app to the first screen's content —
 * the home tab with its to-dos (data-testid todo-today, drawn from GET /api/todos) — against a blank Taro page of
 * the same build (the not-found page: the framework, the router and the page's first render, no request). Each run
 * is a fresh browser context (a cold start, as a merchant opening the link), the two kinds alternating so a change
 * of machine load hits both; the medians and their ratio are reported (target ≤ 1.5).
 */
import { execFileSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import { chromium, type Browser } from 'playwright-core'
import type { LoginResponse } from '@contract/auth'
import { SESSION_STORAGE_KEY, persistedSessionValue } from '../src/stores/session-persistence'
import { startApp } from '../tests/e2e/support/app-process'
import { loginOverHttp } from '../tests/e2e/support/session'
import { updateReport } from './lib/report'
import { percentile } from './lib/stats'

const SCREENS = {
  firstScreen: { hash: '#/pages/home/index', content: '[data-testid="todo-today"]' },
  blank: { hash: '#/pages/not-found/index', content: '[data-testid="not-found"]' },
} as const

/** ms from navigation to `content` visible, in a fresh context logged in as `login`. */
async function timeScreen(browser: Browser, baseUrl: string, login: LoginResponse, screen: (typeof SCREENS)[keyof typeof SCREENS]): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true })
  try {
    const page = await context.newPage()
    // The H5 build keeps the session in the tab's sessionStorage as Taro wraps it (tests/e2e/support/session.ts).
    await page.goto(`${baseUrl}/api/health`)
    await page.evaluate(([key, item]) => sessionStorage.setItem(key, item), [SESSION_STORAGE_KEY, JSON.stringify({ data: persistedSessionValue(login) })] as const)
    const started = performance.now()
    await page.goto(`${baseUrl}/${screen.hash}`)
    await page.locator(screen.content).first().waitFor({ state: 'visible', timeout: 60_000 })
    return performance.now() - started
  } finally {
    await context.close()
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } }, strict: true })
  const runs = Number(values.runs)
  const loadBefore = execFileSync('uptime', { encoding: 'utf8' }).trim()
  const app = await startApp()
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] })
  try {
    const login = await loginOverHttp(app)
    // One of each first, untimed: the server's and the disk's first touches are not what a merchant waits for.
    await timeScreen(browser, app.baseUrl, login, SCREENS.blank)
    await timeScreen(browser, app.baseUrl, login, SCREENS.firstScreen)
    const firstScreen: number[] = []
    const blank: number[] = []
    for (let i = 0; i < runs; i += 1) {
      blank.push(await timeScreen(browser, app.baseUrl, login, SCREENS.blank))
      firstScreen.push(await timeScreen(browser, app.baseUrl, login, SCREENS.firstScreen))
      console.log(`run ${i + 1}: blank ${blank.at(-1)?.toFixed(0)} ms, first screen ${firstScreen.at(-1)?.toFixed(0)} ms`)
    }
    const median = (list: number[]) => percentile([...list].sort((a, b) => a - b), 50)
    const figures = { when: new Date().toISOString(), runs, firstScreenMs: median(firstScreen), blankMs: median(blank), loadBefore }
    console.log(`median: first screen ${figures.firstScreenMs.toFixed(0)} ms, blank ${figures.blankMs.toFixed(0)} ms, ratio ${(figures.firstScreenMs / figures.blankMs).toFixed(2)}`)
    updateReport((report) => {
      report.client.h5 = figures
    })
  } finally {
    await browser.close()
    await app.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exitCode = 1
})
