/**
 * One-tap login (SPEC §2): exchange WeChat's two single-use codes, find the enabled account bound to the phone
 * WeChat vouches for, and open a session. Rate-limited per client address (before WeChat is asked, so a flood
 * costs WeChat quota for nobody) and per phone.
 *
 * Which number is matched: for country code 86, WeChat's purePhoneNumber (11 digits), which is how accounts store
 * mainland numbers; otherwise "+" + countryCode + purePhoneNumber, the stored form of other numbers.
 */
import { createHash } from 'node:crypto'
import type { LoginResponse, SessionProfile } from '@contract/auth'
import type { Db } from '../db'
import { AppError } from '../errors'
import { accountsRepository, type LoginAccountRow } from '../repositories/accounts'
import { WechatError, type WechatApi, type WechatPhone } from '../wechat/types'
import { maskPhone } from '../services/accounts'
import { rateLimiter, type RateLimitRule } from './rate-limits'
import { sessionService } from './sessions'
import { invitationService } from '../invitations'

export interface LoginLimits {
  perClientAddress: RateLimitRule
  perPhone: RateLimitRule
}

/**
 * An office behind one NAT address holds at most a few merchants' staff (10 accounts each); a phone logs in a
 * handful of times a day. Both are generous for people and tight for a script.
 */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perClientAddress: { limit: 30, windowSeconds: 600 },
  perPhone: { limit: 10, windowSeconds: 600 },
}

export interface LoginInput {
  loginCode: string
  phoneCode: string
  merchantAccount?: string
  /** An invitation's token (contract/auth.ts): not an authentication factor. */
  invitation?: string
}

/** WeChat failed for reasons that are not the user's (down, quota, misconfiguration): the route answers 502. */
export class WechatUnavailableError extends Error {
  constructor(cause: unknown) {
    super('WeChat server API unavailable', { cause })
    this.name = 'WechatUnavailableError'
  }
}

/**
 * The phone has enabled accounts at several merchants and the request named none: 409 CONFLICT, with the
 * merchants as data (the route puts them in the error body) so the client can offer the choice.
 */
export class MerchantChoiceRequiredError extends AppError {
  readonly merchants: { account: string; name: string }[]

  constructor(merchants: { account: string; name: string }[]) {
    super(
      409,
      'CONFLICT',
      `this phone number has accounts at several merchants (${merchants.map((m) => m.account).join(', ')}): log in again with merchantAccount`,
    )
    this.name = 'MerchantChoiceRequiredError'
    this.merchants = merchants
  }
}

export interface LoginDeps {
  db: Db
  wechat: WechatApi
  clock: () => number
  sessionIdleSeconds: number
  limits: LoginLimits
}

/** What the client learns about the logged-in account: at login and from GET /api/auth/profile. */
export function toSessionProfile(account: LoginAccountRow): SessionProfile {
  return {
    userId: account.id,
    username: account.username,
    position: account.position,
    phone: maskPhone(account.phone),
    merchantAccount: account.merchant,
    merchantName: account.merchantName,
    permissions: account.permissions,
  }
}

export function phoneForMatching(phone: WechatPhone): string {
  const country = phone.countryCode.replace(/^\+/, '')
  return country === '86' ? phone.purePhoneNumber : `+${country}${phone.purePhoneNumber}`
}

async function exchange<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (error instanceof WechatError && error.badCode) {
      throw new AppError(400, 'WECHAT_CODE_INVALID', 'the WeChat login or phone code is invalid, expired or used; tap login again')
    }
    throw new WechatUnavailableError(error)
  }
}

export interface LoginOutcome {
  response: LoginResponse
  /** For the log line: ids only, no phone. */
  sessionId: string
}

export function loginService(deps: LoginDeps) {
  const limiter = rateLimiter(deps.db, deps.clock)
  const accounts = accountsRepository(deps.db)
  const sessions = sessionService(deps.db, { clock: deps.clock, idleSeconds: deps.sessionIdleSeconds })
  const invitations = invitationService(deps.db, () => new Date(deps.clock()))

  return {
    async login(input: LoginInput, clientAddress: string): Promise<LoginOutcome> {
      await limiter.hit(`login:ip:${clientAddress}`, deps.limits.perClientAddress, 'login attempts from this address')

      // Both codes are spent whatever happens, so both are exchanged at once.
      const [wechatSession, phoneInfo] = await Promise.all([
        exchange(() => deps.wechat.code2Session(input.loginCode)),
        exchange(() => deps.wechat.getPhoneNumber(input.phoneCode)),
      ])
      const phone = phoneForMatching(phoneInfo)
      // Hashed: the bucket name is stored and may be logged, the number must not be.
      const phoneKey = createHash('sha256').update(phone).digest('hex').slice(0, 32)
      await limiter.hit(`login:phone:${phoneKey}`, deps.limits.perPhone, 'logins for this phone number')

      const candidates = await accounts.findEnabledByPhone(phone)
      // A valid invitation names the merchant when the user did not: it only narrows, never adds an account.
      const merchant = input.merchantAccount ?? (input.invitation === undefined ? undefined : await invitations.merchantOf(input.invitation))
      const narrowed = merchant === undefined ? candidates : candidates.filter((account) => account.merchant === merchant)
      const chosen = input.merchantAccount === undefined && narrowed.length === 0 ? candidates : narrowed
      if (chosen.length === 0) {
        throw new AppError(
          403,
          'PHONE_NOT_BOUND',
          "this WeChat phone number is not bound to an enabled mini-program account: ask your ODPM administrator, or bind another number under WeChat's 管理号码",
        )
      }
      if (chosen.length > 1) {
        throw new MerchantChoiceRequiredError(chosen.map((account) => ({ account: account.merchant, name: account.merchantName })))
      }
      const account = chosen[0]
      // Where this account's subscribe messages go from now on (docs/push.md); never sent to the client.
      await accounts.setOpenid(account.id, wechatSession.openid)
      const session = await sessions.start(account.id)
      if (input.invitation !== undefined) await invitations.useFor(input.invitation, { id: account.id, merchant: account.merchant })
      return {
        sessionId: session.id,
        response: {
          token: session.token,
          signingKey: session.signingKey,
          expiresIn: deps.sessionIdleSeconds,
          profile: toSessionProfile(account),
        },
      }
    },

    /** The logged-in account's profile, as the login answered it; 401 once the account is gone. */
    async profile(accountId: string): Promise<SessionProfile> {
      const account = await accounts.findWithMerchant(accountId)
      if (account === undefined) throw new AppError(401, 'SESSION_EXPIRED', 'the account no longer exists: log in again')
      return toSessionProfile(account)
    },
  }
}
