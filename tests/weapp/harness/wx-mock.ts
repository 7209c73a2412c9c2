/**
 * The `wx` global for a simulated app: every API miniprogram-simulate knows, each call recorded, with working
 * storage, clipboard and a pluggable wx.request. Taro builds its `Taro.*` wrappers from `Object.keys(wx)` when
 * taro.js loads, so this object must be complete and in place before the build is required.
 */

export interface WxCall {
  api: string
  args: unknown[]
  /** Order across all wx calls of this mock. */
  seq: number
}

export interface WxRequestOptions {
  url: string
  method?: string
  data?: unknown
  header?: Record<string, string>
}

export interface WxRequestResult {
  statusCode: number
  data: unknown
  header?: Record<string, string>
}

/** Answers a wx.request; throw (or reject) to make the request fail like a network error. */
export type RequestHandler = (options: WxRequestOptions) => WxRequestResult | Promise<WxRequestResult>

export interface Navigation {
  api: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch'
  /** The url as passed to wx, including Taro's `__key_` cache parameter. */
  url: string
  /** Leading-slash path, e.g. "/subpackages/finance/transactions/index". */
  path: string
  /** Query without Taro's `__key_`. */
  query: Record<string, string>
}

export interface WxMock {
  /** The object installed as the global `wx`. */
  readonly api: Record<string, unknown>
  readonly calls: readonly WxCall[]
  callsOf(api: string): WxCall[]
  /** First argument of each call of `api` (the options object for most wx APIs). */
  optionsOf<T = Record<string, unknown>>(api: string): T[]
  navigations(): Navigation[]
  clearCalls(): void
  readonly storage: Map<string, unknown>
  clipboard: string
  onRequest(handler: RequestHandler | null): void
}

type Callbacks = { success?: (res: unknown) => void; fail?: (res: unknown) => void; complete?: (res: unknown) => void }
type AnyFunction = (...args: unknown[]) => unknown

const NAVIGATION_APIS = ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch'] as const

export function createWxMock(baseApi: Readonly<Record<string, unknown>>, initialStorage: Record<string, unknown> = {}): WxMock {
  const calls: WxCall[] = []
  const storage = new Map<string, unknown>(Object.entries(initialStorage))
  let requestHandler: RequestHandler | null = null
  let seq = 0

  const state = { clipboard: '' }

  // Behaviour that must be real for the app to work; everything else keeps simulate's canned answers.
  const overrides: Record<string, AnyFunction> = {
    // WeChat returns '' for a missing key.
    getStorageSync: (key) => (storage.has(String(key)) ? storage.get(String(key)) : ''),
    setStorageSync: (key, value) => void storage.set(String(key), value),
    removeStorageSync: (key) => void storage.delete(String(key)),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: (options) => {
      const { key, ...callbacks } = options as { key: string } & Callbacks
      if (storage.has(key)) settle(callbacks, true, { data: storage.get(key), errMsg: 'getStorage:ok' })
      else settle(callbacks, false, { errMsg: 'getStorage:fail data not found' })
    },
    setStorage: (options) => {
      const { key, data, ...callbacks } = options as { key: string; data: unknown } & Callbacks
      storage.set(key, data)
      settle(callbacks, true, { errMsg: 'setStorage:ok' })
    },
    removeStorage: (options) => {
      const { key, ...callbacks } = options as { key: string } & Callbacks
      storage.delete(key)
      settle(callbacks, true, { errMsg: 'removeStorage:ok' })
    },
    setClipboardData: (options) => {
      const { data, ...callbacks } = options as { data: string } & Callbacks
      state.clipboard = data
      settle(callbacks, true, { errMsg: 'setClipboardData:ok' })
    },
    getClipboardData: (options) => settle(options as Callbacks, true, { data: state.clipboard, errMsg: 'getClipboardData:ok' }),
    request: (options) => {
      const { success, fail, complete, ...request } = options as WxRequestOptions & Callbacks
      let aborted = false
      const run = async () => {
        if (!requestHandler) throw new Error('no request handler installed in the weapp harness (use wx.onRequest)')
        return requestHandler(request)
      }
      run().then(
        (result) => {
          if (aborted) return
          const res = { header: {}, ...result, errMsg: 'request:ok' }
          success?.(res)
          complete?.(res)
        },
        (error: unknown) => {
          const res = { errMsg: `request:fail ${aborted ? 'abort' : error instanceof Error ? error.message : String(error)}` }
          fail?.(res)
          complete?.(res)
        },
      )
      return {
        abort: () => void (aborted = true),
        onHeadersReceived: () => undefined,
        offHeadersReceived: () => undefined,
        onChunkReceived: () => undefined,
        offChunkReceived: () => undefined,
      }
    },
  }

  const api: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(baseApi)) {
    if (typeof value !== 'function') {
      api[name] = value
      continue
    }
    const impl = overrides[name] ?? (value as AnyFunction)
    api[name] = (...args: unknown[]) => {
      calls.push({ api: name, args, seq: ++seq })
      return impl(...args)
    }
  }

  return {
    api,
    calls,
    callsOf: (name) => calls.filter((call) => call.api === name),
    optionsOf: <T>(name: string) => calls.filter((call) => call.api === name).map((call) => call.args[0] as T),
    navigations: () =>
      calls
        .filter((call): call is WxCall & { api: Navigation['api'] } => (NAVIGATION_APIS as readonly string[]).includes(call.api))
        .map((call) => {
          const url = String((call.args[0] as { url?: unknown } | undefined)?.url ?? '')
          return { api: call.api, url, ...parseUrl(url) }
        }),
    clearCalls: () => void calls.splice(0, calls.length),
    storage,
    get clipboard() {
      return state.clipboard
    },
    set clipboard(value: string) {
      state.clipboard = value
    },
    onRequest: (handler) => void (requestHandler = handler),
  }
}

/** "/a/b?x=1&__key_=9" → { path: "/a/b", query: { x: "1" } }; Taro adds `__key_` to every navigation. */
export function parseUrl(url: string): { path: string; query: Record<string, string> } {
  const mark = url.indexOf('?')
  const rawPath = mark < 0 ? url : url.slice(0, mark)
  const search = mark < 0 ? '' : url.slice(mark + 1)
  const query = Object.fromEntries([...new URLSearchParams(search)].filter(([key]) => key !== '__key_'))
  return { path: rawPath.startsWith('/') ? rawPath : `/${rawPath}`, query }
}

/** wx answers asynchronously, after the caller has returned. */
function settle(callbacks: Callbacks, ok: boolean, res: unknown): void {
  setTimeout(() => {
    if (ok) callbacks.success?.(res)
    else callbacks.fail?.(res)
    callbacks.complete?.(res)
  }, 0)
}
