/**
 * /api/me: the merchant's terminals and the account manager's WeCom card, a PNG QR code that decodes back to the
 * manager's WeCom contact URL; each merchant's user gets their own manager and terminals.
 */
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../server/src/app'
import type { Db } from '../../../server/src/db'
import type { MeResponse } from '@contract/me'
import { buildAuthTestApp, loginAs, signedGet, type TestSession } from '../support/signed-client'
import { testStores } from '../stores'
import { DEMO, OTHER, seededDb } from './fixture'

// Neither package ships types; only the calls used here are described.
interface DecodedPng { width: number; height: number; data: Buffer }
interface QrReader { callback: (error: unknown, result?: { result: string }) => void; decode(image: DecodedPng): void }
const require = createRequire(import.meta.url)
const { PNG } = require('pngjs') as { PNG: { sync: { read(buffer: Buffer): DecodedPng } } }
const QrCodeReader = require('qrcode-reader') as new () => QrReader

function decodeQr(dataUrl: string): Promise<string> {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'))
  return new Promise((resolve, reject) => {
    const reader = new QrCodeReader()
    reader.callback = (error, result) => (error || result === undefined ? reject(error) : resolve(result.result))
    reader.decode(png)
  })
}

const now = new Date()

describe.each(testStores())('/api/me terminals and WeCom card on the $kind store', (store) => {
  let db: Db
  let app: App
  let demoUser: TestSession
  let otherUser: TestSession
  const me = async (session: TestSession): Promise<MeResponse> => {
    const res = await signedGet(app, session, '/api/me')
    expect(res.statusCode).toBe(200)
    return res.json() as MeResponse
  }

  beforeAll(async () => {
    db = await store.open()
    await seededDb(db, now)
    app = buildAuthTestApp(db).app
    await app.ready()
    demoUser = await loginAs(app, db, { merchant: DEMO, phone: '13800138000' })
    otherUser = await loginAs(app, db, { merchant: OTHER, phone: '13700137000' })
  }, 120_000)
  afterAll(async () => {
    await app?.close()
    await store.cleanup()
  })

  it("lists the merchant's own terminals, sorted", async () => {
    const expected = async (account: string) =>
      (await db.query<{ terminal: string }>('select terminal from terminals where account = $1', [account])).rows
        .map((r) => r.terminal)
        .sort()
    const demo = await me(demoUser)
    expect(demo.terminals).toEqual(await expected(DEMO))
    expect(demo.terminals).toEqual(['14010501', '14010502', '14010588'])
    const other = await me(otherUser)
    expect(other.terminals).toEqual(await expected(OTHER))
    expect(other.terminals.length).toBeGreaterThan(0)
    expect(other.terminals.some((t) => demo.terminals.includes(t))).toBe(false)
  })

  it("gives each merchant's user their own manager, with a PNG QR card of the WeCom contact URL", async () => {
    const demo = (await me(demoUser)).accountManager
    const other = (await me(otherUser)).accountManager
    expect(demo).toMatchObject({ name: '商昭', email: 'shangzhao@oceanpayment.com.cn', wecomId: 'shangzhao-oceanpayment' })
    expect(other).toMatchObject({ name: '林晓', email: 'linxiao@oceanpayment.com.cn', wecomId: 'linxiao-oceanpayment' })
    for (const manager of [demo, other]) {
      if (manager === null) throw new Error('manager expected')
      expect(manager.cardImage).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/)
      const bytes = Buffer.from(manager.cardImage.split(',')[1], 'base64')
      expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
      // Small enough for a JSON answer and a setData, big enough to be a real picture.
      expect(bytes.length).toBeGreaterThan(500)
      expect(bytes.length).toBeLessThan(20_000)
      const png = PNG.sync.read(bytes)
      expect(png.width).toBe(240)
      expect(png.height).toBe(240)
      expect(await decodeQr(manager.cardImage)).toBe(`https://work.weixin.qq.com/u/${manager.wecomId}`)
    }
    expect(demo?.cardImage).not.toBe(other?.cardImage)
  })

  it('answers null when the merchant has no manager', async () => {
    await db.query('delete from account_managers where account = $1', [OTHER])
    expect((await me(otherUser)).accountManager).toBeNull()
  })
})
