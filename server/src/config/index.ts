/**
 * Server configuration: read from the environment once at start-up, validated as a whole, then frozen.
 * Every problem is reported in one error so a deployment is fixed in one pass, not one variable at a time.
 */
import { isAbsolute, join, resolve } from 'node:path'
import type { StoreKind } from '@contract/api'
import { SUBSCRIBE_TOPICS, type SubscribeTopic } from '@contract/subscriptions'
import { KNOWN_MERCHANTS } from './known-merchants'
import { defaultH5Dir } from '../paths'

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]
/** json: one JSON object per line (machines); pretty: a person's console; auto: pretty when stdout is a terminal. */
export const LOG_FORMATS = ['json', 'pretty', 'auto'] as const
export type LogFormat = (typeof LOG_FORMATS)[number]

export const SANDBOX_ACCESSES = ['loopback', 'open'] as const
export type SandboxAccess = (typeof SANDBOX_ACCESSES)[number]

export const NODE_ENVS = ['development', 'production', 'test'] as const
export type NodeEnv = (typeof NODE_ENVS)[number]

/**
 * Outbound calls to this origin never leave the process: the app's transport hands them to its own router
 * (`app.inject`). It is how a development server talks to its own sandbox and emulator without knowing its port.
 */
export const SELF_ORIGIN = 'http://assistant.internal'

/** One terminal's credentials for signing order-management calls. `secureCode` is a secret: never log it. */
export interface TerminalCredential {
  readonly account: string
  readonly terminal: string
  readonly secureCode: string
}

export interface OceanpaymentConfig {
  /** Base URL per Oceanpayment host (oceanpayment-api.md: query, secure, checkout, card BIN); no trailing slash. */
  readonly baseUrls: {
    readonly query: string
    readonly secure: string
    readonly checkout: string
    readonly cardBin: string
  }
  /** The terminals this server may sign for. Secrets: never log them. */
  readonly terminals: readonly TerminalCredential[]
  /** Where the built-in sandbox sends business-order notifications (only used when the sandbox is mounted). */
  readonly sandboxNoticeUrl: string
}

export interface WechatConfig {
  /** Base URL of the WeChat server API (https://api.weixin.qq.com in production); no trailing slash. */
  readonly apiBase: string
  readonly appId: string
  /** The mini-program's AppSecret: never log it. */
  readonly secret: string
  /**
   * WECHAT_SUBSCRIBE_TEMPLATES: the subscribe-message template id chosen on the WeChat platform per topic
   * (docs/push.md). A topic without one is neither offered nor sent.
   */
  readonly subscribeTemplates: Readonly<Partial<Record<SubscribeTopic, string>>>
  /** Which version a subscribe message opens: 'formal' in production, 'developer' elsewhere (WeChat's names). */
  readonly miniprogramState: 'formal' | 'developer'
}

export interface ServerConfig {
  readonly port: number
  readonly host: string
  /** Absolute. Holds the embedded store (and later other local state). */
  readonly dataDir: string
  /** Set only when running on PostgreSQL. Contains credentials: never log it. */
  readonly databaseUrl: string | undefined
  /**
   * DB_POOL_MAX: PostgreSQL connections per server process (ignored on PGlite, which has one). Each process
   * holds up to this many; keep processes × this under the server's max_connections (100 by default).
   */
  readonly dbPoolMax: number
  readonly store: StoreKind
  /** Absolute; where PGlite keeps its files when `store` is 'pglite'. */
  readonly pgliteDir: string
  readonly logLevel: LogLevel
  /** LOG_FORMAT; defaults to auto outside production and json in production (log collectors read JSON). */
  readonly logFormat: LogFormat
  /** Absolute; the H5 build of the mini-program, served at `/`. */
  readonly h5Dir: string
  readonly nodeEnv: NodeEnv
  /**
   * True outside production: the Oceanpayment sandbox (/sandbox/oceanpayment) and the WeChat emulator
   * (/sandbox/wechat) are mounted. In production they do not exist at all.
   */
  readonly sandboxesMounted: boolean
  /**
   * SANDBOX_ACCESS: who the stand-ins answer. loopback (default): only callers on this machine, since the emulator
   * mints a login code for any phone; open: anyone who reaches the port (a phone on the LAN testing the H5 build).
   */
  readonly sandboxAccess: SandboxAccess
  /** A session idle this long is dead (SPEC §2: ten minutes). */
  readonly sessionIdleSeconds: number
  /** Bearer token of the admin API. Undefined: generated at start and kept in DATA_DIR/admin-token. Secret. */
  readonly adminToken: string | undefined
  /** Load the deterministic demo data into an empty store at start (default outside production). */
  readonly demoData: boolean
  /** How often the business-orders query fills gaps left by lost notifications; 0 turns it off. */
  readonly gapFillIntervalSeconds: number
  /** How often the scheduler (deadline reminders, morning summary) looks for due work; 0 turns it off. */
  readonly schedulerIntervalSeconds: number
  readonly oceanpayment: OceanpaymentConfig
  readonly wechat: WechatConfig
  /** Actions from the phone (docs/actions.md). */
  readonly actions: ActionsConfig
  /** How often the subscribe-message sender works off its queue (docs/push.md); 0 turns it off. */
  readonly pushIntervalSeconds: number
}

export interface ActionsConfig {
  /** How long a refund/capture/void waits for Oceanpayment before its outcome is recorded as unknown. */
  readonly gatewayTimeoutMs: number
  /** How often open actions are reconciled; 0 turns the timer off (the run at start remains). */
  readonly reconcileIntervalSeconds: number
  /** Test-only (refused in production): the process kills itself after a gateway call, before writing its answer. */
  readonly killAfterGatewayCall: boolean
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

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  range: { min: number; max: number },
  issues: string[],
): number {
  const raw = read(env, name)
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || value < range.min || value > range.max) {
    issues.push(`${name} must be an integer from ${range.min} to ${range.max} (got "${raw}")`)
    return fallback
  }
  return value
}

/** A URL variable: validated when set, `fallback` (or undefined in production) when not. */
function baseUrl(env: NodeJS.ProcessEnv, name: string, fallback: string | undefined, issues: string[]): string {
  const raw = read(env, name)
  if (raw === undefined) {
    if (fallback === undefined) issues.push(`${name} is required in production`)
    return fallback ?? ''
  }
  if (!isHttpUrl(raw)) issues.push(`${name} must be an http:// or https:// URL (got "${raw}")`)
  return withoutTrailingSlash(raw)
}

/** `account:terminal:secureCode` entries separated by commas; secureCodes are never echoed in an error. */
function parseTerminals(raw: string, issues: string[]): TerminalCredential[] {
  const credentials: TerminalCredential[] = []
  raw.split(',').forEach((entry, index) => {
    const [account = '', terminal = '', secureCode = '', ...rest] = entry.trim().split(':')
    if (!/^\d{6}$/.test(account) || !/^\d{8,12}$/.test(terminal) || secureCode === '' || rest.length > 0) {
      issues.push(
        `OCEANPAYMENT_TERMINALS entry ${index + 1} must be account(6 digits):terminal(8-12 digits):secureCode (value not shown: it holds a secret)`,
      )
      return
    }
    credentials.push({ account, terminal, secureCode })
  })
  return credentials
}

/** The mini-program credentials the WeChat emulator accepts outside production; production refuses them. */
export const DEV_WECHAT_APPID = 'wx5d0c0de5a1b2c3d4'
const DEV_WECHAT_SECRET = 'devsecret0emulator0only0000000000'

/**
 * The emulator's template ids (outside production, when WECHAT_SUBSCRIBE_TEMPLATES is unset), in WeChat's alphabet
 * (A-Z a-z 0-9 _ -), so the demo's subscribe messages work end to end.
 */
export const DEV_SUBSCRIBE_TEMPLATES: Readonly<Partial<Record<SubscribeTopic, string>>> = {
  chargeback: 'EmuChargeback-0sXq9V1bQpZr4mT7wKc2dYf8hJ3nL',
  fraud: 'EmuFraudAlert-0a7Vn2RkWq5tXz9cLm4pGh1sBd8yF',
  retrieval: 'EmuRetrieval-00Jd3Kf7Qw2Zx8Mv5Tn1Rb6Hc4Ys9Lp',
  refund: 'EmuRefundResult-3Gk8Pz1Wx5Vn2Qr7Tb4Md9Hs6Lc',
  deadline: 'EmuDeadlineReminder-7Rt2Wq9Lx4Nb6Vz1Kc8Pm3Hd',
  summary: 'EmuMorningSummary-5Yh1Qs8Bn3Xw6Tk2Zr9Gf4Lv0',
}

/** WeChat's template ids: letters, digits, "_" and "-". */
const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,128}$/

/** `topic=templateId` pairs separated by commas, each topic at most once. */
function parseSubscribeTemplates(raw: string, issues: string[]): Partial<Record<SubscribeTopic, string>> {
  const templates: Partial<Record<SubscribeTopic, string>> = {}
  const seen = new Set<string>()
  raw.split(',').forEach((entry, index) => {
    const [topic = '', templateId = '', ...rest] = entry.trim().split('=')
    if (!oneOf(SUBSCRIBE_TOPICS, topic) || !TEMPLATE_ID.test(templateId) || rest.length > 0) {
      issues.push(
        `WECHAT_SUBSCRIBE_TEMPLATES entry ${index + 1} must be topic=templateId with topic one of ${SUBSCRIBE_TOPICS.join(', ')} (got "${entry.trim()}")`,
      )
    } else if (templates[topic] !== undefined) {
      issues.push(`WECHAT_SUBSCRIBE_TEMPLATES names ${topic} twice`)
    } else if (seen.has(templateId)) {
      issues.push(`WECHAT_SUBSCRIBE_TEMPLATES gives template ${templateId} to two topics`)
    } else {
      templates[topic] = templateId
      seen.add(templateId)
    }
  })
  return templates
}

function subscribeTemplatesFrom(raw: string | undefined, production: boolean, issues: string[]): Partial<Record<SubscribeTopic, string>> {
  if (raw !== undefined) return parseSubscribeTemplates(raw, issues)
  // Production without templates sends no subscribe message (the in-app messages still work); never the emulator's.
  return production ? {} : { ...DEV_SUBSCRIBE_TEMPLATES }
}

/** The secureCodes of the known terminals exist only in the sandbox: production refuses a terminal signed with one. */
const SANDBOX_SECURE_CODES = new Set(KNOWN_MERCHANTS.flatMap((merchant) => merchant.terminals.map((t) => t.secureCode)))

function defaultTerminals(): TerminalCredential[] {
  return KNOWN_MERCHANTS.flatMap((merchant) =>
    merchant.terminals.map(({ terminal, secureCode }) => ({ account: merchant.account, terminal, secureCode })),
  )
}

/** Every variable naming an upstream this server calls with secrets or merchants' data. */
const UPSTREAM_VARIABLES = [
  'OCEANPAYMENT_API_BASE',
  'OCEANPAYMENT_QUERY_BASE',
  'OCEANPAYMENT_SECURE_BASE',
  'OCEANPAYMENT_CHECKOUT_BASE',
  'OCEANPAYMENT_CARD_BIN_BASE',
  'WECHAT_API_BASE',
] as const

/**
 * True when a URL's path goes through a `sandbox` segment, however it is spelled: `%73andbox` or `%2Fsandbox%2F`
 * reach the same route once the server decodes the path, so the check decodes first (repeatedly, for double encoding).
 */
export function pointsAtSandbox(url: string): boolean {
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    return false
  }
  for (let round = 0; round < 5 && path.includes('%'); round += 1) {
    try {
      path = decodeURIComponent(path)
    } catch {
      // Malformed encoding: no server would route it anywhere but an error; compare what is readable.
      break
    }
  }
  return /(?:^|[/\\])sandbox(?:[/\\]|$)/i.test(path)
}

/** The least an admin token must carry: 128 bits would be 32 random hex digits; 96 leaves room for sampling noise. */
const MIN_TOKEN_BITS = 96

/**
 * Estimated entropy of a token from its own character frequencies (Shannon, times its length), refusing a
 * token that is one short piece repeated (`abcd…abcd` spells many characters but carries only the piece's).
 * 32 identical characters score 0 bits; 32 random hex digits ~117; a 43-character base64url token ~220.
 */
export function hasRealEntropy(token: string): boolean {
  for (let period = 1; period <= token.length / 2; period += 1) {
    if (token.length % period === 0 && token.slice(0, period).repeat(token.length / period) === token) return false
  }
  const counts = new Map<string, number>()
  for (const char of token) counts.set(char, (counts.get(char) ?? 0) + 1)
  let bitsPerChar = 0
  for (const count of counts.values()) {
    const p = count / token.length
    bitsPerChar -= p * Math.log2(p)
  }
  return bitsPerChar * token.length >= MIN_TOKEN_BITS
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

  // Loopback unless told otherwise: a development server is for this machine (and its stand-ins open doors).
  const host = read(env, 'HOST') ?? '127.0.0.1'

  const rawSandboxAccess = read(env, 'SANDBOX_ACCESS') ?? 'loopback'
  let sandboxAccess: SandboxAccess = 'loopback'
  if (oneOf(SANDBOX_ACCESSES, rawSandboxAccess)) sandboxAccess = rawSandboxAccess
  else issues.push(`SANDBOX_ACCESS must be one of ${SANDBOX_ACCESSES.join(', ')} (got "${rawSandboxAccess}")`)

  const dataDir = absolute(read(env, 'DATA_DIR') ?? './data', cwd)

  const databaseUrl = read(env, 'DATABASE_URL')
  // The value is not echoed back: it may hold a password.
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    issues.push('DATABASE_URL must be a postgres:// or postgresql:// URL (value not shown: it may contain a password)')
  }
  // 10 (pg's default) unless measured otherwise (docs/performance.md); at most 100, PostgreSQL's default max_connections.
  const dbPoolMax = integer(env, 'DB_POOL_MAX', 10, { min: 1, max: 100 }, issues)

  const rawLogLevel = read(env, 'LOG_LEVEL') ?? 'info'
  let logLevel: LogLevel = 'info'
  if (oneOf(LOG_LEVELS, rawLogLevel)) {
    logLevel = rawLogLevel
  } else {
    issues.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${rawLogLevel}")`)
  }

  const rawLogFormat = read(env, 'LOG_FORMAT')
  let logFormat: LogFormat | undefined
  if (rawLogFormat !== undefined) {
    if (oneOf(LOG_FORMATS, rawLogFormat)) logFormat = rawLogFormat
    else issues.push(`LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')} (got "${rawLogFormat}")`)
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

  const production = nodeEnv === 'production'
  // Outside production everything defaults to this server's own sandbox and emulator.
  const dev = (path: string): string | undefined => (production ? undefined : `${SELF_ORIGIN}${path}`)

  const sessionIdleSeconds = integer(env, 'SESSION_IDLE_SECONDS', 600, { min: 1, max: 86_400 }, issues)
  const pushIntervalSeconds = integer(env, 'PUSH_INTERVAL_SECONDS', 5, { min: 0, max: 3_600 }, issues)
  const gapFillIntervalSeconds = integer(env, 'GAP_FILL_INTERVAL_SECONDS', 300, { min: 0, max: 86_400 }, issues)
  const schedulerIntervalSeconds = integer(env, 'SCHEDULER_INTERVAL_SECONDS', 60, { min: 0, max: 3_600 }, issues)
  const actionTimeoutMs = integer(env, 'ACTION_GATEWAY_TIMEOUT_MS', 15_000, { min: 100, max: 120_000 }, issues)
  const actionReconcileSeconds = integer(env, 'ACTION_RECONCILE_INTERVAL_SECONDS', 60, { min: 0, max: 86_400 }, issues)
  const killAfterGatewayCall = read(env, 'TEST_KILL_AFTER_GATEWAY_CALL') === '1'
  if (killAfterGatewayCall && production) issues.push('TEST_KILL_AFTER_GATEWAY_CALL is a test hook; production refuses it')

  const adminToken = read(env, 'ADMIN_TOKEN')
  if (adminToken !== undefined && adminToken.length < 32) {
    issues.push('ADMIN_TOKEN must be at least 32 characters (value not shown: it is a secret)')
  } else if (adminToken === undefined && production) {
    issues.push('ADMIN_TOKEN is required in production')
  } else if (adminToken !== undefined && production && !hasRealEntropy(adminToken)) {
    issues.push(
      `ADMIN_TOKEN is too predictable (repeated or patterned characters); use a random one of ${MIN_TOKEN_BITS}+ bits, e.g. \`openssl rand -base64 32\` (value not shown: it is a secret)`,
    )
  }

  const rawDemoData = read(env, 'DEMO_DATA') ?? (production ? 'off' : 'auto')
  if (rawDemoData !== 'auto' && rawDemoData !== 'off') {
    issues.push(`DEMO_DATA must be "auto" or "off" (got "${rawDemoData}")`)
  } else if (rawDemoData === 'auto' && production) {
    // The demo is a development stand-in (server/src/dev): a production process never loads it.
    issues.push('DEMO_DATA=auto is for development only; production refuses demo data')
  }

  const sandboxBase = dev('/sandbox/oceanpayment')
  const allHosts = read(env, 'OCEANPAYMENT_API_BASE')
  const hostFallback = allHosts === undefined ? sandboxBase : withoutTrailingSlash(allHosts)
  if (allHosts !== undefined && !isHttpUrl(allHosts)) {
    issues.push(`OCEANPAYMENT_API_BASE must be an http:// or https:// URL (got "${allHosts}")`)
  }
  const baseUrls = {
    query: baseUrl(env, 'OCEANPAYMENT_QUERY_BASE', hostFallback, issues),
    secure: baseUrl(env, 'OCEANPAYMENT_SECURE_BASE', hostFallback, issues),
    checkout: baseUrl(env, 'OCEANPAYMENT_CHECKOUT_BASE', hostFallback, issues),
    cardBin: baseUrl(env, 'OCEANPAYMENT_CARD_BIN_BASE', hostFallback, issues),
  }
  const rawTerminals = read(env, 'OCEANPAYMENT_TERMINALS')
  let terminals: TerminalCredential[] = []
  if (rawTerminals !== undefined) terminals = parseTerminals(rawTerminals, issues)
  else if (production) issues.push('OCEANPAYMENT_TERMINALS is required in production')
  else terminals = defaultTerminals()
  const sandboxNoticeUrl = baseUrl(env, 'SANDBOX_NOTICE_URL', `${SELF_ORIGIN}/webhooks/oceanpayment`, issues)

  const wechat: WechatConfig = {
    apiBase: baseUrl(env, 'WECHAT_API_BASE', dev('/sandbox/wechat'), issues),
    appId: read(env, 'WECHAT_APPID') ?? (production ? '' : DEV_WECHAT_APPID),
    secret: read(env, 'WECHAT_SECRET') ?? (production ? '' : DEV_WECHAT_SECRET),
    subscribeTemplates: Object.freeze(subscribeTemplatesFrom(read(env, 'WECHAT_SUBSCRIBE_TEMPLATES'), production, issues)),
    miniprogramState: production ? 'formal' : 'developer',
  }
  if (production && wechat.appId === '') issues.push('WECHAT_APPID is required in production')
  if (production && wechat.secret === '') issues.push('WECHAT_SECRET is required in production (value never shown)')
  if (production && (wechat.appId.toLowerCase() === DEV_WECHAT_APPID || wechat.secret === DEV_WECHAT_SECRET)) {
    issues.push('WECHAT_APPID / WECHAT_SECRET are the development pair of the emulator; production needs the real ones')
  }
  const devTemplateIds = new Set(Object.values(DEV_SUBSCRIBE_TEMPLATES))
  if (production && Object.values(wechat.subscribeTemplates).some((id) => devTemplateIds.has(id))) {
    issues.push("WECHAT_SUBSCRIBE_TEMPLATES names the emulator's template ids; production needs the ones chosen on the WeChat platform")
  }
  if (production && terminals.some((credential) => SANDBOX_SECURE_CODES.has(credential.secureCode))) {
    issues.push('OCEANPAYMENT_TERMINALS uses a sandbox secureCode; production needs the real ones')
  }
  if (production) {
    // A production server pointed at a sandbox would take real merchants' logins and actions into a fake world.
    const urls = [...Object.values(baseUrls), wechat.apiBase]
    if (urls.some((url) => url.startsWith(SELF_ORIGIN) || pointsAtSandbox(url))) {
      issues.push('production base URLs must point at Oceanpayment and WeChat, not at a sandbox')
    }
    // Plain http would carry secureCodes' signatures, the AppSecret and merchants' data readable on the way.
    const plain = UPSTREAM_VARIABLES.filter((name) => read(env, name)?.toLowerCase().startsWith('http:') === true)
    if (plain.length > 0) issues.push(`${plain.join(', ')} must use https:// in production (plain http is readable on the way)`)
  }

  if (issues.length > 0) throw new ConfigError(issues)

  const config: ServerConfig = {
    port,
    host,
    dataDir,
    databaseUrl,
    dbPoolMax,
    store: databaseUrl === undefined ? 'pglite' : 'postgres',
    pgliteDir: join(dataDir, 'pglite'),
    logLevel,
    logFormat: logFormat ?? (production ? 'json' : 'auto'),
    h5Dir,
    nodeEnv,
    sandboxesMounted: !production,
    sandboxAccess,
    sessionIdleSeconds,
    adminToken,
    demoData: rawDemoData === 'auto',
    gapFillIntervalSeconds,
    schedulerIntervalSeconds,
    oceanpayment: Object.freeze({
      baseUrls: Object.freeze(baseUrls),
      terminals: Object.freeze(terminals.map((terminal) => Object.freeze(terminal))),
      sandboxNoticeUrl,
    }),
    wechat: Object.freeze(wechat),
    pushIntervalSeconds,
    actions: Object.freeze({ gatewayTimeoutMs: actionTimeoutMs, reconcileIntervalSeconds: actionReconcileSeconds, killAfterGatewayCall }),
  }
  return Object.freeze(config)
}
