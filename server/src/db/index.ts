/** Opens the store the configuration asks for. */
import type { ServerConfig } from '../config'
import { openPglite } from './pglite'
import { openPostgres } from './postgres'
import type { Db } from './types'

export type { Db, Queryable, QueryResult, StoreKind } from './types'
export { openPglite, type PgliteOptions } from './pglite'
export { openPostgres, type PostgresOptions } from './postgres'
export { DbUnavailableError, type UnavailableReason } from './unavailable'
export { DB_TIMEOUTS, REQUEST_TIMEOUT_MS, RETRY_AFTER_SECONDS } from './timeouts'
export { noticeWriteShare } from './notice-writes'

export interface OpenDbOptions {
  onIdleError?: (error: Error) => void
}

export function openDb(
  config: Pick<ServerConfig, 'databaseUrl' | 'dbPoolMax' | 'pgliteDir'>,
  options: OpenDbOptions = {},
): Promise<Db> {
  if (config.databaseUrl !== undefined) {
    return openPostgres({ connectionString: config.databaseUrl, max: config.dbPoolMax, onIdleError: options.onIdleError })
  }
  return openPglite({ dataDir: config.pgliteDir })
}
