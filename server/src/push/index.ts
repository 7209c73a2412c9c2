/**
 * Subscribe messages (docs/push.md) as a plugin: the sender on a timer started with the app (the gap-fill job's
 * timer: never two runs at once in one process; several processes may run at once, the send records make that
 * safe), `app.runPushSender()` for tests and the admin, and the user's settings routes.
 */
import type { FastifyInstance } from 'fastify'
import type { ServerConfig } from '../config'
import type { Db } from '../db'
import { startGapFillJob, type GapFillJob } from '../notifications/gap-fill-job'
import type { WechatSubscribeApi } from '../wechat'
import { runPushSender, type PushReport } from './sender'

export { runPushSender, nextBeijingMidnight, type PushReport, type PushSenderOptions } from './sender'
export { FORMATTERS, TEMPLATE_KEYS, formatTemplateData } from './templates'
export { subscriptionSettings } from './subscriptions'

export interface PushPluginOptions {
  db: Db
  config: Pick<ServerConfig, 'wechat' | 'pushIntervalSeconds'>
  wechat: WechatSubscribeApi
  now: () => Date
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Works off the push outbox now (tests, and the timer). */
    runPushSender?: () => Promise<PushReport>
  }
}

async function pushPluginBody(app: FastifyInstance, options: PushPluginOptions): Promise<void> {
  const { db, config, wechat, now } = options
  let running: Promise<PushReport> | undefined
  const run = (): Promise<PushReport> =>
    (running ??= runPushSender({
      db,
      wechat,
      appId: config.wechat.appId,
      templates: config.wechat.subscribeTemplates,
      miniprogramState: config.wechat.miniprogramState,
      now,
      logger: app.log,
    }).finally(() => {
      running = undefined
    }))
  app.decorate('runPushSender', run)
  let job: GapFillJob | undefined
  app.addHook('onReady', async () => {
    if (config.pushIntervalSeconds === 0 || Object.keys(config.wechat.subscribeTemplates).length === 0) return
    job = startGapFillJob({
      intervalSeconds: config.pushIntervalSeconds,
      run,
      onError: (error) => app.log.error({ err: error }, 'subscribe-message sending failed'),
    })
  })
  app.addHook('onClose', async () => {
    await job?.stop()
  })
}

/** skip-override (what fastify-plugin sets): `app.runPushSender` is visible on the whole app. */
export const pushPlugin = Object.assign(pushPluginBody, { [Symbol.for('skip-override')]: true })
