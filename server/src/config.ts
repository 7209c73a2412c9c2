/**
 * Server configuration: read from the environment once at start-up, validated as a whole, then frozen.
 * Every problem is reported in one error so a deployment is fixed in one pass, not one variable at a time.
 */
import { isAbsolute, join, resolve } from 'node:path'
import type { StoreKind } from '../../types/api'
import { defaultH5Dir } from './paths'

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export const NODE_ENVS = ['development', 'production', 'test'] as const
export type NodeEnv = (typeof NODE_ENVS)[number]

export interface ServerConfig {
  readonly port: number
  readonly host: string
  /** Absolute. Holds the embedded store (and later other local state). */
  readonly dataDir: string
  /** Set only when running on PostgreSQL. Contains credentials: never log it. */
  readonly databaseUrl: string | undefined
  readonly store: StoreKind
  /** Absolute; where PGlite keeps its files when `store` is 'pglite'. */
  readonly pgliteDir: string
  readonly logLevel: LogLevel
  /** Absolute; the H5 build of the mini-program, served at `/`. */
  readonly h5Dir: string
  readonly nodeEnv: NodeEnv
}

export class ConfigError extends Error {
  readonly issues: readonly string[]

  constructor(issues: readonly string[]) {
    super(`Invalid server configuration:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`)
    this.name = 'ConfigError'
    this.issues = issues
  }
}

/** An empty variable counts as unset: `PORT=` in a .env file usually means "use the default". */
function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim()
  return value === undefined || value === '' ? undefined : value
}

function oneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value)
}

function absolute(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path)
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'postgres:' || url.protocol === 'postgresql:'
  } catch {
    return false
  }
}

/**
 * @param env  the environment to read (tests pass their own)
 * @param cwd  base for relative DATA_DIR / H5_DIR
 * @throws ConfigError listing every missing or invalid variable
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): ServerConfig {
  const issues: string[] = []

  const rawPort = read(env, 'PORT') ?? '8080'
  const port = Number(rawPort)
  // 0 is allowed on purpose: it asks the OS for a free port (launcher scripts and tests use it).
  if (!/^\d+$/.test(rawPort) || port > 65_535) {
    issues.push(`PORT must be an integer from 0 to 65535 (got "${rawPort}")`)
  }

  const host = read(env, 'HOST') ?? '0.0.0.0'

  const dataDir = absolute(read(env, 'DATA_DIR') ?? './data', cwd)

  const databaseUrl = read(env, 'DATABASE_URL')
  // The value is not echoed back: it may hold a password.
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    issues.push('DATABASE_URL must be a postgres:// or postgresql:// URL (value not shown: it may contain a password)')
  }

  const rawLogLevel = read(env, 'LOG_LEVEL') ?? 'info'
  let logLevel: LogLevel = 'info'
  if (oneOf(LOG_LEVELS, rawLogLevel)) {
    logLevel = rawLogLevel
  } else {
    issues.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${rawLogLevel}")`)
  }

  const rawH5Dir = read(env, 'H5_DIR')
  const h5Dir = rawH5Dir === undefined ? defaultH5Dir : absolute(rawH5Dir, cwd)

  const rawNodeEnv = read(env, 'NODE_ENV') ?? 'development'
  let nodeEnv: NodeEnv = 'development'
  if (oneOf(NODE_ENVS, rawNodeEnv)) {
    nodeEnv = rawNodeEnv
  } else {
    issues.push(`NODE_ENV must be one of ${NODE_ENVS.join(', ')} (got "${rawNodeEnv}")`)
  }

  if (issues.length > 0) throw new ConfigError(issues)

  const config: ServerConfig = {
    port,
    host,
    dataDir,
    databaseUrl,
    store: databaseUrl === undefined ? 'pglite' : 'postgres',
    pgliteDir: join(dataDir, 'pglite'),
    logLevel,
    h5Dir,
    nodeEnv,
  }
  return Object.freeze(config)
}
