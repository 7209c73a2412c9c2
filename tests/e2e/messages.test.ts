/**
 * 消息 as a merchant uses it in a browser (H5 build, real server and demo data): the tab badge shows the unread
 * total, a kind chip narrows the list, only-unread keeps the unread ones, opening a message and coming back drops
 * the badge by one (and, under only-unread, the message from the list), and 全部已读 (confirmed) removes it; the
 * empty list then offers to clear the filter. Screenshots of each page and state.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import type { MarkReadResponse, MessageDetail, MessagesPage } from '@contract/messages'
import { ROUTES } from '../../src/routes'
import { createNonceSource, signRequest } from '../../src/api/signing'
import { startApp, type RunningApp } from './support/app-process'
import { launchBrowser, newPhone, screenshot } from './support/browser'
import { apiGet, loginOverHttp, openLoggedIn } from './support/session'
import { goBackSettled, pageOnScreen, testIdOnScreen } from './support/router'

const createNonce = createNonceSource()

let app: RunningApp
let browser: Browser
let page: Page
let pageErrors: string[]
let login: LoginResponse

const stationed = () => pageOnScreen(page)
const byTestId = (id: string) => testIdOnScreen(page, id)
const badge = () => page.locator('.weui-tabbar__item').nth(1).locator('.taro-tabbar-badge')
const rows = () => stationed().locator('[data-testid^="message-"][data-testid$="-unread"]')

/** A signed POST as that session (the read state is per user, so this prepares what the page will show). */
async function apiPost<T>(session: LoginResponse, url: string, body: unknown): Promise<T> {
  const timestamp = Date.now()
  const nonce = createNonce(timestamp)
  const text = JSON.stringify(body)
  const response = await fetch(`${app.baseUrl}${url}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-op-session': session.token,
      'x-op-timestamp': String(timestamp),
      'x-op-nonce': nonce,
      'x-op-sign': signRequest(session.signingKey, { method: 'POST', url, body: text, timestamp, nonce }),
    },
    body: text,
  })
  if (!response.ok) throw new Error(`POST ${url} → ${response.status}: ${await response.text()}`)
  return (await response.json()) as T
}

const unread = async () => (await apiGet<MessagesPage>(app, login, '/api/messages?limit=1')).unread

beforeAll(async () => {
  app = await startApp()
  browser = await launchBrowser()
  ;({ page, errors: pageErrors } = await newPhone(browser))
  // The demo user starts with ~200 unread (badge "99+"); reading the chargebacks and fraud notices first brings
  // the total under 100, so the badge shows the number itself and a drop by one is visible.
  const setup = await loginOverHttp(app)
  await apiPost<MarkReadResponse>(setup, '/api/messages/read-all', { kind: 'chargeback' })
  await apiPost<MarkReadResponse>(setup, '/api/messages/read-all', { kind: 'fraud' })
  login = await openLoggedIn(page, app, { path: ROUTES.messages, waitForText: '全部已读' })
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('messages in a browser', () => {
  it('shows the unread total on the tab badge and per kind on the chips', async () => {
    const counts = await unread()
    expect(counts.total).toBeGreaterThan(0)
    expect(counts.total).toBeLessThan(100)
    await expect.poll(() => badge().innerText(), { timeout: 20_000 }).toBe(String(counts.total))
    await expect(byTestId('message-type-retrieval-count').innerText()).resolves.toBe(String(counts.byKind.retrieval))
    await expect(byTestId('message-type-chargeback-count').count()).resolves.toBe(0)
    await expect(byTestId('message-type-fraud-count').count()).resolves.toBe(0)
    await screenshot(page, 'messages-list')
  })

  it('filters by kind', async () => {
    const truth = await apiGet<MessagesPage>(app, login, '/api/messages?kind=retrieval')
    await byTestId('message-type-retrieval').tap()
    await byTestId(`message-${truth.items[0].id}`).waitFor({ timeout: 15_000 })
    const shown = await stationed().locator('.message-row__tag').allInnerTexts()
    expect(shown.length).toBeGreaterThan(2)
    expect(new Set(shown)).toEqual(new Set(['调单通知']))
    await screenshot(page, 'messages-kind')
    await byTestId('message-type-all').tap()
  })

  it('keeps only the unread ones when the switch is on', async () => {
    await expect.poll(() => stationed().locator('.message-row__tag').count(), { timeout: 15_000 }).toBeGreaterThan(2)
    // The chargebacks and fraud notices were read: with the switch on, none of them may remain.
    await stationed().locator('[data-testid="only-unread"]').click()
    await expect
      .poll(async () => {
        const tags = await stationed().locator('.message-row__tag').allInnerTexts()
        return tags.length > 0 && !tags.includes('拒付通知') && !tags.includes('伪冒通知')
      }, { timeout: 15_000 })
      .toBe(true)
    const total = await stationed().locator('.message-row').count()
    await expect(rows().count()).resolves.toBe(total)
    await screenshot(page, 'messages-unread-only')
  })

  it('opening a message shows it and marks it read: back on the list the badge dropped by one', async () => {
    const before = (await unread()).total
    const row = stationed().locator('.message-row').first()
    const id = (await row.getAttribute('data-testid'))!.slice('message-'.length)
    const message = await apiGet<MessagesPage>(app, login, '/api/messages?unreadOnly=true&limit=1')
    expect(message.items[0].id).toBe(id)
    await row.tap()
    await byTestId('message-detail').waitFor({ timeout: 15_000 })
    const text = await byTestId('message-detail').innerText()
    // A notice message is worded by the client from its facts; an announcement comes in both languages.
    const item = message.items[0]
    expect(text).toContain(item.title?.['zh-CN'] ?? item.orderNumber ?? item.paymentId ?? '')
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/)
    await screenshot(page, 'messages-detail')
    const detail = await apiGet<MessageDetail>(app, login, `/api/messages/${id}`)
    expect(detail.read).toBe(true)

    await goBackSettled(page)
    await byTestId('read-all').waitFor({ timeout: 15_000 })
    await expect.poll(() => badge().innerText(), { timeout: 15_000 }).toBe(String(before - 1))
    // Only unread is on: the message just read has left the list (issue 11; it used to stay, shown read).
    await expect.poll(() => byTestId(`message-${id}`).count(), { timeout: 15_000 }).toBe(0)
    await screenshot(page, 'messages-after-read')
  })

  it('全部已读 asks first, then marks everything read and the badge goes away', async () => {
    await byTestId('read-all').tap()
    const modal = page.locator('.taro-modal__content')
    await modal.waitFor({ timeout: 10_000 })
    await expect(modal.innerText()).resolves.toMatch(/将全部 \d+ 条未读消息标为已读？/)
    await page.waitForTimeout(400) // the modal fades in
    await screenshot(page, 'messages-read-all-confirm')
    await modal.getByText('标为已读', { exact: true }).click()
    await expect.poll(async () => badge().count(), { timeout: 15_000 }).toBe(0)
    expect((await unread()).total).toBe(0)
    // Only unread is still on: nothing is left to show.
    await stationed().getByText('查询结果为空').waitFor({ timeout: 15_000 })
    await byTestId('state-empty-clear').waitFor({ timeout: 15_000 })
    await page.waitForTimeout(1_800) // the "已标为已读" toast fades out
    await screenshot(page, 'messages-all-read')
    expect(pageErrors).toEqual([])
  })
})
