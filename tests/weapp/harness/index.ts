/** The weapp simulate harness: boot the real build, open pages, tap, read text, check wx calls and setData. */
export { bootApp, WeappApp, WeappPage } from './weapp-app'
export type { BootOptions, OpenOptions, PageMetrics, SetDataRecord, Target, WaitOptions } from './weapp-app'
export { parseUrl } from './wx-mock'
export type { Navigation, RequestHandler, WxCall, WxMock, WxRequestOptions, WxRequestResult } from './wx-mock'
export type { TaroNode } from './taro-dom'
