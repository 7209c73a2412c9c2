/**
 * Starts the server: `npx tsx server/src/main.ts`. Launchers import `startServer` instead and run it in-process.
 */
import { realpathSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildApp, type App } from './app'
import { loadConfig, type ServerConfig } from './config/index'
import { openDb, type Db } from './db'
import { migrate } from './db/migrate'
import { createLogger, type Logger } from './logging/logger'
import { resolveAdminToken } from './auth/admin-token'
import { prepareStore } from './startup/prepare-store'

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
  const logger = options.logger ?? createLogger({ level: config.logLevel })
  const ownsDb = options.db === undefined
  const onIdleError = (err: Error): void => logger.warn({ err }, 'idle database connection failed')
  const db = options.db ?? (await openDb(config, { onIdleError }))
  const closeDb = async (): Promise<void> => {
    if (ownsDb) await db.close()
  }

  let app: App | undefined
  try {
    const { applied } = await migrate(db, { logger })
    await prepareStore(db, config, logger)
    app = buildApp({ config, db, logger })
    await app.listen({ port: config.port, host: config.host })
    const { port } = app.server.address() as AddressInfo
    const url = displayUrl(config.host, port)
    logger.info(
      { url, store: db.kind, migrationsApplied: applied.length, h5Dir: config.h5Dir },
      `server ready at ${url}`,
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

/** How long a shutdown may take before the process exits anyway (stuck connections, hung store). */
const SHUTDOWN_GRACE_MS = 10_000

async function main(): Promise<void> {
  const config = loadConfig()
  const logger = createLogger({ level: config.logLevel })
  let server: RunningServer
  try {
    server = await startServer(config, { logger })
  } catch (error) {
    logger.fatal({ err: error }, 'server failed to start')
    process.exitCode = 1
    return
  }

  const shutdown = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'shutting down')
    setTimeout(() => {
      logger.error('shutdown took too long; exiting')
      process.exit(1)
    }, SHUTDOWN_GRACE_MS).unref()
    server.close().then(
      () => logger.info('server stopped'),
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down')
        process.exitCode = 1
      },
    )
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

/** True when this file is the program (`tsx server/src/main.ts`), false when a launcher or a test imports it. */
function isEntryPoint(): boolean {
  const script = process.argv[1]
  if (script === undefined) return false
  const withoutExtension = (path: string): string => path.replace(/\.[cm]?[jt]s$/, '')
  let scriptPath = resolve(script)
  try {
    scriptPath = realpathSync(scriptPath)
  } catch {
    // `tsx server/src/main` (no extension) names no file on disk; compare as given.
  }
  return withoutExtension(scriptPath) === withoutExtension(fileURLToPath(import.meta.url))
}

if (isEntryPoint()) {
  main().catch((error: unknown) => {
    // Before the logger exists (e.g. a ConfigError): stderr is all there is.
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
}
