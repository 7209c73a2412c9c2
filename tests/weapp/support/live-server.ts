/**
 * The real assistant server, in this process, answering the simulated app's wx.request: a fresh PGlite store
 * prepared as `npm start` prepares it (migrations, a year of demo data, the demo accounts), the WeChat emulator
 * for logins, and every request going through Fastify's `inject` — signature checks, sessions and schemas
 * included. So a simulate test sees what a phone would see, without a port or a network.
 *
 *   const server = await startLiveServer()             // once per file (loading the demo takes a few seconds)
 *   const login = await server.login()                 // 张敏 at 140105
 *   const app = await server.boot(login)               // the build, logged in, its wx.request answered here
 *   const todos = await server.signedGet(login, '/api/todos')   // what the server says, to compare
 *   ...
 *   await server.close()
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { LoginResponse } from '@contract/auth'
import { buildApp, type App } from '../../../server/src/app'
import { loadConfig } from '../../../server/src/config'
import { openPglite, type Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { createLogger } from '../../../server/src/logging/logger'
import { devStandIns } from '../../../server/src/dev'
import { prepareStore } from '../../../server/src/startup/prepare-store'
import { SESSION_STORAGE_KEY, persistedSessionValue } from '../../../src/stores/session-persistence'
import { createNonceSource, signRequest } from '../../../src/api/signing'
import { bootApp, type WeappApp } from '../harness'
import type { RequestHandler, WxRequestOptions } from '../harness/wx-mock'

const createNonce = createNonceSource()

export const DEMO_PHONE = '13800138000'

export interface RecordedRequest {
  method: string
  /** Path and query as the app sent them. */
  url: string
  statusCode: number
}

export interface LiveServer {
  app: App
  db: Db
  /** Install with `app.wx.onRequest(server.handler)`. */
  handler: RequestHandler
  /** Every request the app made, in order. */
  requests: RecordedRequest[]
  /** Logs a demo user in through the WeChat emulator, as the login page does. */
  login: (phone?: string) => Promise<LoginResponse>
  /** Initial wx storage for `bootApp({ storage })`: the app starts logged in as that session. */
  storageFor: (login: LoginResponse) => Record<string, unknown>
  /** The weapp build booted logged in as that session, its wx.request answered by this server. */
  boot: (login: LoginResponse) => Promise<WeappApp>
  /** A signed GET as that session, straight to the server (not recorded in `requests`); fails unless 200. */
  signedGet: <T>(login: LoginResponse, url: string) => Promise<T>
  close: () => Promise<void>
}

export async function startLiveServer(): Promise<LiveServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'op-weapp-live-'))
  const env = { DATA_DIR: path.join(dir, 'data'), H5_DIR: path.join(dir, 'h5'), LOG_LEVEL: 'silent', NODE_ENV: 'test' }
  const config = loadConfig(env as unknown as NodeJS.ProcessEnv)
  const db = await openPglite({ dataDir: config.pgliteDir })
  const logger = createLogger({ level: 'silent' })
  await migrate(db)
  await prepareStore(db, config, logger, devStandIns)
  const app = buildApp({ config, db, logger, standIns: devStandIns })
  await app.ready()

  const requests: RecordedRequest[] = []
  const handler: RequestHandler = async (options: WxRequestOptions) => {
    const url = stripOrigin(options.url)
    const response = await app.inject({
      method: (options.method ?? 'GET').toUpperCase() as 'GET' | 'POST',
      url,
      headers: options.header ?? {},
      payload: typeof options.data === 'string' ? options.data : options.data === undefined ? undefined : JSON.stringify(options.data),
    })
    requests.push({ method: (options.method ?? 'GET').toUpperCase(), url, statusCode: response.statusCode })
    const header: Record<string, string> = {}
    for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) header[name] = String(value)
    return { statusCode: response.statusCode, data: response.body, header }
  }

  const storageFor = (login: LoginResponse) => ({ [SESSION_STORAGE_KEY]: persistedSessionValue(login) })

  async function post<T>(url: string, payload: unknown): Promise<T> {
    const response = await app.inject({ method: 'POST', url, payload: payload as Record<string, unknown> })
    if (response.statusCode >= 300) throw new Error(`POST ${url} → ${response.statusCode}: ${response.body}`)
    return response.json<T>()
  }

  return {
    app,
    db,
    handler,
    requests,
    login: async (phone = DEMO_PHONE) => {
      const { code: loginCode } = await post<{ code: string }>('/sandbox/wechat/dev/login', {})
      const { code: phoneCode } = await post<{ code: string }>('/sandbox/wechat/dev/phone-code', { phone })
      return post<LoginResponse>('/api/auth/login', { loginCode, phoneCode })
    },
    storageFor,
    boot: async (login) => {
      const booted = await bootApp({ storage: storageFor(login) })
      booted.wx.onRequest(handler)
      return booted
    },
    signedGet: async <T>(login: LoginResponse, url: string): Promise<T> => {
      const timestamp = Date.now()
      const nonce = createNonce(timestamp)
      const response = await app.inject({
        method: 'GET',
        url,
        headers: {
          'X-OP-Session': login.token,
          'X-OP-Timestamp': String(timestamp),
          'X-OP-Nonce': nonce,
          'X-OP-Sign': signRequest(login.signingKey, { method: 'GET', url, body: '', timestamp, nonce }),
        },
      })
      if (response.statusCode !== 200) throw new Error(`GET ${url} → ${response.statusCode}: ${response.body}`)
      return response.json<T>()
    },
    close: async () => {
      await app.close()
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The weapp build may carry an absolute base URL (TARO_APP_API_BASE); the server only needs path and query. */
function stripOrigin(url: string): string {
  const match = /^[a-z]+:\/\/[^/]+(\/.*)?$/i.exec(url)
  return match === null ? url : (match[1] ?? '/')
}
