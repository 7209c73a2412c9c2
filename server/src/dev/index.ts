/**
 * The one door to the development stand-ins: the Oceanpayment sandbox, the WeChat emulator and the demo data.
 * Only start-up code (server/src/startup/) and dev scripts come through here, and start-up loads it with a dynamic
 * import only when `config.sandboxesMounted`, so a production process never even loads these modules. A lint
 * zone (eslint.config.mjs, "stand-ins") refuses any other import of server/src/dev/.
 */
import type { App, StandIns } from '../app'
import type { ServerConfig } from '../config'
import type { Db } from '../db'
import type { Logger } from '../logging/logger'
import type { Transport } from '../outbound/transport'
import { ensureDemoData } from './demo'
import { ensureDemoUsers } from './demo/demo-users'
import { demoDataPresent, killHereInTest, oneProcessAtATime, runStepOnce } from './demo/prepare-steps'
import { mirrorDemoPaymentsIntoSandbox } from './demo/sandbox-mirror'
import { guardLoopbackOnly } from './loopback-guard'
import { oceanpaymentSandbox } from './oceanpayment-sandbox'
import { wechatEmulator } from './wechat-emulator'

export { DEMO_USERS } from './demo/demo-users'
export { DEFAULT_DEMO_SEED, DEFAULT_DEMO_SIZE, loadDemoData, resetDemoData } from './demo'

export interface StandInDeps {
  config: ServerConfig
  db: Db
  clock: () => number
  /** The app's routing transport: the sandbox's notices reach the app's own webhook without a port. */
  transport: Transport
}

/**
 * Mounts the WeChat emulator at /sandbox/wechat and the Oceanpayment sandbox at /sandbox/oceanpayment, both in one
 * encapsulated context whose loopback guard (unless SANDBOX_ACCESS=open) covers every route they have or gain.
 */
function mount(app: App, { config, db, clock, transport }: StandInDeps): void {
  void app.register(async (standIns) => {
    if (config.sandboxAccess === 'loopback') guardLoopbackOnly(standIns)
    await standIns.register(wechatEmulator, { prefix: '/sandbox/wechat', db, ...config.wechat })
    await standIns.register(oceanpaymentSandbox, {
      prefix: '/sandbox/oceanpayment',
      db,
      noticeUrl: config.oceanpayment.sandboxNoticeUrl,
      transport,
      now: () => new Date(clock()),
    })
  })
}

/**
 * The demo: its data when the store is empty, its mini-program accounts, its payments mirrored into the sandbox.
 * Each step checks its own completion (demo/prepare-steps.ts), so a start-up killed half way is completed by the
 * next one.
 */
async function prepareStore(db: Db, config: ServerConfig, logger: Logger, now: Date): Promise<void> {
  if (!config.demoData) return
  await ensureDemoData(db, config, logger, { now })
  killHereInTest('after-demo-data')
  await oneProcessAtATime(db, async () => {
    if (!(await demoDataPresent(db))) return
    const users = await runStepOnce(db, 'users', () => ensureDemoUsers(db))
    const mirrored = await runStepOnce(db, 'sandbox-mirror', () => mirrorDemoPaymentsIntoSandbox(db, now))
    if (users !== undefined || mirrored !== undefined) {
      logger.info({ users, sandboxPayments: mirrored }, 'demo accounts created and recent payments mirrored into the sandbox')
    }
  })
}

export const devStandIns: StandIns = { mount, prepareStore }
