/**
 * The pending pre-authorization to-do list: each row says when it expires, and the soonest-expiring comes first —
 * across card brands of different validity (contract/authorization-validity.ts), and across keyset pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toBeijingIso } from '@contract/beijing-time'
import type { TransactionsPage } from '@contract/transactions'
import { testStores } from '../../stores'
import { addPayment, get, openActionsApp, session, type ActionsApp } from './support'

const DAY = 86_400_000

describe.each(testStores())('pending pre-authorizations on the $kind store', (store) => {
  let t: ActionsApp
  beforeAll(async () => {
    t = await openActionsApp(await store.open())
  })
  afterAll(async () => {
    await t.close()
    await store.cleanup()
  })

  it('come soonest-expiring first, each with its expiry and days left, page after page', async () => {
    const lead = await session(t, '13800138555')
    const ago = (days: number) => new Date(Date.now() - days * DAY)
    // Mastercard holds 30 days, Visa 7: the older Mastercard expires last.
    const mastercard = await addPayment(t.db, { kind: 'authorization', cardBrand: 'MasterCard', amountMinor: BigInt(3_000), at: ago(10.5) })
    const visaSoon = await addPayment(t.db, { kind: 'authorization', cardBrand: 'Visa', amountMinor: BigInt(1_000), at: ago(6.5) })
    const visaLater = await addPayment(t.db, { kind: 'authorization', cardBrand: 'Visa', amountMinor: BigInt(2_000), at: ago(2.5) })
    await addPayment(t.db, { kind: 'authorization', authStatus: 'captured', amountMinor: BigInt(4_000), at: ago(1) })
    const sale = await addPayment(t.db, { amountMinor: BigInt(5_000), at: ago(1) })

    const from = encodeURIComponent(toBeijingIso(ago(20)))
    const seen: TransactionsPage['items'] = []
    let cursor: string | null | undefined
    do {
      const url = `/api/transactions?authStatus=pending&from=${from}&limit=1${cursor ? `&cursor=${cursor}` : ''}`
      const response = await get(t, lead, url)
      expect(response.statusCode).toBe(200)
      const page = response.json() as TransactionsPage
      seen.push(...page.items)
      cursor = page.nextCursor
    } while (cursor !== null)

    expect(seen.map((item) => item.paymentId)).toEqual([visaSoon, visaLater, mastercard])
    expect(seen.map((item) => item.authorizationExpiry?.daysLeft)).toEqual([0, 4, 19])
    expect(seen[0]?.authorizationExpiry?.expiresAt).toBe(toBeijingIso(new Date(Date.parse(seen[0]!.paymentTime) + 7 * DAY)))

    // Rows that are not pending pre-authorizations carry no expiry, and the list stays newest first.
    const all = (await get(t, lead, `/api/transactions?from=${from}`)).json() as TransactionsPage
    expect(all.items.find((item) => item.paymentId === sale)?.authorizationExpiry).toBeUndefined()
    const times = all.items.map((item) => item.paymentTime)
    expect(times).toEqual([...times].sort().reverse())
  })
})
