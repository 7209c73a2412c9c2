/** WeChat: the server API client the login uses, and the emulator that stands in for WeChat outside production. */
export { createWechatClient, DEFAULT_TIMEOUT_MS, REFRESH_EARLY_MS } from './client'
export type { WechatClientOptions, WechatLogger } from './client'
export { ERRCODE, LOCAL_ERRCODE } from './errcodes'
export { WechatError } from './types'
export type { WechatApi, WechatPhone, WechatSession } from './types'
export type { SubscribeMessage, SubscribeSendResult, WechatSubscribeApi } from './types'
