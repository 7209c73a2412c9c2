/**
 * Acting from the phone in the real weapp build (issue 13): the refund sheet renders in the finance subpackage and
 * a refund flows against the real server (PIN set twice on first use, sent with an Idempotency-Key, answered
 * pending); the capture and void sheets render; 工具 is its own subpackage; and the main package stays ≤ 512 KB
 * with the subpackages' words outside it.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AvailableActions } from '@contract/actions'
import type { LoginResponse } from '@contract/auth'
import type { TransactionsPage } from '@contract/transactions'
import { listFiles, measurePackages, readAppJson, WEAPP_DIST } from './build-info'
import { startLiveServer, type LiveServer } from './support/live-server'

const DETAIL = 'subpackages/finance/transaction-detail/index'
const MAIN_PACKAGE_BUDGET = 512 * 1024

let server: LiveServer
let login: LoginResponse

beforeAll(async () => {
  server = await startLiveServer()
  login = await server.login()
}, 180_000)

afterAll(async () => {
  await server?.close()
})

function beijingDate(offsetDays: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)
}
const range = (days: number) =>
  `from=${encodeURIComponent(`${beijingDate(-days)}T00:00:00+08:00`)}&to=${encodeURIComponent(`${beijingDate(0)}T23:59:59+08:00`)}`

async function firstWith(query: string, wanted: (offer: AvailableActions) => boolean): Promise<string> {
  const page = await server.signedGet<TransactionsPage>(login, `/api/transactions?${query}&limit=50`)
  for (const item of page.items) {
    if (wanted(await server.signedGet<AvailableActions>(login, `/api/transactions/${item.paymentId}/actions/available`))) return item.paymentId
  }
  throw new Error(`no payment for ${query}`)
}

describe('action sheets (weapp simulate, live server)', () => {
  it('a refund flows: form, one-sentence confirmation, PIN set twice, sent once with a key, pending', async () => {
    const paymentId = await firstWith(`${range(59)}&status=success&txnType=sale`, (offer) => offer.refund !== null)
    const app = await server.boot(login)
    try {
      const page = await app.openPage(DETAIL, { query: { paymentId } })
      await page.waitFor(() => page.has({ testId: 'txd-action-refund' }), { timeoutMs: 20_000, message: 'no refund button' })
      await page.tap({ testId: 'txd-action-refund' })
      await page.waitForText('退款原因')
      await page.trigger({ testId: 'action-reason' }, 'input', { value: 'Customer returned it' })
      await page.tap({ testId: 'action-next' })
      await page.waitForText('退款发起后不可撤回')
      await page.tap({ testId: 'action-confirm-ok' })
      await page.waitForText('首次操作，请设置 6 位操作密码')
      for (const digit of '135790') await page.tap({ testId: `pin-key-${digit}` })
      await page.waitForText('请再次输入操作密码')
      for (const digit of '135790') await page.tap({ testId: `pin-key-${digit}` })
      await page.waitFor(() => page.has({ testId: 'action-result-pending' }) || page.has({ testId: 'action-result-succeeded' }), {
        timeoutMs: 20_000,
        message: 'the refund never answered',
      })
      const sent = app.wx.optionsOf('request').filter((options) => String(options.url).includes('/refunds'))
      expect(sent).toHaveLength(1)
      expect((sent[0].header as Record<string, string>)['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    } finally {
      app.dispose()
    }
  }, 120_000)

  it('the capture and void sheets of a pending pre-authorization render, with the days left', async () => {
    const paymentId = await firstWith(`${range(360)}&authStatus=pending`, (offer) => offer.capture !== null && offer.void !== null)
    const app = await server.boot(login)
    try {
      const page = await app.openPage(DETAIL, { query: { paymentId } })
      await page.waitFor(() => page.has({ testId: 'txd-action-capture' }), { timeoutMs: 20_000, message: 'no capture button' })
      await page.tap({ testId: 'txd-action-capture' })
      await page.waitFor(() => page.has({ testId: 'action-days-left' }))
      expect(page.textOf({ testId: 'action-days-left' })).toMatch(/预授权/)
      await page.tap({ testId: 'action-sheet-close' })
      await page.tap({ testId: 'txd-action-void' })
      await page.tap({ testId: 'action-next' })
      await page.waitForText('撤销后不可恢复')
    } finally {
      app.dispose()
    }
  }, 120_000)
})

describe('packages (issue 13 budget)', () => {
  it('keeps the main package ≤ 512 KB, with 工具 in its own subpackage and the action words outside the main package', () => {
    const appJson = readAppJson(WEAPP_DIST)
    const sizes = measurePackages(WEAPP_DIST, appJson)
    const main = sizes.find((size) => size.name === 'main')!
    console.log(`main package: ${main.bytes} bytes (${main.files} files)`)
    expect(main.bytes).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET)
    expect(sizes.map((size) => size.name)).toContain('subpackages/tools')
    const roots = appJson.subPackages?.map((pkg) => pkg.root.replace(/\/$/, '')) ?? []
    const mainFiles = listFiles(WEAPP_DIST).filter((file) => file.endsWith('.js') && !roots.some((root) => file.startsWith(`${root}/`)))
    for (const file of mainFiles) {
      const text = readFileSync(path.join(WEAPP_DIST, file), 'utf8')
      // Words only the sheets and tools use.
      expect(text.includes('退款发起后不可撤回'), file).toBe(false)
      expect(text.includes('网站健康检查'), file).toBe(false)
    }
  })
})
