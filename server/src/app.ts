/**
 * Builds the HTTP app without listening, so tests drive it with `inject` and main.ts decides where it listens.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import type { ServerConfig } from './config'
import { REQUEST_TIMEOUT_MS, type Db } from './db'
import { handleError, handleFrameworkError, handleNotFound } from './error-handler'
import { routingTransport, type Transport } from './outbound/transport'
import { createLogger, type Logger } from './logging/logger'
import { gapFillPlugin, refundLookupOf } from './notifications'
import { h5Static } from './plugins/h5-static'
import { requestSigning } from './auth/request-signing'
import { IDLE_SWEEP_INTERVAL_MS, idleSweep } from './auth/idle-sweep'
import { adminApiRoutes } from './routes/admin'
import { adminPage } from './routes/admin/page'
import { authRoutes } from './routes/auth'
import { healthRoutes } from './routes/health'
import { readApiRoutes } from './routes/read-api'
import swagger from '@fastify/swagger'
import { openApiOptions } from './routes/docs/openapi'
import { guardInput } from './routes/input-guard'
import { toolsRoutes } from './routes/tools'
import { oceanpaymentWebhookRoutes } from './routes/webhooks/oceanpayment'
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './auth/login'
import { appVersion } from './version'
import { actionClients } from './actions/gateway'
import type { MoneyActionDeps } from './actions/money-actions'
import { reconcilePlugin } from './actions/reconcile-job'
import { actionRoutes } from './routes/actions'
import type { RateLimitRule } from './auth/rate-limits'
import { createWechatClient, type WechatApi, type WechatSubscribeApi } from './wechat'
import { pushPlugin } from './push'
import { subscriptionRoutes } from './routes/subscriptions'
import { schedulerPlugin } from './scheduler'

export interface BuildAppOptions {
  config: ServerConfig
  db: Db
  /** Defaults to a stdout logger at `config.logLevel`; tests pass one that writes to a stream they read. */
  logger?: Logger
  /** How long /api/health waits for the store before answering 503. */
  healthTimeoutMs?: number
  /** WeChat's server API; defaults to the HTTP client on config.wechat (tests pass a fake). */
  wechat?: WechatApi
  /** Subscribe messages' way to WeChat; defaults to the HTTP client on config.wechat (tests pass a faulty one). */
  subscribeSender?: WechatSubscribeApi
  /** Unix ms for sessions, signed-request timestamps, nonces and rate limits; tests move it. Default Date.now. */
  clock?: () => number
  /** Login rate limits; default DEFAULT_LOGIN_LIMITS. */
  loginLimits?: LoginLimits
  /**
   * The development stand-ins (server/src/dev, handed over by start-up or a test); mounted only when
   * `config.sandboxesMounted`. The app itself never imports them.
   */
  standIns?: StandIns
  /** Actions from the phone: tests shorten the reconciler's waits and the rate limit. */
  actions?: { recheckMs?: number; rateLimit?: RateLimitRule; runReconcilerAtStart?: boolean }
  /** Past this a request is answered 503 and logged (default REQUEST_TIMEOUT_MS); tests shorten it. */
  requestTimeoutMs?: number
}

/** What the development stand-ins offer the app and start-up; implemented by server/src/dev/index.ts. */
export interface StandIns {
  /** Registers the stand-ins' routes (the sandbox and the emulator) on the app. */
  mount(app: App, deps: { config: ServerConfig; db: Db; clock: () => number; transport: Transport }): void
  /** Fills an empty store with what development needs (the demo), after the configured merchants. */
  prepareStore(db: Db, config: ServerConfig, logger: Logger, now: Date): Promise<void>
}

export type App = FastifyInstance

/** A caller-supplied id lets a client's log line and ours be matched; anything unusual is replaced, not trusted. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

function requestId(request: IncomingMessage): string {
  const header = request.headers['x-request-id']
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID()
}

export function buildApp(options: BuildAppOptions): App {
  const { config, db } = options
  // Typed as Fastify's logger interface so the instance is a plain FastifyInstance for plugins and tests.
  const logger: FastifyBaseLogger = options.logger ?? createLogger({ level: config.logLevel, format: config.logFormat })
  const app: App = Fastify({
    loggerInstance: logger,
    genReqId: requestId,
    // Fastify's default silently drops properties a schema forbids; callers must hear that a field is not accepted.
    // No coercion either: `"enabled": null` is not false and `"refund"` is not ["refund"]. Query integers and
    // booleans are converted strictly by guardInput (routes/input-guard.ts) before validation.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
    // Malformed percent-encoding and overlong params get our error envelope, not Fastify's own shape.
    frameworkErrors: handleFrameworkError,
    // No request may hang unanswered: past this it gets 503 SERVICE_UNAVAILABLE and a warn line (error-handler.ts).
    handlerTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
  })

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id)
  })
  app.setErrorHandler(handleError)
  // App-wide, before any route's own schema: encoding, control characters, strict query numbers.
  app.addHook('preValidation', guardInput)
  app.setNotFoundHandler(handleNotFound)

  const clock = options.clock ?? Date.now
  const wechatClient = createWechatClient({ ...config.wechat, transport: routingTransport(app), db, logger: app.log })
  const wechat = options.wechat ?? wechatClient
  // Before every route, so the OpenAPI document (GET /api/docs) sees them all.
  void app.register(swagger, openApiOptions)
  // First, so its hook (app-wide through skip-override) guards every /api/ route registered after it.
  void app.register(requestSigning, { db, clock, sessionIdleSeconds: config.sessionIdleSeconds, bodyLimit: app.initialConfig.bodyLimit ?? 1_048_576 })
  // Idle sessions, old nonces and rate-limit windows are swept on a timer, outside every request (issue 14).
  void app.register(idleSweep, { db, clock, sessionIdleSeconds: config.sessionIdleSeconds, intervalMs: IDLE_SWEEP_INTERVAL_MS })
  void app.register(authRoutes, {
    db,
    wechat,
    clock,
    sessionIdleSeconds: config.sessionIdleSeconds,
    loginLimits: options.loginLimits ?? DEFAULT_LOGIN_LIMITS,
  })
  void app.register(adminApiRoutes, { db, config, wechat: wechatClient })
  void app.register(adminPage, { hsts: config.nodeEnv === 'production' })
  void app.register(healthRoutes, { db, version: appVersion, timeoutMs: options.healthTimeoutMs ?? 2_000 })
  // Business-order notices in: pushed by Oceanpayment to the webhook, and fetched by the periodic gap fill.
  void app.register(oceanpaymentWebhookRoutes, { db, config, refundLookup: refundLookupOf(app, config) })
  void app.register(gapFillPlugin, { db, config })
  void app.register(readApiRoutes, { prefix: '/api', db, now: () => new Date(clock()) })
  // Tracking upload and the staff tools (issue 13): signed /api routes that call Oceanpayment through the SDK.
  void app.register(toolsRoutes, { db, config, clock, transport: routingTransport(app) })
  // Refund, capture, void (docs/actions.md): their calls never retried, their open outcomes reconciled.
  const actionTimeoutMs = config.actions.gatewayTimeoutMs
  const actionDeps: MoneyActionDeps = {
    db,
    clientFor: actionClients(config, routingTransport(app), { timeoutMs: actionTimeoutMs, logger: app.log }),
    now: () => new Date(clock()),
    // Looked at once its call can no longer be in flight: the timeout and a margin.
    firstCheckAfterMs: 2 * actionTimeoutMs,
    afterGatewayCall: config.actions.killAfterGatewayCall ? () => process.kill(process.pid, 'SIGKILL') : undefined,
  }
  void app.register(actionRoutes, { prefix: '/api', db, clock, deps: actionDeps, rateLimit: options.actions?.rateLimit })
  void app.register(reconcilePlugin, {
    db,
    clientFor: actionDeps.clientFor,
    now: actionDeps.now,
    intervalMs: config.actions.reconcileIntervalSeconds * 1000,
    recheckMs: options.actions?.recheckMs ?? 60_000,
    inFlightMs: 2 * actionTimeoutMs,
    runAtStart: options.actions?.runReconcilerAtStart,
  })
  // Subscribe messages (docs/push.md): the user's settings, and the sender working off the outbox.
  void app.register(subscriptionRoutes, { db, templates: config.wechat.subscribeTemplates, now: () => new Date(clock()) })
  void app.register(pushPlugin, { db, config, wechat: options.subscribeSender ?? wechatClient, now: () => new Date(clock()) })
  // Deadline reminders and the morning summary (issue 15): one scheduler across processes, by a lease in the store.
  void app.register(schedulerPlugin, { db, now: () => new Date(clock()), intervalMs: config.schedulerIntervalSeconds * 1000 })
  if (config.sandboxesMounted && options.standIns !== undefined) {
    options.standIns.mount(app, { config, db, clock, transport: routingTransport(app) })
  }
  void app.register(h5Static, { h5Dir: config.h5Dir, hsts: config.nodeEnv === 'production' })

  return app
}
