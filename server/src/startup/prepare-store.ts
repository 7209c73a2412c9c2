/**
 * What a store needs before the server takes requests, beyond its migrations: the configured merchants and
 * terminals (OCEANPAYMENT_TERMINALS names every merchant this server serves), and outside production the demo:
 * its data when the store is empty, its mini-program accounts, and its payments mirrored into the sandbox.
 */
import type { ServerConfig } from '../config'
import type { Db } from '../db'
import type { StandIns } from '../app'
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

export async function prepareStore(db: Db, config: ServerConfig, logger: Logger, standIns?: StandIns, now: Date = new Date()): Promise<void> {
  await registerConfiguredMerchants(db, config)
  await standIns?.prepareStore(db, config, logger, now)
}
