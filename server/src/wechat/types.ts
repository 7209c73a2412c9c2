/**
 * What the login needs from WeChat's server API. `wechat/client.ts` implements it over HTTP against WeChat (or
 * the emulator, by base URL); login code depends on this interface only.
 */

export interface WechatSession {
  openid: string
  unionid?: string
  /** Secret: stays on the server, never in a response or a log line. */
  sessionKey: string
}

export interface WechatPhone {
  /** With country code for non-mainland numbers, e.g. "13800138000" or "+85212345678". */
  phoneNumber: string
  /** Without country code. */
  purePhoneNumber: string
  countryCode: string
}

/** A WeChat error the caller must tell apart: the user's code is bad (400) vs WeChat is unhealthy (502). */
export class WechatError extends Error {
  readonly errcode: number
  /** True when the user's code was invalid, expired or already used. */
  readonly badCode: boolean

  constructor(errcode: number, message: string, badCode: boolean) {
    super(message)
    this.name = 'WechatError'
    this.errcode = errcode
    this.badCode = badCode
  }
}

export interface WechatApi {
  /** `GET /sns/jscode2session` with the code from `wx.login`. */
  code2Session(loginCode: string): Promise<WechatSession>
  /** `POST /wxa/business/getuserphonenumber` with the code from `getPhoneNumber`. */
  getPhoneNumber(phoneCode: string): Promise<WechatPhone>
}

/** `POST /cgi-bin/message/subscribe/send`: one subscribe message (WeChat's field names). */
export interface SubscribeMessage {
  touser: string
  template_id: string
  /** The mini-program page it opens, no leading slash, query allowed (e.g. "pages/message-detail/index?id=7"). */
  page: string
  data: Record<string, { value: string }>
  miniprogram_state: 'developer' | 'trial' | 'formal'
  lang: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW'
}

/**
 * What became of one send, as far as this server can know:
 * - answered: WeChat answered with this errcode (0 = delivered to WeChat; anything else = WeChat did not send it);
 * - not-sent: it never left this server (no access token could be had), so it may be tried again;
 * - unknown: it left, but no trustworthy answer came back (timeout, HTTP 5xx, a broken answer, the connection
 *   dropped) — the user may have it, so it must not be sent again.
 */
export type SubscribeSendResult =
  | { outcome: 'answered'; errcode: number }
  | { outcome: 'not-sent'; errcode: number }
  | { outcome: 'unknown'; errcode: number }

export interface WechatSubscribeApi {
  sendSubscribeMessage(message: SubscribeMessage): Promise<SubscribeSendResult>
}

/** `POST /wxa/getwxacodeunlimit`: the mini-program code for a page and a scene (≤ 32 visible characters). */
export interface WxacodeRequest {
  scene: string
  /** A published page, no leading '/', no query, e.g. 'pages/login/index'. */
  page: string
  checkPath: boolean
  envVersion: 'release' | 'trial' | 'develop'
  /** Pixels, 280–1280. */
  width: number
}

/** `POST /wxa/generate_urllink`: a link for SMS, e-mail or a web page that opens the mini-program. */
export interface UrlLinkRequest {
  path: string
  query: string
  /** Days the link stays valid (expire_type 1): WeChat allows 1–30. */
  expireIntervalDays: number
  envVersion: 'release' | 'trial' | 'develop'
}

/** The mini-program code and URL link APIs (issue 15): the admin page hands them to staff. */
export interface WechatLinksApi {
  /** The code as image bytes (PNG). */
  getWxacodeUnlimit(request: WxacodeRequest): Promise<Buffer>
  /** WeChat's url_link. */
  generateUrlLink(request: UrlLinkRequest): Promise<string>
}
