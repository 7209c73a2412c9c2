/**
 * What the login page says when a login does not go through. One pure mapping from "what happened" to a message
 * key, so every case (declined, not bound, stale code, rate limit, network, server) is tested without a page.
 */
import { isApiClientError } from '@/api'
import type { MessageKey } from '@/i18n/translate'

export interface LoginMessage {
  key: MessageKey
  params?: Record<string, string | number>
}

/** Taro.login failed: WeChat gave no login code (no ApiClientError involved). */
export class WechatLoginError extends Error {
  constructor(reason: string) {
    super(`wx.login failed: ${reason}`)
    this.name = 'WechatLoginError'
  }
}

/** The user closed WeChat's phone dialog, or WeChat has no phone number (the event carries no code). */
export const DECLINED: LoginMessage = { key: 'login.error.declined' }

export function loginErrorMessage(error: unknown): LoginMessage {
  if (error instanceof WechatLoginError) return { key: 'login.error.wechatLogin' }
  if (!isApiClientError(error)) return { key: 'login.error.server' }
  switch (error.code) {
    case 'PHONE_NOT_BOUND':
      return { key: 'login.error.phoneNotBound' }
    case 'WECHAT_CODE_INVALID':
      return { key: 'login.error.codeInvalid' }
  }
  switch (error.kind) {
    case 'rate-limited':
      return error.retryAfterSeconds !== undefined
        ? { key: 'login.error.rateLimitedWait', params: { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) } }
        : { key: 'login.error.rateLimited' }
    case 'network':
      return { key: 'login.error.network' }
    default:
      return { key: 'login.error.server' }
  }
}
