/**
 * WeChat's errcodes that this server treats specially, and the one function that turns an errcode into a
 * WechatError. Shared by the client (to classify answers) and the emulator (to give them).
 */
import { WechatError } from './types'

export const ERRCODE = {
  SYSTEM_BUSY: -1,
  OK: 0,
  /** access_token invalid or not the latest (also: AppSecret wrong, on /cgi-bin/token). */
  INVALID_CREDENTIAL: 40001,
  INVALID_GRANT_TYPE: 40002,
  INVALID_APPID: 40013,
  INVALID_ACCESS_TOKEN: 40014,
  INVALID_CODE: 40029,
  INVALID_ARGS: 40097,
  INVALID_APPSECRET: 40125,
  CODE_BEEN_USED: 40163,
  ACCESS_TOKEN_MISSING: 41001,
  APPID_MISSING: 41002,
  SECRET_MISSING: 41004,
  CODE_MISSING: 41008,
  ACCESS_TOKEN_EXPIRED: 42001,
  /** Per-minute quota reached: WeChat is fine, we are calling too often. */
  RATE_LIMITED: 45011,
  DATA_FORMAT_ERROR: 47001,
  /** Subscribe messages (subscribeMessage.send): the openid is not a user of this app. */
  INVALID_OPENID: 40003,
  INVALID_TEMPLATE_ID: 40037,
  /** The page is not a page of the mini-program. */
  INVALID_PAGE: 41030,
  /** The user has no grant left for this template (or refused it): "user refuse to accept the msg". */
  USER_REFUSED: 43101,
  /** The app's daily call quota for this API is used up ("reach max api daily quota limit"). */
  DAILY_QUOTA: 45009,
  /** A template field's value breaks the rules of its type ("argument invalid! data.thing3.value …"). */
  ARGUMENT_INVALID: 47003,
} as const

/**
 * Failures that happen on our side of the wire. Negative and far from WeChat's own -1, so a caller (and a log
 * reader) can tell "WeChat said busy" from "we never got a usable answer".
 */
export const LOCAL_ERRCODE = {
  TIMEOUT: -1000,
  NETWORK: -1001,
  BAD_RESPONSE: -1002,
} as const

/** The user's code is the problem: invalid, expired, already used, or missing. Anything else is not the user's fault. */
const BAD_CODE_ERRCODES: ReadonlySet<number> = new Set([ERRCODE.INVALID_CODE, ERRCODE.CODE_BEEN_USED, ERRCODE.CODE_MISSING])

/** Answers to a call made with an access token that mean "get a new token and try again". */
const TOKEN_ERRCODES: ReadonlySet<number> = new Set([
  ERRCODE.INVALID_CREDENTIAL,
  ERRCODE.INVALID_ACCESS_TOKEN,
  ERRCODE.ACCESS_TOKEN_EXPIRED,
])

export function isTokenRejection(errcode: number): boolean {
  return TOKEN_ERRCODES.has(errcode)
}

export function wechatError(api: string, errcode: number, detail: string): WechatError {
  return new WechatError(errcode, `WeChat ${api} failed: errcode ${errcode} (${detail})`, BAD_CODE_ERRCODES.has(errcode))
}
