/**
 * Invitations and the mini-program code that carries them (issue 15, docs/invitations.md). The admin makes an
 * invitation for a merchant (or one of its accounts); its code (getwxacodeunlimit, scene 'i=<token>') and URL link
 * (generate_urllink, query 'invitation=<token>') open the login page, which shows what the invitation says
 * (preview) and sends the token with the login; the first successful login through it uses it up. It is NOT an
 * authentication factor: the login still needs the phone bound to the account, and a login with a used, expired or
 * foreign invitation is an ordinary login.
 */
import { randomInt, randomUUID } from 'node:crypto'
import { DAY_MS } from '@contract/beijing-time'
import {
  INVITATION_SCENE_PREFIX,
  INVITATION_TTL_DAYS,
  MAX_SCENE_LENGTH,
  type AdminInvitation,
  type InvitationPreview,
  type InvitationState,
} from '@contract/invitations'
import type { Queryable } from '../db'
import { AppError } from '../errors'
import { invitationsRepository, type InvitationRow } from '../repositories/invitations'
import { maskPhone } from '../services/accounts'
import { WechatError, type WechatLinksApi } from '../wechat/types'

/** The login page: the code and the link open it. */
export const LOGIN_PAGE = 'pages/login/index'
/** WeChat's default width of the code, in pixels. */
const CODE_WIDTH = 430
const TOKEN_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const TOKEN_LENGTH = 20
export const TOKEN_PATTERN = /^[0-9A-Za-z]{20}$/
/** WeChat keeps a URL link at most 30 days. */
const MAX_LINK_DAYS = 30

function newToken(): string {
  // randomInt is uniform over the alphabet (no modulo bias); 62^20 ≈ 2^119.
  return Array.from({ length: TOKEN_LENGTH }, () => TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)]).join('')
}

export function invitationScene(token: string): string {
  return `${INVITATION_SCENE_PREFIX}${token}`
}

/** The token a scene names; undefined when the scene is not an invitation's. Longer than 32 characters: refused. */
export function tokenOfScene(scene: string): string | undefined {
  if (scene.length > MAX_SCENE_LENGTH) throw new AppError(400, 'VALIDATION_FAILED', `scene: at most ${MAX_SCENE_LENGTH} characters`)
  if (!scene.startsWith(INVITATION_SCENE_PREFIX)) return undefined
  const token = scene.slice(INVITATION_SCENE_PREFIX.length)
  return TOKEN_PATTERN.test(token) ? token : undefined
}

function stateOf(row: InvitationRow, now: Date): Exclude<InvitationState, 'unknown'> {
  if (row.used_at !== null) return 'used'
  return row.expires_at.getTime() <= now.getTime() ? 'expired' : 'valid'
}

function toAdmin(row: InvitationRow, now: Date): AdminInvitation {
  return {
    id: row.id,
    merchantAccount: row.merchant,
    accountId: row.account_id,
    username: row.username,
    scene: invitationScene(row.token),
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    usedAt: row.used_at?.toISOString() ?? null,
    state: stateOf(row, now),
    wxacodePath: `/admin/api/merchants/${row.merchant}/invitations/${row.id}/wxacode`,
    urlLink: row.url_link,
    urlLinkExpiresAt: row.url_link_expires_at?.toISOString() ?? null,
  }
}

const notFound = (): AppError => new AppError(404, 'NOT_FOUND', 'no such invitation for this merchant')

/** WeChat refused or failed: our envelope (502), naming WeChat's errcode, never its errmsg or the token. */
function wechatFailed(api: string, error: unknown): AppError {
  if (error instanceof WechatError) {
    return new AppError(502, 'WECHAT_UNAVAILABLE', `WeChat ${api} failed (errcode ${error.errcode}); try again shortly`)
  }
  return new AppError(502, 'WECHAT_UNAVAILABLE', `WeChat ${api} failed; try again shortly`)
}

export function invitationService(db: Queryable, now: () => Date) {
  const repository = invitationsRepository(db)

  const found = async (merchant: string, id: string): Promise<InvitationRow> => {
    const row = await repository.find(merchant, id)
    if (row === undefined) throw notFound()
    return row
  }

  return {
    async create(merchant: string, accountId: string | undefined): Promise<AdminInvitation> {
      if (!(await repository.merchantExists(merchant))) throw new AppError(404, 'NOT_FOUND', 'no such merchant')
      if (accountId !== undefined && !(await repository.accountOf(merchant, accountId))) {
        throw new AppError(404, 'NOT_FOUND', 'no such account at this merchant')
      }
      const id = randomUUID()
      const createdAt = now()
      await repository.insert({
        id,
        token: newToken(),
        merchant,
        accountId: accountId ?? null,
        createdAt,
        expiresAt: new Date(createdAt.getTime() + INVITATION_TTL_DAYS * DAY_MS),
      })
      return toAdmin(await found(merchant, id), now())
    },

    async list(merchant: string): Promise<AdminInvitation[]> {
      if (!(await repository.merchantExists(merchant))) throw new AppError(404, 'NOT_FOUND', 'no such merchant')
      const at = now()
      return (await repository.list(merchant)).map((row) => toAdmin(row, at))
    },

    /** The code as PNG bytes, straight from WeChat (the shared access token). */
    async wxacode(wechat: WechatLinksApi, merchant: string, id: string): Promise<Buffer> {
      const row = await found(merchant, id)
      try {
        return await wechat.getWxacodeUnlimit({
          scene: invitationScene(row.token),
          page: LOGIN_PAGE,
          checkPath: true,
          envVersion: 'release',
          width: CODE_WIDTH,
        })
      } catch (error) {
        throw wechatFailed('getwxacodeunlimit', error)
      }
    },

    /** Makes (or makes anew) the invitation's URL link, valid as long as the invitation (WeChat: 1–30 days). */
    async urlLink(wechat: WechatLinksApi, merchant: string, id: string): Promise<AdminInvitation> {
      const row = await found(merchant, id)
      const at = now()
      if (stateOf(row, at) !== 'valid') throw new AppError(409, 'CONFLICT', `this invitation is ${stateOf(row, at)}: make a new one`)
      const days = Math.min(MAX_LINK_DAYS, Math.max(1, Math.ceil((row.expires_at.getTime() - at.getTime()) / DAY_MS)))
      let link: string
      try {
        link = await wechat.generateUrlLink({ path: LOGIN_PAGE, query: `invitation=${row.token}`, expireIntervalDays: days, envVersion: 'release' })
      } catch (error) {
        throw wechatFailed('generate_urllink', error)
      }
      await repository.setUrlLink(row.id, link, new Date(at.getTime() + days * DAY_MS))
      return toAdmin(await found(merchant, id), now())
    },

    /** What the login page may show for a scene: merchant and masked phone only while valid; never more. */
    async preview(scene: string): Promise<InvitationPreview> {
      const token = tokenOfScene(scene)
      const row = token === undefined ? undefined : await repository.findByToken(token)
      const empty = { merchantName: null, merchantAccount: null, username: null, maskedPhone: null }
      if (row === undefined) return { state: 'unknown', ...empty }
      const state = stateOf(row, now())
      if (state !== 'valid') return { state, ...empty }
      return {
        state,
        merchantName: row.merchant_name,
        merchantAccount: row.merchant,
        username: row.username,
        maskedPhone: row.phone === null ? null : maskPhone(row.phone),
      }
    },

    /** The merchant a valid invitation names (to choose among a phone's merchants); undefined otherwise. */
    async merchantOf(token: string): Promise<string | undefined> {
      const row = await repository.findByToken(token)
      return row !== undefined && stateOf(row, now()) === 'valid' ? row.merchant : undefined
    },

    /**
     * After a successful login: uses the invitation up if it is valid and names this account's merchant (and, when
     * it names an account, this account). Anything else leaves it as it is; the login stands either way.
     */
    async useFor(token: string, account: { id: string; merchant: string }): Promise<boolean> {
      const row = await repository.findByToken(token)
      if (row === undefined || row.merchant !== account.merchant) return false
      if (row.account_id !== null && row.account_id !== account.id) return false
      return repository.use(row.id, account.id, now())
    },
  }
}

export type InvitationService = ReturnType<typeof invitationService>
