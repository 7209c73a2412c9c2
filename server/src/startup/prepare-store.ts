/**
 * What a store needs before the server takes requests, beyond its migrations: the configured merchants and
 * terminals (OCEANPAYMENT_TERMINALS names every merchant this server serves), and outside production the demo:
 * its data when the store is empty, its mini-program accounts, and its payments mirrored into the sandbox.
 */
import type { ServerConfig } from '../config/index'
import type { Db } from '../db'
import { ensureDemoData } from '../dev/demo'
import { ensureDemoUsers } from '../dev/demo/demo-users'
import { mirrorDemoPaymentsIntoSandbox } from '../dev/demo/sandbox-mirror'
import type { Logger } from '../logging/logger'
import { merchantsRepository } from '../repositories/merchants'

export async function registerConfiguredMerchants(db: Db, config: ServerConfig): Promise<void> {
  await db.transaction(async (tx) => {
    const merchants = merchantsRepository(tx)
    for (const { account, terminal } of config.oceanpayment.terminals) {
      await merchants.upsert({ account })
      await merchants.upsertTerminal({ account, terminal })
    }
  })
}

export async function prepareStore(db: Db, config: ServerConfig, logger: Logger, now: Date = new Date()): Promise<void> {
  await registerConfiguredMerchants(db, config)
  const demo = await ensureDemoData(db, config, logger, { now })
  if (demo?.loaded !== true) return
  const users = await ensureDemoUsers(db)
  const mirrored = config.sandboxesMounted ? await mirrorDemoPaymentsIntoSandbox(db, now) : 0
  logger.info({ users, sandboxPayments: mirrored }, 'demo accounts created and recent payments mirrored into the sandbox')
}
