/**
 * The mini-program code and URL link (issue 15) against the emulator, through the client: getwxacodeunlimit answers
 * the image itself on success and WeChat's JSON { errcode, errmsg } on error (the client tells them apart by content
 * type); the emulator gives WeChat's documented errcodes: 40129 invalid scene (over 32 characters, or a character
 * WeChat does not allow), 41030 invalid page, 40001 a rejected token (renewed once by the client), and for
 * generate_urllink 85402 an expire_interval outside 1–30 days and 40165 a page the mini-program does not have.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { Db } from '../../../server/src/db'
import { WechatError } from '../../../server/src/wechat'
import type { WxacodeRequest } from '../../../server/src/wechat/types'
import { testStores } from '../stores'
import { emulatorApp, emulatorClient, openMigrated } from './support'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const CODE: WxacodeRequest = { scene: 'i=AbCdEfGhIjKlMnOpQrSt', page: 'pages/login/index', checkPath: true, envVersion: 'release', width: 430 }

async function errcodeOf(promise: Promise<unknown>): Promise<number> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(WechatError)
  return (error as WechatError).errcode
}

describe.each(testStores())('getwxacodeunlimit and generate_urllink on the $kind store', (store) => {
  let db: Db
  let app: FastifyInstance
  beforeAll(async () => {
    db = await openMigrated(store)
    app = (await emulatorApp(db)).app
  })
  afterAll(async () => {
    await app.close()
    await store.cleanup()
  })

  it('answers a PNG for a good request, and WeChat errcodes as JSON for bad ones', async () => {
    const { client, calls } = emulatorClient(app, db)
    const image = await client.getWxacodeUnlimit(CODE)
    expect(image.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
    expect(await errcodeOf(client.getWxacodeUnlimit({ ...CODE, scene: 'i=' + 'x'.repeat(31) }))).toBe(40129)
    expect(await errcodeOf(client.getWxacodeUnlimit({ ...CODE, scene: 'i=中文' }))).toBe(40129)
    expect(await errcodeOf(client.getWxacodeUnlimit({ ...CODE, page: '/pages/login/index' }))).toBe(41030)
    expect(await errcodeOf(client.getWxacodeUnlimit({ ...CODE, page: 'pages/nowhere/index' }))).toBe(41030)
    // Unchecked, an unpublished page is drawn (WeChat's check_path: false).
    expect((await client.getWxacodeUnlimit({ ...CODE, page: 'pages/nowhere/index', checkPath: false })).length).toBeGreaterThan(8)
    // The access token travels in the query, never in a log; one token for all these calls.
    expect(calls.count('/cgi-bin/stable_token')).toBe(1)
  })

  it('renews a rejected token once and draws the code', async () => {
    const { client, calls } = emulatorClient(app, db)
    await client.getWxacodeUnlimit(CODE)
    // A forced refresh elsewhere revokes the token this client holds: WeChat answers 40001, the client renews once.
    await db.query('update wechat_emu_tokens set revoked_at = now() where revoked_at is null')
    const image = await client.getWxacodeUnlimit(CODE)
    expect(image.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
    expect(calls.count('/wxa/getwxacodeunlimit')).toBe(3)
  })

  it('makes URL links, refusing what WeChat refuses', async () => {
    const { client } = emulatorClient(app, db)
    const link = await client.generateUrlLink({ path: 'pages/login/index', query: 'invitation=AbCdEfGhIjKlMnOpQrSt', expireIntervalDays: 7, envVersion: 'release' })
    expect(link).toMatch(/^https:\/\/wxaurl\.cn\/\S+$/)
    const { rows } = await db.query<{ path: string; query: string }>('select path, query from wechat_emu_urllinks where url_link = $1', [link])
    expect(rows[0]).toEqual({ path: 'pages/login/index', query: 'invitation=AbCdEfGhIjKlMnOpQrSt' })
    expect(await errcodeOf(client.generateUrlLink({ path: 'pages/login/index', query: '', expireIntervalDays: 31, envVersion: 'release' }))).toBe(85402)
    expect(await errcodeOf(client.generateUrlLink({ path: 'pages/nowhere/index', query: '', expireIntervalDays: 1, envVersion: 'release' }))).toBe(40165)
  })
})
