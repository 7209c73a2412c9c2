/**
 * Subscribe messages end to end in a browser (H5 build, real server, WeChat emulator, Oceanpayment sandbox;
 * docs/push.md): 张敏 allows chargeback notices in 消息提醒 through the sandbox subscribe sheet, 李伟 of the same
 * merchant refuses; the sandbox raises a chargeback; the emulator's phone of 张敏 shows exactly one subscribe
 * message with masked data whose page opens that case; 李伟 gets none and still sees the in-app message.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LoginResponse } from '@contract/auth'
import type { MessagesPage } from '@contract/messages'
import type { SubscriptionsResponse } from '@contract/subscriptions'
import type { TransactionsPage } from '@contract/transactions'
import { startApp, type RunningApp } from './support/app-process'
import { launchBrowser, newPhone, screenshot } from './support/browser'
import { loginThroughSheet } from './support/login'
import { apiGet, loginOverHttp } from './support/session'

let app: RunningApp
let browser: Browser
let zhang: Page
let li: Page
let zhangApi: LoginResponse
let liApi: LoginResponse

interface Received {
  templateId: string
  page: string | null
  data: Record<string, { value: string }>
}

/** The browser's emulated WeChat device (api/sandbox-device.ts), as Taro's H5 storage keeps it. */
async function deviceOf(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('sandbox-wechat-device'))
  if (raw === null) throw new Error('no sandbox device stored')
  const parsed = JSON.parse(raw) as { data?: string } | string
  return typeof parsed === 'string' ? parsed : (parsed.data ?? '')
}

async function phoneOf(page: Page): Promise<Received[]> {
  const response = await fetch(`${app.baseUrl}/sandbox/wechat/dev/subscribe-messages?device=${await deviceOf(page)}`)
  return ((await response.json()) as { messages: Received[] }).messages
}

/** Me › 消息提醒 › 允许更多提醒, answering the sandbox sheet: `choice` for the chargeback template, reject the others. */
async function answerSheet(page: Page, chargebackTemplate: string, choice: 'accept' | 'reject'): Promise<void> {
  await page.goto(`${app.baseUrl}/#/pages/me/index`)
  await page.getByTestId('me-subscriptions').click({ timeout: 30_000 })
  await page.getByTestId('subs-allow-more').click({ timeout: 30_000 })
  const sheet = page.getByTestId('sandbox-subscribe-sheet')
  await sheet.waitFor({ timeout: 15_000 })
  for (const option of await sheet.locator('[data-testid^="sandbox-subscribe-reject-"]').all()) await option.click()
  await page.getByTestId(`sandbox-subscribe-${choice}-${chargebackTemplate}`).click()
  await page.getByTestId('sandbox-subscribe-confirm').click()
  await sheet.waitFor({ state: 'detached', timeout: 15_000 })
}

async function remainingChargeback(login: LoginResponse): Promise<number> {
  const state = await apiGet<SubscriptionsResponse>(app, login, '/api/me/subscriptions')
  return state.topics.find((topic) => topic.topic === 'chargeback')?.remaining ?? -1
}

beforeAll(async () => {
  app = await startApp({ PUSH_INTERVAL_SECONDS: '1' })
  browser = await launchBrowser()
  ;({ page: zhang } = await newPhone(browser))
  ;({ page: li } = await newPhone(browser))
  // Sessions for the test's own API calls first: a login stores its openid on the account (docs/push.md), so the
  // browsers' logins, whose emulated device is the "phone" looked at below, must come last.
  zhangApi = await loginOverHttp(app, '13800138000')
  liApi = await loginOverHttp(app, '13900139000')
  await loginThroughSheet(zhang, app.baseUrl, '13800138000')
  await loginThroughSheet(li, app.baseUrl, '13900139000')
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

describe('subscribe messages in a browser', () => {
  it('one allows chargeback notices, one refuses; a chargeback reaches only the one who allowed, once, masked, opening the case', async () => {
    const template = (await apiGet<SubscriptionsResponse>(app, zhangApi, '/api/me/subscriptions')).topics.find(
      (topic) => topic.topic === 'chargeback',
    )?.templateId
    expect(template).toBeDefined()
    await answerSheet(zhang, template ?? '', 'accept')
    await expect.poll(() => remainingChargeback(zhangApi), { timeout: 15_000 }).toBe(1)
    await screenshot(zhang, 'push-settings-allowed')
    await answerSheet(li, template ?? '', 'reject')
    expect(await remainingChargeback(liApi)).toBe(0)

    // The sandbox raises a chargeback on a recent successful payment of 140105.
    const payments = await apiGet<TransactionsPage>(app, zhangApi, '/api/transactions?status=success&limit=30')
    let paymentId: string | undefined
    for (const item of payments.items) {
      const raised = await fetch(`${app.baseUrl}/sandbox/oceanpayment/dev/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ payment_id: item.paymentId, notice_type: 'chargeBack' }),
      })
      if (raised.status === 201) {
        paymentId = item.paymentId
        break
      }
    }
    expect(paymentId).toBeDefined()

    await expect.poll(async () => (await phoneOf(zhang)).length, { timeout: 30_000 }).toBe(1)
    // Still one a while later: nothing is sent twice.
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    const [pushed, ...more] = await phoneOf(zhang)
    expect(more).toEqual([])
    expect(pushed.templateId).toBe(template)
    const messages = await apiGet<MessagesPage>(app, zhangApi, '/api/messages?kind=chargeback&limit=5')
    const message = messages.items.find((item) => item.paymentId === paymentId)
    expect(message).toBeDefined()
    // Masked facts only: the merchant's order number, the amount, the reason, times; no card number anywhere else.
    expect([message?.orderNumber, message?.paymentId]).toContain(pushed.data.character_string1.value)
    for (const [key, field] of Object.entries(pushed.data)) {
      if (key !== 'character_string1') expect(field.value, key).not.toMatch(/\d{12,19}/)
    }
    expect(pushed.page).toBe(`pages/message-detail/index?id=${message?.id}`)
    expect(await remainingChargeback(zhangApi)).toBe(0)

    // The page it names opens that case.
    await zhang.goto(`${app.baseUrl}/#/${pushed.page}`)
    await zhang.getByTestId('message-detail').waitFor({ timeout: 30_000 })
    expect(await zhang.getByTestId('message-detail').innerText()).toContain(message?.orderNumber ?? message?.paymentId ?? '')
    await screenshot(zhang, 'push-opened-case')

    // 李伟 refused: nothing on his phone, the in-app message is there.
    expect(await phoneOf(li)).toEqual([])
    const his = await apiGet<MessagesPage>(app, liApi, '/api/messages?kind=chargeback&limit=5')
    expect(his.items.some((item) => item.id === message?.id)).toBe(true)
  }, 180_000)
})
