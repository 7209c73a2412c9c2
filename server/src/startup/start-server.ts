/**
 * Starts the server in this process: opens the store, migrates it, prepares it (configured merchants and, outside
 * production, the demo), builds the app and listens. The one place that loads the development stand-ins
 * (server/src/dev): by a dynamic import, only when `config.sandboxesMounted`, so production never loads them.
 */
import type { AddressInfo } from 'node:net'
import { buildApp, type App, type StandIns } from '../app'
import { resolveAdminToken } from '../auth/admin-token'
import type { ServerConfig } from '../config'
import { openDb, type Db } from '../db'
import { migrate } from '../db/migrate'
import { createLogger, type Logger } from '../logging/logger'
import { describeExposure } from './exposure'
import { prepareStore } from './prepare-store'

/** The development stand-ins when this configuration mounts them, else nothing (and nothing of them is loaded). */
export async function loadStandIns(config: Pick<ServerConfig, 'sandboxesMounted'>): Promise<StandIns | undefined> {
  if (!config.sandboxesMounted) return undefined
  const { devStandIns } = await import('../dev')
  return devStandIns
}

export interface RunningServer {
  app: App
  db: Db
  /** Where to reach it, e.g. http://127.0.0.1:8080 (a wildcard host is shown as loopback). */
  url: string
  /** Stops accepting requests, lets in-flight ones finish, then closes the store. Idempotent. */
  close(): Promise<void>
}

export interface StartServerOptions {
  logger?: Logger
  /** Use this store instead of opening the configured one; the caller keeps ownership and closes it. */
  db?: Db
}

function displayUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`
}

export async function startServer(config: ServerConfig, options: StartServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ level: config.logLevel, format: config.logFormat })
  const ownsDb = options.db === undefined
  const onIdleError = (err: Error): void => logger.warn({ err }, 'idle database connection failed')
  const db = options.db ?? (await openDb(config, { onIdleError }))
  const closeDb = async (): Promise<void> => {
    if (ownsDb) await db.close()
  }

  let app: App | undefined
  try {
    const { applied } = await migrate(db, { logger })
    const standIns = await loadStandIns(config)
    await prepareStore(db, config, logger, standIns)
    app = buildApp({ config, db, logger, standIns })
    await app.listen({ port: config.port, host: config.host })
    const { port } = app.server.address() as AddressInfo
    const url = displayUrl(config.host, port)
    logger.info(
      { url, store: db.kind, migrationsApplied: applied.length, h5Dir: config.h5Dir },
      `server ready at ${url}`,
    )
    // Who can reach it: the interface, and who the development stand-ins answer.
    logger.info(
      { host: config.host, sandboxAccess: config.sandboxesMounted ? config.sandboxAccess : undefined },
      describeExposure(config),
    )
    // Where to find the admin token, never the token itself.
    const admin = await resolveAdminToken(config)
    logger.info(`admin page at ${url}/admin; bearer token ${admin.file === undefined ? 'from ADMIN_TOKEN' : `in ${admin.file}`}`)

    const running = app
    let closing: Promise<void> | undefined
    const close = (): Promise<void> =>
      (closing ??= (async () => {
        try {
          await running.close()
        } finally {
          await closeDb()
        }
      })())
    return { app: running, db, url, close }
  } catch (error) {
    await app?.close().catch(() => undefined)
    await closeDb().catch(() => undefined)
    throw error
  }
}
