/** Builds the app in-process, the way the tests need it: own config, a chosen Db, logs captured in memory. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp, type App } from '../../server/src/app'
import { loadConfig, type ServerConfig } from '../../server/src/config'
import type { Db } from '../../server/src/db'
import { devStandIns } from '../../server/src/dev'
import { createLogger } from '../../server/src/logging/logger'

export interface LogCapture {
  /** Raw log text, to assert that a secret appears nowhere. */
  text(): string
  /** Parsed log lines. */
  lines(): Array<Record<string, unknown>>
}

export function captureLogs(): { capture: LogCapture; destination: { write(line: string): void } } {
  const written: string[] = []
  return {
    destination: { write: (line: string) => void written.push(line) },
    capture: {
      text: () => written.join(''),
      lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
    },
  }
}

/**
 * A config as production would load it, with the data and H5 dirs in a fresh temp dir by default. The scheduler's
 * timer is off unless a test turns it on: a reminder or summary made mid-test by the wall clock would change what
 * other tests count (its own tests drive it with a fake clock).
 */
export function testConfig(env: NodeJS.ProcessEnv = {}): ServerConfig {
  const dir = mkdtempSync(join(tmpdir(), 'op-server-test-'))
  const defaults = { DATA_DIR: join(dir, 'data'), H5_DIR: join(dir, 'h5'), LOG_LEVEL: 'info', NODE_ENV: 'test', SCHEDULER_INTERVAL_SECONDS: '0' }
  return loadConfig({ ...defaults, ...env })
}

export interface TestApp {
  app: App
  logs: LogCapture
}

export function buildTestApp(db: Db, config: ServerConfig = testConfig(), healthTimeoutMs?: number): TestApp {
  const { capture, destination } = captureLogs()
  const app = buildApp({ config, db, logger: createLogger({ level: 'debug', destination }), healthTimeoutMs, standIns: devStandIns })
  return { app, logs: capture }
}
