/**
 * Home, funds and me as a merchant uses them in a browser (H5 build, real server, demo merchant 140105): the
 * to-dos show the server's counts and a count opens its filtered list with the same number; funds show every
 * figure; me shows the profile, the manager's WeCom card; English relabels; logging out lands on login.
 * Screenshots: home, home-en, funds, me, me-security.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import type { FundsResponse } from '@contract/funds'
import type { MeResponse } from '@contract/me'
import type { TodosResponse } from '@contract/todos'
import { ROUTES } from '../../src/routes'
import { formatMoney } from '../../src/utils/money'
import { startApp, type RunningApp } from './support/app-process'
import { launchBrowser, newPhone, screenshot } from './support/browser'
import { apiGet, openLoggedIn } from './support/session'
import { goBackSettled, pageOnScreen, testIdOnScreen } from './support/router'

let app: RunningApp
let browser: Browser
let page: Page
let pageErrors: string[]
let login: LoginResponse

const stationed = () => pageOnScreen(page)
const byTestId = (id: string) => testIdOnScreen(page, id)
// By position (home, messages, me): 'Me' is also a substring of 'Home' and 'Messages'.
const TAB_INDEX = { home: 0, messages: 1, me: 2 } as const
const tab = (name: keyof typeof TAB_INDEX) => page.locator('.weui-tabbar__item').nth(TAB_INDEX[name])

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
  ;({ page, errors: pageErrors } = await newPhone(browser))
  login = await openLoggedIn(page, app, { path: ROUTES.home, waitForText: '待授权' })
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('home, funds and me in a browser', () => {
  let todos: TodosResponse

  it("shows the merchant and the server's to-do counts", async () => {
    todos = await apiGet<TodosResponse>(app, login, '/api/todos')
    const pending = todos.items.find((item) => item.kind === 'pendingAuthorization')
    expect(pending?.count).toBeGreaterThan(0)
    for (const item of todos.items) {
      await expect.poll(() => byTestId(`todo-${item.kind}`).innerText(), { timeout: 15_000 }).toMatch(new RegExp(`${item.count}\\s*笔`))
    }
    const today = await byTestId('todo-today').innerText()
    expect(today).toMatch(new RegExp(`${todos.today.successCount}\\s*笔`))
    for (const money of todos.today.amounts) expect(today).toContain(formatMoney(money))
    await expect(byTestId('home-merchant').innerText()).resolves.toBe(login.profile.merchantName)
    await expect(stationed().getByText(/数据更新于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/).isVisible()).resolves.toBe(true)
    await screenshot(page, 'home')
  })

  it('opens 待授权 on the transactions list filtered to the same count', async () => {
    const pending = todos.items.find((item) => item.kind === 'pendingAuthorization')
    await byTestId('todo-pendingAuthorization').tap()
    await page.waitForURL(/transactions\/index\?.*authStatus=pending/)
    await expect
      .poll(() => byTestId('tx-count').innerText().catch(() => ''), { timeout: 20_000 })
      .toBe(`查询出${pending?.count}条符合条件数据`)
    await screenshot(page, 'home-todo-pending-list')
    await goBackSettled(page)
    await stationed().locator('[data-testid="todo-today"]').waitFor()
  })

  it('shows every funds figure of a currency, with the as-of time, and switches currency', async () => {
    const funds = await apiGet<FundsResponse>(app, login, '/api/funds')
    await byTestId('entry-funds').tap()
    await byTestId('funds-card').waitFor({ timeout: 20_000 })
    const [first] = funds.currencies
    const card = () => byTestId('funds-card').innerText()
    const figures = [
      first.settleable.transaction,
      first.settleable.afterFees,
      first.settleable.deposit,
      first.unsettled.transaction,
      first.unsettled.afterFeesAndDeposit,
      first.unsettled.deposit,
      first.unsettled.total,
      first.transferred.transaction,
      first.transferred.deposit,
      first.transferred.total,
    ]
    for (const money of figures) await expect(card()).resolves.toContain(formatMoney(money))
    // 结算方式 arrives as a key the tables translate.
    expect(first.settlementMethod).toBe('weekly-t7')
    await expect(card()).resolves.toContain('周结（T+7）')
    await expect(stationed().getByText(/^数据更新于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/).isVisible()).resolves.toBe(true)
    await screenshot(page, 'funds')

    // The demo has negative balances (a chargeback wave): the first negative figure shows in red.
    const negative = funds.currencies
      .flatMap((c) =>
        (['settleable', 'unsettled', 'transferred'] as const).flatMap((section) =>
          Object.entries(c[section]).map(([figure, money]) => ({ currency: c.currency, id: `${section}.${figure}`, money })),
        ),
      )
      .find(({ money }) => money.amount.startsWith('-'))
    expect(negative).toBeDefined()
    if (negative !== undefined) {
      await byTestId(`funds-currency-${negative.currency}`).tap()
      await expect.poll(() => byTestId(`funds-${negative.id}`).innerText()).toContain(formatMoney(negative.money))
      const color = await byTestId(`funds-${negative.id}`)
        .locator('.money-text')
        .evaluate((element) => getComputedStyle(element).color)
      expect(color).toBe('rgb(229, 72, 77)')
      await screenshot(page, 'funds-negative')
    }
    await goBackSettled(page)
    await stationed().locator('[data-testid="todo-today"]').waitFor()
  })

  it('shows the profile and the manager with a loaded WeCom card image on Me', async () => {
    const me = await apiGet<MeResponse>(app, login, '/api/me')
    await tab('me').tap()
    await byTestId('wecom-card').waitFor({ timeout: 20_000 })
    const account = await byTestId('me-account').innerText()
    for (const text of [me.merchantName, me.merchantNo, me.username, me.maskedPhone]) expect(account).toContain(text)
    expect(await byTestId('wecom-card').innerText()).toContain(me.accountManager?.name ?? 'no manager')
    const image = byTestId('wecom-card-image').locator('img')
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBe(240)
    expect(await image.getAttribute('src')).toBe(me.accountManager?.cardImage)
    await screenshot(page, 'me')
  })

  it('explains the security settings in a sheet', async () => {
    await byTestId('security-settings').tap()
    await byTestId('security-sheet').waitFor()
    await expect(byTestId('security-sheet').innerText()).resolves.toContain('10 分钟')
    await screenshot(page, 'me-security')
    await byTestId('security-close').tap()
    await byTestId('security-sheet').waitFor({ state: 'detached' })
  })

  it('relabels Me and Home in English', async () => {
    await byTestId('locale-en-US').tap()
    await expect.poll(() => byTestId('wecom-card').innerText()).toContain('Long-press the QR code to add on WeCom')
    await expect(stationed().getByText('Main account name').isVisible()).resolves.toBe(true)
    await screenshot(page, 'me-en')
    await expect(tab('me').innerText()).resolves.toBe('Me')
    await tab('home').tap()
    await expect.poll(() => byTestId('todo-pendingAuthorization').innerText(), { timeout: 15_000 }).toContain('Pending authorization')
    await expect(stationed().getByText('To-dos').isVisible()).resolves.toBe(true)
    await screenshot(page, 'home-en')
    await tab('me').tap()
    await byTestId('locale-zh-CN').tap()
    await expect.poll(() => byTestId('logout').innerText()).toBe('退出登录')
  })

  it('logs out after confirming and lands on the login page', async () => {
    await byTestId('logout').tap()
    // Taro's H5 modal: the confirm button carries the confirmText.
    await page.getByText('退出', { exact: true }).last().tap()
    await page.waitForURL(/pages\/login\/index/, { timeout: 15_000 })
    await expect.poll(() => page.getByText('手机号一键登录').first().isVisible(), { timeout: 15_000 }).toBe(true)
    const stored = await page.evaluate(() => sessionStorage.getItem('op-session') ?? '')
    expect(stored).not.toContain(login.token)
  })

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
