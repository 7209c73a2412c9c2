/**
 * The whole development server in one loop, as `npm start` prepares it: demo data, demo accounts and the demo
 * payments mirrored into the sandbox; a staff member logs in through the WeChat emulator; Oceanpayment's sandbox
 * raises a chargeback on one of the merchant's payments and notifies the webhook; the to-do count and the messages
 * the staff member sees move by exactly one.
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { MessagesPage } from '@contract/messages'
import type { TodosResponse } from '@contract/todos'
import { migrate } from '../../../server/src/db/migrate'
import { DEMO_USERS } from '../../../server/src/dev/demo/demo-users'
import { createLogger } from '../../../server/src/logging/logger'
import { devStandIns } from '../../../server/src/dev'
import { prepareStore } from '../../../server/src/startup/prepare-store'
import { buildTestApp, captureLogs, testConfig } from '../harness'
import { testStores } from '../stores'
import { loginAs, signedGet } from '../support/signed-client'

const stores = testStores()
afterAll(async () => {
  await Promise.all(stores.map((store) => store.cleanup()))
})

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe.each(stores)('the development server on the $kind store', (store) => {
  it('turns a sandbox chargeback into one more to-do and one unread message for the merchant, and none for another', async () => {
    const db = await store.open()
    const config = testConfig()
    await migrate(db)
    const { destination, capture: prepareLogs } = captureLogs()
    await prepareStore(db, config, createLogger({ level: 'debug', destination }), devStandIns)
    const { app, logs } = buildTestApp(db, config)
    try {
      const staff = DEMO_USERS.find((user) => user.merchant === '140105' && user.enabled)
      const other = DEMO_USERS.find((user) => user.merchant === '150207' && user.enabled)
      if (staff === undefined || other === undefined) throw new Error('demo users missing')
      const session = await loginAs(app, db, { merchant: staff.merchant, phone: staff.phone })
      const otherSession = await loginAs(app, db, { merchant: other.merchant, phone: other.phone })
      expect(session.profile.username).toBe(staff.username)

      const todos = async (s = session) => (await signedGet(app, s, '/api/todos')).json<TodosResponse>()
      const chargebacks = (t: TodosResponse) => t.items.find((item) => item.kind === 'chargeback')?.count
      const unread = async (s = session) =>
        (await signedGet(app, s, '/api/messages?limit=1')).json<MessagesPage>().unread.byKind.chargeback
      const before = { todo: chargebacks(await todos()), unread: await unread(), other: await unread(otherSession) }

      // A recent successful sale of 140105 with no open case: the sandbox knows it because it was mirrored.
      const { rows } = await db.query<{ payment_id: string }>(
        `select payment_id from transactions t
          where account = '140105' and status = 'success' and txn_type = 'sale'
            and payment_time > now() - interval '20 days'
            and not exists (select 1 from order_cases c where c.payment_id = t.payment_id)
          order by payment_time desc limit 1`,
      )
      const paymentId = rows[0]?.payment_id
      expect(paymentId).toBeDefined()
      const raised = await app.inject({
        method: 'POST',
        url: '/sandbox/oceanpayment/dev/cases',
        payload: { payment_id: paymentId, notice_type: 'chargeBack' },
      })
      expect(raised.statusCode).toBe(201)

      const after = await waitFor(async () => {
        const count = chargebacks(await todos())
        return count === (before.todo ?? 0) + 1 ? count : undefined
      })
      expect(after).toBe((before.todo ?? 0) + 1)
      expect(await unread()).toBe((before.unread ?? 0) + 1)
      expect(await unread(otherSession)).toBe(before.other)
      const page = (await signedGet(app, session, '/api/messages?kind=chargeback&limit=5')).json<MessagesPage>()
      expect(page.items.some((message) => message.paymentId === paymentId)).toBe(true)

      // No secureCode of the configured terminals in anything logged along the way.
      const logged = logs.text() + prepareLogs.text()
      for (const { secureCode } of config.oceanpayment.terminals) expect(logged).not.toContain(secureCode)
    } finally {
      await app.close()
    }
  }, 120_000)
})
