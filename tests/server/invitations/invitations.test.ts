/**
 * Invitations through the app and the WeChat emulator (issue 15): the admin makes one, gets its mini-program code
 * (a real PNG; the emulator recorded its scene and page) and URL link; the login page's preview; a login through it
 * uses it up once (a second login works, the invitation stays used); expired, foreign and over-long scenes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AdminInvitation, InvitationPreview } from '@contract/invitations'
import type { LoginResponse } from '@contract/auth'
import type { App } from '../../../server/src/app'
import type { Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { accountsRepository } from '../../../server/src/repositories/accounts'
import { merchantsRepository } from '../../../server/src/repositories/merchants'
import { buildTestApp, testConfig } from '../harness'
import { testStores } from '../stores'
import { randomClientAddress, randomLoopbackAddress, wechatCodes } from '../support/signed-client'

const TOKEN = 'admin-token-for-tests-0123456789abcdef'
const auth = { authorization: `Bearer ${TOKEN}` }
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const stores = testStores()

async function addAccount(db: Db, merchant: string, phone: string, username: string): Promise<string> {
  const created = await accountsRepository(db).create(merchant, { phone, username, position: '', enabled: true, permissions: [] })
  if (created.kind !== 'created') throw new Error(`account not created: ${created.kind}`)
  return created.account.id
}
afterAll(async () => Promise.all(stores.map((store) => store.cleanup())))

describe.each(stores)('invitations on the $kind store', (store) => {
  let db: Db
  let app: App
  let accountId: string

  beforeAll(async () => {
    db = await store.open()
    await migrate(db)
    await merchantsRepository(db).upsert({ account: '140105', name: '海洋示范贸易有限公司' })
    await merchantsRepository(db).upsert({ account: '150207', name: 'Harbour Outdoor Goods Ltd.' })
    accountId = await addAccount(db, '140105', '13800138000', '王小明')
    await addAccount(db, '150207', '13900139000', 'Harbour staff')
    app = buildTestApp(db, testConfig({ ADMIN_TOKEN: TOKEN })).app
  })
  afterAll(async () => app.close())

  const createInvitation = async (merchant: string, body: object = {}) => {
    const res = await app.inject({ method: 'POST', url: `/admin/api/merchants/${merchant}/invitations`, headers: auth, payload: body })
    expect(res.statusCode, res.body).toBe(201)
    return res.json<AdminInvitation>()
  }
  const preview = async (scene: string) =>
    app.inject({ method: 'GET', url: `/api/auth/invitation?scene=${encodeURIComponent(scene)}`, remoteAddress: randomClientAddress() })
  const login = async (phone: string, invitation?: string) => {
    const codes = await wechatCodes(app, phone)
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { ...codes, ...(invitation === undefined ? {} : { invitation }) },
      remoteAddress: randomClientAddress(),
    })
    return res
  }
  const listed = async (merchant: string, id: string) => {
    const res = await app.inject({ method: 'GET', url: `/admin/api/merchants/${merchant}/invitations`, headers: auth })
    expect(res.statusCode).toBe(200)
    return res.json<{ items: AdminInvitation[] }>().items.find((item) => item.id === id)
  }
  const tokenOf = (invitation: AdminInvitation) => invitation.scene.slice(2)

  it('makes an invitation whose code is a PNG the emulator drew for its scene and the login page', async () => {
    const invitation = await createInvitation('140105', { accountId })
    expect(invitation).toMatchObject({ merchantAccount: '140105', accountId, username: '王小明', state: 'valid', usedAt: null, urlLink: null })
    expect(invitation.scene).toMatch(/^i=[0-9A-Za-z]{20}$/)
    const code = await app.inject({ method: 'GET', url: invitation.wxacodePath, headers: auth })
    expect(code.statusCode, code.body).toBe(200)
    expect(code.headers['content-type']).toBe('image/png')
    expect(code.rawPayload.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
    const drawn = await app.inject({ method: 'GET', url: '/sandbox/wechat/dev/wxacodes', remoteAddress: randomLoopbackAddress() })
    expect(drawn.json<{ items: Array<{ scene: string; page: string }> }>().items[0]).toMatchObject({
      scene: invitation.scene,
      page: 'pages/login/index',
      checkPath: true,
      envVersion: 'release',
    })
    // The URL link for SMS, kept with its expiry.
    const linked = await app.inject({ method: 'POST', url: `/admin/api/merchants/140105/invitations/${invitation.id}/url-link`, headers: auth })
    expect(linked.statusCode, linked.body).toBe(200)
    expect(linked.json<AdminInvitation>().urlLink).toMatch(/^https:\/\/wxaurl\.cn\/\S+$/)
    expect((await listed('140105', invitation.id))?.urlLinkExpiresAt).not.toBeNull()
  })

  it('previews, then is used up by the first login through it; the normal login still works after', async () => {
    const invitation = await createInvitation('140105', { accountId })
    const before = await preview(invitation.scene)
    expect(before.statusCode).toBe(200)
    expect(before.json<InvitationPreview>()).toEqual({
      state: 'valid',
      merchantName: '海洋示范贸易有限公司',
      merchantAccount: '140105',
      username: '王小明',
      maskedPhone: '138****8000',
    })
    const first = await login('13800138000', tokenOf(invitation))
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json<LoginResponse>().profile.merchantAccount).toBe('140105')
    const used = await listed('140105', invitation.id)
    expect(used?.state).toBe('used')
    expect((await preview(invitation.scene)).json<InvitationPreview>()).toEqual({
      state: 'used',
      merchantName: null,
      merchantAccount: null,
      username: null,
      maskedPhone: null,
    })
    // Used twice: the login is an ordinary one, the invitation stays used as it was.
    const second = await login('13800138000', tokenOf(invitation))
    expect(second.statusCode).toBe(200)
    expect((await listed('140105', invitation.id))?.usedAt).toBe(used?.usedAt)
  })

  it('an expired invitation says so and is not used; the login works', async () => {
    const invitation = await createInvitation('140105')
    await db.query("update invitations set expires_at = now() - interval '1 minute' where id = $1", [invitation.id])
    expect((await preview(invitation.scene)).json<InvitationPreview>().state).toBe('expired')
    expect((await login('13800138000', tokenOf(invitation))).statusCode).toBe(200)
    expect((await listed('140105', invitation.id))?.state).toBe('expired')
  })

  it("another merchant's invitation is not used by this merchant's login", async () => {
    const foreign = await createInvitation('150207')
    expect((await login('13800138000', tokenOf(foreign))).statusCode).toBe(200)
    expect((await listed('150207', foreign.id))?.state).toBe('valid')
    // Nor one made for another account of the same merchant.
    const other = await addAccount(db, '140105', '13700137000', 'other')
    const forOther = await createInvitation('140105', { accountId: other })
    expect((await login('13800138000', tokenOf(forOther))).statusCode).toBe(200)
    expect((await listed('140105', forOther.id))?.state).toBe('valid')
  })

  it('refuses a scene over 32 characters; an unknown one is "unknown"; a malformed invitation field is a 400', async () => {
    const long = await preview(`i=${'a'.repeat(31)}`)
    expect(long.statusCode).toBe(400)
    expect(long.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED')
    expect((await preview(`i=${'Z'.repeat(20)}`)).json<InvitationPreview>().state).toBe('unknown')
    expect((await preview('x=1')).json<InvitationPreview>().state).toBe('unknown')
    expect((await login('13800138000', 'not-a-token')).statusCode).toBe(400)
  })

  it('admin: an unknown merchant, account or invitation is a 404, changing nothing', async () => {
    const unknownMerchant = await app.inject({ method: 'POST', url: '/admin/api/merchants/999999/invitations', headers: auth, payload: {} })
    expect(unknownMerchant.statusCode).toBe(404)
    const foreignAccount = await app.inject({ method: 'POST', url: '/admin/api/merchants/150207/invitations', headers: auth, payload: { accountId } })
    expect(foreignAccount.statusCode).toBe(404)
    const missing = await app.inject({ method: 'GET', url: `/admin/api/merchants/140105/invitations/${crypto.randomUUID()}/wxacode`, headers: auth })
    expect(missing.statusCode).toBe(404)
    const unauthorized = await app.inject({ method: 'GET', url: '/admin/api/merchants/140105/invitations' })
    expect(unauthorized.statusCode).toBe(401)
  })
})
