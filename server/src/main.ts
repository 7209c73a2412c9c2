/**
 * Starts the server: `npx tsx server/src/main.ts`. Launchers import `startServer` (startup/start-server.ts)
 * instead and run it in-process.
 */
import { realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig } from './config'
import { createLogger } from './logging/logger'
import { startServer, type RunningServer } from './startup/start-server'

/** How long a shutdown may take before the process exits anyway (stuck connections, hung store). */
const SHUTDOWN_GRACE_MS = 10_000

async function main(): Promise<void> {
  const config = loadConfig()
  const logger = createLogger({ level: config.logLevel, format: config.logFormat })
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
