/**
 * WechatApi over HTTP: code2Session and the user's phone number, against WeChat or the emulator (only the base URL
 * differs). Secrets (AppSecret, access_token, session_key) and the users' codes never reach a log line or an
 * error message; errors carry WeChat's errcode so callers can tell a bad code from WeChat being unwell.
 */
import type { Queryable } from '../db'
import type { Transport } from '../outbound/transport'
import { accessTokens } from './access-token'
import { ERRCODE, LOCAL_ERRCODE, isTokenRejection, wechatError } from './errcodes'
import { callWechat, callWechatForImage, type WechatAnswer, type WechatCall } from './http'
import { tokenStore, type StoredToken } from '../repositories/wechat-tokens'
import {
  WechatError,
  type SubscribeSendResult,
  type WechatApi,
  type WechatLinksApi,
  type WechatPhone,
  type WechatSession,
  type WechatSubscribeApi,
} from './types'

export interface WechatLogger {
  info(details: object, message: string): void
  warn(details: object, message: string): void
}

export interface WechatClientOptions {
  /** e.g. https://api.weixin.qq.com, or the emulator's http://assistant.internal/sandbox/wechat; no trailing slash. */
  apiBase: string
  appId: string
  /** AppSecret: never logged. */
  secret: string
  transport: Transport
  /** Holds the shared access-token row (wechat_access_tokens). */
  db: Queryable
  /** Epoch milliseconds; tests move it to expire tokens without waiting. */
  clock?: () => number
  logger?: WechatLogger
  /** Deadline of each HTTP call to WeChat. */
  timeoutMs?: number
}

export const DEFAULT_TIMEOUT_MS = 5_000
/** WeChat's stable_token hands out a new token in the last five minutes of the old one: ask for it then. */
export const REFRESH_EARLY_MS = 5 * 60 * 1000

/** Codes come from the client; an obviously broken one is the user's bad code and costs no call to WeChat. */
const CODE_SHAPE = /^[\x21-\x7e]{1,256}$/

const silent: WechatLogger = { info: () => undefined, warn: () => undefined }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

/** Failures after which the request may have reached WeChat and been acted on: the send's outcome is unknown. */
const UNKNOWN_OUTCOME: ReadonlySet<number> = new Set([LOCAL_ERRCODE.TIMEOUT, LOCAL_ERRCODE.NETWORK, LOCAL_ERRCODE.BAD_RESPONSE])

export function createWechatClient(options: WechatClientOptions): WechatApi & WechatSubscribeApi & WechatLinksApi {
  const { apiBase, appId, secret, transport, db } = options
  const clock = options.clock ?? Date.now
  const logger = options.logger ?? silent
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS

  /** Only the API name and errcode are logged: the message can hold WeChat's errmsg, which is not ours to trust. */
  const logged = (api: string, error: WechatError): WechatError => {
    const { errcode } = error
    // A user's bad code is ordinary traffic; anything else means WeChat (or the way to it) needs a look.
    if (error.badCode) logger.info({ api, errcode }, 'WeChat rejected the user code')
    else logger.warn({ api, errcode, rateLimited: errcode === ERRCODE.RATE_LIMITED }, 'WeChat call failed')
    return error
  }

  const fail = (api: string, errcode: number, detail: string): WechatError => logged(api, wechatError(api, errcode, detail))

  const call = async (request: WechatCall, secrets: readonly string[]): Promise<WechatAnswer> => {
    try {
      return await callWechat(transport, timeoutMs, request, [secret, ...secrets])
    } catch (error) {
      throw error instanceof WechatError ? logged(request.api, error) : error
    }
  }

  const checkCode = (api: string, code: string): void => {
    if (code === '') throw fail(api, ERRCODE.CODE_MISSING, 'code is empty')
    if (!CODE_SHAPE.test(code)) throw fail(api, ERRCODE.INVALID_CODE, 'code is malformed')
  }

  const fetchToken = async (forceRefresh: boolean): Promise<StoredToken> => {
    const api = 'stable_token'
    const answer = await call(
      {
        api,
        method: 'POST',
        url: `${apiBase}/cgi-bin/stable_token`,
        body: { grant_type: 'client_credential', appid: appId, secret, force_refresh: forceRefresh },
      },
      [],
    )
    if (answer.errcode !== ERRCODE.OK) throw fail(api, answer.errcode, answer.errmsg)
    const { access_token: token, expires_in: expiresIn } = answer.body
    if (!nonEmptyString(token) || typeof expiresIn !== 'number' || !(expiresIn > 0)) {
      throw fail(api, LOCAL_ERRCODE.BAD_RESPONSE, 'no access_token or expires_in')
    }
    logger.info({ api, appId, expiresInSeconds: expiresIn, forced: forceRefresh }, 'WeChat access token obtained')
    return { token, expiresAt: clock() + expiresIn * 1000 }
  }

  const tokens = accessTokens({
    fetchToken,
    store: tokenStore(db, appId),
    clock,
    refreshEarlyMs: REFRESH_EARLY_MS,
    onStoreError: (error) =>
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not share the access token'),
  })

  /** A call that needs the access token: on a token rejection, one renewal and one retry, never more. */
  const withTokenBy = async <T extends { errcode: number } | { image: Buffer }>(
    sendCall: (request: WechatCall, secrets: readonly string[]) => Promise<T>,
    makeCall: (token: string) => WechatCall,
    secrets: readonly string[],
  ): Promise<T> => {
    const token = await tokens.get()
    const first = await sendCall(makeCall(token), [token, ...secrets])
    if (!('errcode' in first) || !isTokenRejection(first.errcode)) return first
    logger.info({ api: makeCall('').api, errcode: first.errcode }, 'WeChat rejected the access token; renewing it')
    const renewed = await tokens.renew(token)
    return sendCall(makeCall(renewed), [renewed, ...secrets])
  }
  const withToken = (makeCall: (token: string) => WechatCall, secrets: readonly string[]): Promise<WechatAnswer> =>
    withTokenBy(call, makeCall, secrets)

  const callForImage = async (request: WechatCall, secrets: readonly string[]): Promise<{ image: Buffer } | WechatAnswer> => {
    try {
      return await callWechatForImage(transport, timeoutMs, request, [secret, ...secrets])
    } catch (error) {
      throw error instanceof WechatError ? logged(request.api, error) : error
    }
  }

  /** A token, or the reason none could be had (the message then never left this server). */
  const tokenOrFailure = async (get: () => Promise<string>): Promise<string | SubscribeSendResult> => {
    try {
      return await get()
    } catch (error) {
      return { outcome: 'not-sent', errcode: error instanceof WechatError ? error.errcode : LOCAL_ERRCODE.NETWORK }
    }
  }

  return {
    async code2Session(loginCode) {
      const api = 'jscode2session'
      checkCode(api, loginCode)
      const query = new URLSearchParams({ appid: appId, secret, js_code: loginCode, grant_type: 'authorization_code' })
      const answer = await call({ api, method: 'GET', url: `${apiBase}/sns/jscode2session?${query.toString()}` }, [
        loginCode,
      ])
      if (answer.errcode !== ERRCODE.OK) throw fail(api, answer.errcode, answer.errmsg)
      const { openid, session_key: sessionKey, unionid } = answer.body
      if (!nonEmptyString(openid) || !nonEmptyString(sessionKey)) {
        throw fail(api, LOCAL_ERRCODE.BAD_RESPONSE, 'no openid or session_key')
      }
      const session: WechatSession = { openid, sessionKey }
      if (nonEmptyString(unionid)) session.unionid = unionid
      return session
    },

    async getPhoneNumber(phoneCode) {
      const api = 'getuserphonenumber'
      checkCode(api, phoneCode)
      const answer = await withToken(
        (token) => ({
          api,
          method: 'POST',
          url: `${apiBase}/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`,
          body: { code: phoneCode },
        }),
        [phoneCode],
      )
      if (answer.errcode !== ERRCODE.OK) throw fail(api, answer.errcode, answer.errmsg)
      const info = answer.body.phone_info
      if (!isRecord(info)) throw fail(api, LOCAL_ERRCODE.BAD_RESPONSE, 'no phone_info')
      const { phoneNumber, purePhoneNumber, countryCode, watermark } = info
      const country = typeof countryCode === 'number' ? String(countryCode) : countryCode
      if (!nonEmptyString(phoneNumber) || !nonEmptyString(purePhoneNumber) || !nonEmptyString(country)) {
        throw fail(api, LOCAL_ERRCODE.BAD_RESPONSE, 'phone_info is incomplete')
      }
      // The watermark says which mini-program the number was released to; another app's number is not ours to use.
      if (isRecord(watermark) && watermark.appid !== undefined && watermark.appid !== appId) {
        throw fail(api, LOCAL_ERRCODE.BAD_RESPONSE, 'phone_info watermark names another appid')
      }
      const phone: WechatPhone = { phoneNumber, purePhoneNumber, countryCode: country }
      return phone
    },

    /**
     * One subscribe message. Never throws for WeChat's sake: the result says whether WeChat answered, whether the
     * message never left (no token: safe to try again), or whether it left without a trustworthy answer (unknown:
     * never to be sent again). A token rejection is renewed and retried once: WeChat sent nothing on a 40001.
     */
    async sendSubscribeMessage(message): Promise<SubscribeSendResult> {
      const api = 'subscribe/send'
      const makeCall = (token: string): WechatCall => ({
        api,
        method: 'POST',
        url: `${apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`,
        body: message,
      })
      const attempt = async (token: string): Promise<SubscribeSendResult> => {
        try {
          const answer = await call(makeCall(token), [token, message.touser])
          return { outcome: 'answered', errcode: answer.errcode }
        } catch (error) {
          const errcode = error instanceof WechatError ? error.errcode : LOCAL_ERRCODE.NETWORK
          return { outcome: UNKNOWN_OUTCOME.has(errcode) ? 'unknown' : 'answered', errcode }
        }
      }
      const token = await tokenOrFailure(() => tokens.get())
      if (typeof token !== 'string') return token
      const first = await attempt(token)
      if (first.outcome !== 'answered' || !isTokenRejection(first.errcode)) return first
      logger.info({ api, errcode: first.errcode }, 'WeChat rejected the access token; renewing it')
      const renewed = await tokenOrFailure(() => tokens.renew(token))
      if (typeof renewed !== 'string') return renewed
      return attempt(renewed)
    },

    async getWxacodeUnlimit(request) {
      const api = 'getwxacodeunlimit'
      const answer = await withTokenBy(
        callForImage,
        (token) => ({
          api,
          method: 'POST',
          url: `${apiBase}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`,
          body: {
            scene: request.scene,
            page: request.page,
            check_path: request.checkPath,
            env_version: request.envVersion,
            width: request.width,
          },
        }),
        [],
      )
      if ('image' in answer) return answer.image
      // An errcode 0 without an image is not an answer WeChat gives.
      throw fail(api, answer.errcode === ERRCODE.OK ? LOCAL_ERRCODE.BAD_RESPONSE : answer.errcode, answer.errmsg || 'no image')
    },

    async generateUrlLink(request) {
      const api = 'generate_urllink'
      const answer = await withToken(
        (token) => ({
          api,
          method: 'POST',
          url: `${apiBase}/wxa/generate_urllink?access_token=${encodeURIComponent(token)}`,
          body: {
            path: request.path,
            query: request.query,
            env_version: request.envVersion,
            expire_type: 1,
            expire_interval: request.expireIntervalDays,
          },
        }),
        [],
      )
      if (answer.errcode !== ERRCODE.OK) throw fail(api, answer.errcode, answer.errmsg)
      const link = answer.body.url_link
      if (!nonEmptyString(link) || !/^https:\/\//.test(link)) throw fail(api, LOCAL_ERRCODE.BAD_RESPONSE, 'no url_link')
      return link
    },
  }
}
