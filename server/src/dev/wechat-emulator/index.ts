/**
 * The WeChat emulator: a Fastify plugin the app mounts at /sandbox/wechat outside production (config
 * `sandboxesMounted`). It serves WeChat's server endpoints the login needs, plus two dev endpoints that mint the
 * codes WeChat's client would mint on a phone. Its state lives in the store, so any server process on the same
 * store can redeem a code another minted, also after a restart.
 */
import Ajv from 'ajv'
import type { FastifyInstance } from 'fastify'
import type { Db } from '../../db'
import { devRoutes } from './dev-routes'
import { emulatorStore } from './store'
import { wechatRoutes } from './wechat-routes'
import { DEFAULT_SUBSCRIBE_DAILY_QUOTA, subscribeRoutes } from './subscribe-routes'
import type { SubscribeTopic } from '@contract/subscriptions'
import { wxacodeRoutes } from './wxacode-routes'

export interface WechatEmulatorOptions {
  db: Db
  /** The one appid/secret pair the emulator accepts (config.wechat). */
  appId: string
  secret: string
  /** Epoch milliseconds; tests move it to expire codes and tokens. */
  clock?: () => number
  /** Per-minute quotas: WeChat endpoints per appid and endpoint (errcode 45011), dev endpoints per client address (429). */
  quotas?: { apiPerMinute?: number; devPerMinute?: number; subscribeDailyQuota?: number }
  /** The subscribe-message templates "chosen on the platform" (config.wechat.subscribeTemplates); none by default. */
  subscribeTemplates?: Readonly<Partial<Record<SubscribeTopic, string>>>
}

/** Generous: they exist to catch a runaway loop, not to slow down a test suite that logs in many times. */
export const DEFAULT_API_PER_MINUTE = 2_000
export const DEFAULT_DEV_PER_MINUTE = 600

export async function wechatEmulator(app: FastifyInstance, options: WechatEmulatorOptions): Promise<void> {
  const clock = options.clock ?? Date.now
  const store = emulatorStore(options.db)

  // Fastify's default validator silently drops unknown fields; here a request with an extra field is refused.
  // Scoped to this plugin, so the rest of the app keeps its own settings.
  const ajv = new Ajv({ removeAdditional: false, useDefaults: true, coerceTypes: false, allErrors: false, strict: false })
  app.setValidatorCompiler(({ schema }) => ajv.compile(schema))

  await app.register(wechatRoutes, {
    store,
    appId: options.appId,
    secret: options.secret,
    clock,
    apiPerMinute: options.quotas?.apiPerMinute ?? DEFAULT_API_PER_MINUTE,
  })
  await app.register(wxacodeRoutes, { db: options.db, store, clock, apiPerMinute: options.quotas?.apiPerMinute ?? DEFAULT_API_PER_MINUTE })
  await app.register(devRoutes, {
    store,
    appId: options.appId,
    clock,
    devPerMinute: options.quotas?.devPerMinute ?? DEFAULT_DEV_PER_MINUTE,
  })
  await app.register(subscribeRoutes, {
    db: options.db,
    store,
    appId: options.appId,
    clock,
    templates: options.subscribeTemplates ?? {},
    apiPerMinute: options.quotas?.apiPerMinute ?? DEFAULT_API_PER_MINUTE,
    dailyQuota: options.quotas?.subscribeDailyQuota ?? DEFAULT_SUBSCRIBE_DAILY_QUOTA,
    devPerMinute: options.quotas?.devPerMinute ?? DEFAULT_DEV_PER_MINUTE,
  })
}
