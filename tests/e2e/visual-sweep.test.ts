/**
 * The visual sweep (issue 11): every screen, in both languages, at 320×568, 390×844 and 430×932, fails on any
 * text that carries money, a date, an ID or a title and is cut: it overflows its own box, is clipped by an
 * ancestor that hides overflow, runs past the screen's edge, ends in an ellipsis, or (an amount) is wrapped
 * mid-number. Which elements carry such text the components say (SWEPT below: `money-text`, `fits-whole`, the
 * rows' values, card titles, the navigation-bar title). A screenshot of every screen goes to
 * test-results/e2e/sweep/<width>x<height>/<locale>/<screen>.png.
 *
 * One app process and one browser for all of it; one browser context per size and language, one full page load
 * per screen (so no screen inherits another's scroll position or page stack).
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, beijingToday } from '../../src/utils/dates'
import type { AvailableActions } from '@contract/actions'
import type { AdminInvitation } from '@contract/invitations'
import type { MessagesPage } from '@contract/messages'
import type { SettlementsPage } from '@contract/settlements'
import type { TransactionsPage } from '@contract/transactions'
import { ROUTES } from '../../src/routes'
import { transactionsQueryString } from '../../src/utils/transactions-filter-url'
import { startApp, type RunningApp } from './support/app-process'
import { launchBrowser, newPhone, screenshot } from './support/browser'
import { pageOnScreen, routerSettled } from './support/router'
import { apiGet, openLoggedIn, loginOverHttp } from './support/session'

const ADMIN_TOKEN = 'e2e-sweep-admin-token-0123456789abcdef-012345'
const SIZES = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
  { width: 430, height: 932 },
] as const
const LOCALES = ['zh-CN', 'en-US'] as const
type Locale = (typeof LOCALES)[number]

/** The elements whose text must be shown whole. */
const SWEPT = ['.money-text', '.fits-whole', '.row__value', '.card__title', '.chart-table__cell', '.taro-navigation-bar-title'].join(', ')

interface Screen {
  name: string
  /** A hash route of the H5 app, or `admin` for the /admin page. */
  path: string
  /** Open something on the page after it loaded (a sheet). */
  act?: (page: Page) => Promise<void>
}

let app: RunningApp
let browser: Browser
let screens: Screen[]
/** An invitation of the demo merchant (issue 15): the login page opened with it says whose it is. */
let invitationToken: string

const today = beijingToday()
const LAST_60_DAYS = { from: `${addDays(today, -59)}T00:00:00+08:00`, to: `${today}T23:59:59+08:00` }

beforeAll(async () => {
  app = await startApp({ ADMIN_TOKEN, SKIP_BUILD: process.env.SKIP_BUILD ?? '' })
  browser = await launchBrowser()
  const login = await loginOverHttp(app)
  // The transaction with the longest amount of the first page (the longest text a detail page has to fit).
  const transactions = await apiGet<TransactionsPage>(app, login, `/api/transactions${transactionsQueryString(LAST_60_DAYS)}&limit=50`)
  const longest = [...transactions.items].sort((a, b) => b.amount.amount.length - a.amount.amount.length)[0]
  const settlements = await apiGet<SettlementsPage>(app, login, `/api/settlements?from=${encodeURIComponent(LAST_60_DAYS.from)}&to=${encodeURIComponent(LAST_60_DAYS.to)}`)
  const messages = await apiGet<MessagesPage>(app, login, '/api/messages?limit=1')
  // Acting from the phone (issue 13): a refundable sale and a pending pre-authorization for their sheets.
  const availableFor = (paymentId: string) => apiGet<AvailableActions>(app, login, `/api/transactions/${encodeURIComponent(paymentId)}/actions/available`)
  let refundable = longest.paymentId
  for (const item of transactions.items) {
    if ((await availableFor(item.paymentId)).refund !== null) {
      refundable = item.paymentId
      break
    }
  }
  const YEAR = { from: `${addDays(today, -360)}T00:00:00+08:00`, to: `${today}T23:59:59+08:00` }
  const pendingAuthorizations = `${ROUTES.transactions}${transactionsQueryString({ ...YEAR, authStatus: 'pending' })}`
  const authorization = (await apiGet<TransactionsPage>(app, login, `/api/transactions${transactionsQueryString({ ...YEAR, authStatus: 'pending' })}&limit=1`)).items[0]
  // An invitation for anyone of the demo merchant, as the admin page makes it; the login page takes its token.
  const invited = await fetch(`${app.baseUrl}/admin/api/merchants/140105/invitations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({}),
  })
  if (invited.status !== 201) throw new Error(`invitation: ${invited.status} ${await invited.text()}`)
  invitationToken = ((await invited.json()) as AdminInvitation).scene.slice('i='.length)
  const tap = (testId: string) => async (page: Page) => {
    await pageOnScreen(page).locator(`[data-testid="${testId}"]`).first().tap()
  }
  screens = [
    { name: 'home', path: ROUTES.home },
    { name: 'funds', path: ROUTES.funds },
    { name: 'transactions', path: ROUTES.transactions },
    { name: 'transactions-sheet', path: ROUTES.transactions, act: tap('tx-filters') },
    { name: 'transaction-detail', path: `${ROUTES.transactionDetail}?paymentId=${encodeURIComponent(longest.paymentId)}` },
    { name: 'settlements', path: ROUTES.settlements },
    { name: 'settlement-detail', path: `${ROUTES.settlementDetail}?batchNo=${encodeURIComponent(settlements.items[0].batchNo)}` },
    { name: 'charts', path: ROUTES.charts },
    { name: 'messages', path: ROUTES.messages },
    { name: 'message-detail', path: `${ROUTES.messageDetail}?id=${encodeURIComponent(messages.items[0].id)}` },
    { name: 'refund-sheet', path: `${ROUTES.transactionDetail}?paymentId=${encodeURIComponent(refundable)}`, act: tap('txd-action-refund') },
    { name: 'pending-authorizations', path: pendingAuthorizations },
    { name: 'capture-sheet', path: `${ROUTES.transactionDetail}?paymentId=${encodeURIComponent(authorization.paymentId)}`, act: tap('txd-action-capture') },
    { name: 'void-sheet', path: `${ROUTES.transactionDetail}?paymentId=${encodeURIComponent(authorization.paymentId)}`, act: tap('txd-action-void') },
    { name: 'tracking-entry', path: `${ROUTES.transactions}${transactionsQueryString({ ...LAST_60_DAYS, tracking: 'missing' })}`, act: tap('tx-tracking-entry-open') },
    { name: 'tools', path: ROUTES.tools },
    // Open chargebacks and retrievals count down to their deadline on the row (issue 15).
    { name: 'case-countdown', path: `${ROUTES.transactions}${transactionsQueryString({ ...YEAR, case: 'chargeback' })}` },
    { name: 'me', path: ROUTES.me },
    { name: 'subscriptions', path: ROUTES.me, act: tap('me-subscriptions') },
    { name: 'security', path: ROUTES.me, act: tap('security-settings') },
    { name: 'not-found', path: '/pages/no-such-page/index' },
    { name: 'admin', path: 'admin' },
  ]
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

/** Sets the language the way the app keeps it (Taro's storage wraps the zustand value as { data }). */
async function storeLocale(page: Page, locale: Locale): Promise<void> {
  await page.evaluate((value) => {
    localStorage.setItem('op-preferences', JSON.stringify({ data: JSON.stringify({ state: { locale: value }, version: 1 }) }))
  }, locale)
}

/** Waits until the page on screen has loaded its data (no spinner), its pictures are in and the router settled. */
async function settled(page: Page): Promise<void> {
  await routerSettled(page, 30_000)
  await page.waitForFunction(() => document.querySelectorAll('.taro_page_stationed [data-testid="state-loading"]').length === 0, undefined, { timeout: 30_000 })
  await page.evaluate(() => document.fonts.ready)
  // Charts draw after their data lands; lists render their window after measuring.
  await page.waitForTimeout(400)
}

/** The swept elements on screen whose text is cut, one line each: what, where, and how. */
async function cutTexts(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const problems: string[] = []
    const onScreen = Array.from(document.querySelectorAll<HTMLElement>('.taro_page.taro_page_stationed')).filter((candidate) => candidate.offsetParent !== null || candidate.getClientRects().length > 0)
    const roots: Element[] = [onScreen[onScreen.length - 1] ?? document.body]
    const bar = document.getElementById('taro-navigation-bar')
    if (bar && onScreen.length > 0) roots.push(bar)
    const describe = (element: Element) => `${element.className.toString().split(' ').filter(Boolean).slice(0, 2).join('.')} "${(element.textContent ?? '').trim().slice(0, 40)}"`
    const hides = (value: string) => value === 'hidden' || value === 'clip'
    const scrolls = (value: string) => value === 'auto' || value === 'scroll'
    for (const root of roots) {
      for (const element of Array.from(root.querySelectorAll<HTMLElement>(selector))) {
        const text = (element.textContent ?? '').trim()
        const rect = element.getBoundingClientRect()
        const style = getComputedStyle(element)
        if (text === '' || rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue
        if (style.display !== 'inline' && element.scrollWidth > element.clientWidth + 1) {
          problems.push(`${describe(element)} overflows its box (${element.scrollWidth} > ${element.clientWidth} px)${style.textOverflow === 'ellipsis' ? ', ellipsis' : ''}`)
          continue
        }
        // An inline text has no box of its own: it must stay inside its parent's (or it runs into its neighbour).
        const parent = element.parentElement?.getBoundingClientRect()
        if (style.display === 'inline' && parent !== undefined && (rect.left < parent.left - 1 || rect.right > parent.right + 1)) {
          problems.push(`${describe(element)} overflows its parent (${Math.round(rect.width)} px in ${Math.round(parent.width)} px)`)
          continue
        }
        // A cell of a table that scrolls sideways (the charts' day tables) is a swipe away, not past the edge.
        let inSideScroller = false
        for (let ancestor = element.parentElement; ancestor !== null && !inSideScroller; ancestor = ancestor.parentElement) {
          inSideScroller = scrolls(getComputedStyle(ancestor).overflowX)
        }
        if (!inSideScroller && (rect.right > window.innerWidth + 1 || rect.left < -1)) {
          problems.push(`${describe(element)} runs past the screen edge (${Math.round(rect.left)}–${Math.round(rect.right)} of ${window.innerWidth} px)`)
          continue
        }
        for (let ancestor = element.parentElement; ancestor !== null; ancestor = ancestor.parentElement) {
          const box = getComputedStyle(ancestor)
          const outer = ancestor.getBoundingClientRect()
          const cutX = hides(box.overflowX) && (rect.left < outer.left - 1 || rect.right > outer.right + 1)
          const cutY = hides(box.overflowY) && (rect.top < outer.top - 1 || rect.bottom > outer.bottom + 1)
          if (cutX || cutY) {
            problems.push(`${describe(element)} is clipped by ${describe(ancestor).split(' ')[0]}${box.textOverflow === 'ellipsis' ? ' (ellipsis)' : ''}`)
            break
          }
          // Inside a scrolling box the rest is a scroll away, not cut.
          if (scrolls(box.overflowX) || scrolls(box.overflowY)) break
        }
        if (element.matches('.money-text')) {
          const range = document.createRange()
          range.selectNodeContents(element)
          const lines = new Set(Array.from(range.getClientRects()).filter((line) => line.width > 0).map((line) => Math.round(line.top)))
          if (lines.size > 1) problems.push(`${describe(element)} is wrapped over ${lines.size} lines`)
        }
      }
    }
    return problems
  }, SWEPT)
}

async function visit(page: Page, screen: Screen, tag: string): Promise<string[]> {
  await page.goto('about:blank')
  if (screen.path === 'admin') {
    await page.goto(`${app.baseUrl}/admin`)
    await page.evaluate((token) => sessionStorage.setItem('op-admin-token', token), ADMIN_TOKEN)
    await page.reload()
    await page.waitForSelector('#accounts tbody tr')
  } else {
    await page.goto(`${app.baseUrl}/#${screen.path}`)
    await page.locator('.taro_page.taro_page_stationed:visible').last().waitFor({ timeout: 30_000 })
    await settled(page)
    if (screen.act) {
      await screen.act(page)
      await page.waitForTimeout(400)
    }
  }
  await screenshot(page, `sweep/${tag}/${screen.name}`)
  const problems = screen.path === 'admin' ? await adminCutTexts(page) : await cutTexts(page)
  return problems.map((problem) => `${tag} ${screen.name}: ${problem}`)
}

/** The admin page is a plain document: its table cells and headers must not break a word or overflow. */
async function adminCutTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('th, td, h1, h2, label, button'))) {
      const rect = element.getBoundingClientRect()
      // The accounts table scrolls sideways on a phone: what is past the edge is a swipe away.
      if (rect.width === 0 || element.closest('.table-scroll') !== null) continue
      if (element.scrollWidth > element.clientWidth + 1) problems.push(`${element.tagName} "${element.textContent?.trim().slice(0, 30)}" overflows its box`)
      if (rect.right > document.documentElement.clientWidth + 1) problems.push(`${element.tagName} "${element.textContent?.trim().slice(0, 30)}" runs past the page edge`)
    }
    return problems
  })
}

describe('the visual sweep', () => {
  for (const size of SIZES) {
    for (const locale of LOCALES) {
      const tag = `${size.width}x${size.height}/${locale}`
      it(`shows every screen's money, dates, IDs and titles whole at ${tag}`, async () => {
        const { context, page } = await newPhone(browser, { viewport: size, locale })
        try {
          // The login page first, logged out, in this language.
          await page.goto(`${app.baseUrl}/api/health`)
          await storeLocale(page, locale)
          await page.goto(`${app.baseUrl}/#${ROUTES.login}`)
          await page.getByTestId('login-one-tap').waitFor({ timeout: 30_000 })
          await settled(page)
          await screenshot(page, `sweep/${tag}/login`)
          const problems = (await cutTexts(page)).map((problem) => `${tag} login: ${problem}`)
          // Opened from an invitation's code: the note of whose invitation it is, still logged out.
          await page.goto('about:blank')
          await page.goto(`${app.baseUrl}/#${ROUTES.login}?invitation=${invitationToken}`)
          await page.getByTestId('login-invitation').waitFor({ timeout: 30_000 })
          await settled(page)
          await screenshot(page, `sweep/${tag}/login-invitation`)
          problems.push(...(await cutTexts(page)).map((problem) => `${tag} login-invitation: ${problem}`))

          await openLoggedIn(page, app)
          await storeLocale(page, locale)
          for (const screen of screens) problems.push(...(await visit(page, screen, tag)))
          expect(problems).toEqual([])
        } finally {
          await context.close()
        }
      }, 180_000)
    }
  }
})
