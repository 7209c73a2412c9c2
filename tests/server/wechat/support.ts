/**
 * Shared pieces of the WeChat tests: a migrated store, the emulator mounted alone with a test clock and small quotas
 * (the full app mounts it with the real clock), a transport that records what the client sent, and a clock.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { SELF_ORIGIN } from '../../../server/src/config'
import type { Db } from '../../../server/src/db'
import { migrate } from '../../../server/src/db/migrate'
import { handleError, handleNotFound } from '../../../server/src/error-handler'
import { routingTransport, type HttpRequest, type Transport } from '../../../server/src/outbound/transport'
import { createLogger } from '../../../server/src/logging/logger'
import { createWechatClient, type WechatClientOptions } from '../../../server/src/wechat'
import { wechatEmulator, type WechatEmulatorOptions } from '../../../server/src/dev/wechat-emulator'
import { captureLogs, type LogCapture } from '../harness'
import type { TestStore } from '../stores'

export const APP_ID = 'wx00000000test0001'
export const SECRET = 'test-secret-0123456789abcdef-NEVER-LOGGED'
export const API_BASE = `${SELF_ORIGIN}/sandbox/wechat`

export async function openMigrated(store: TestStore): Promise<Db> {
  const db = await store.open()
  await migrate(db)
  return db
}

export interface TestClock {
  (): number
  advance(ms: number): void
}

export function testClock(start = Date.UTC(2025, 0, 15, 2, 0, 0)): TestClock {
  let now = start
  const clock = (() => now) as TestClock
  clock.advance = (ms) => {
    now += ms
  }
  return clock
}

export interface EmulatorApp {
  app: FastifyInstance
  logs: LogCapture
}

/** The emulator alone at /sandbox/wechat, with the app's error handlers and a log capture. */
export async function emulatorApp(
  db: Db,
  options: Partial<Omit<WechatEmulatorOptions, 'db'>> = {},
): Promise<EmulatorApp> {
  const { capture, destination } = captureLogs()
  // Typed as Fastify's logger interface, as app.ts does, so the instance is a plain FastifyInstance.
  const logger: FastifyBaseLogger = createLogger({ level: 'debug', destination })
  const app: FastifyInstance = Fastify({ loggerInstance: logger })
  app.setErrorHandler(handleError)
  app.setNotFoundHandler(handleNotFound)
  await app.register(wechatEmulator, { prefix: '/sandbox/wechat', db, appId: APP_ID, secret: SECRET, ...options })
  await app.ready()
  return { app, logs: capture }
}

export interface RecordingTransport {
  transport: Transport
  requests: HttpRequest[]
  /** Requests whose URL path ends with `path`, e.g. '/cgi-bin/stable_token'. */
  count(path: string): number
}

export function recording(inner: Transport): RecordingTransport {
  const requests: HttpRequest[] = []
  return {
    requests,
    transport: (request) => {
      requests.push(request)
      return inner(request)
    },
    count: (path) => requests.filter((request) => new URL(request.url).pathname.endsWith(path)).length,
  }
}

/** A client against the emulator app through the server's own routing transport. */
export function emulatorClient(
  app: FastifyInstance,
  db: Db,
  overrides: Partial<WechatClientOptions> = {},
): { client: ReturnType<typeof createWechatClient>; calls: RecordingTransport; logs: LogCapture } {
  const calls = recording(routingTransport(app))
  const { capture, destination } = captureLogs()
  const client = createWechatClient({
    apiBase: API_BASE,
    appId: APP_ID,
    secret: SECRET,
    transport: calls.transport,
    db,
    logger: createLogger({ level: 'debug', destination }),
    ...overrides,
  })
  return { client, calls, logs: capture }
}

/** Mints codes through the emulator's dev endpoints, as the H5 build does. */
export async function mintLoginCode(app: FastifyInstance, device?: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/sandbox/wechat/dev/login',
    payload: device === undefined ? {} : { device },
  })
  if (response.statusCode !== 200) throw new Error(`dev/login: ${response.statusCode} ${response.body}`)
  return (response.json() as { code: string }).code
}

export async function mintPhoneCode(app: FastifyInstance, phone: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/sandbox/wechat/dev/phone-code', payload: { phone } })
  if (response.statusCode !== 200) throw new Error(`dev/phone-code: ${response.statusCode} ${response.body}`)
  return (response.json() as { code: string }).code
}
