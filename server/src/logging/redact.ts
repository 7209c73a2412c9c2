/**
 * Secrets must never reach a log line (SPEC: secureCode, AppSecret, session_key, access_token; oceanpayment-api.md:
 * the account/terminal/secureCode headers). Matching on key names anywhere in a logged object, rather than on a
 * fixed list of paths, also covers fields that later code adds and nests.
 */

import { redactText } from './redact-values'

export const REDACTED = '[REDACTED]'

/**
 * Compared after lower-casing and dropping '-' and '_', so `secureCode`, `secure_code` and `x-secure-code`
 * all match. "session" covers session_key and the mini-program's session header; a signature can be replayed
 * within its validity window, so it goes too.
 */
const SENSITIVE_PARTS = [
  'authorization',
  'cookie',
  'password',
  'secret',
  'securecode',
  'session',
  'signvalue',
  'signature',
  'token',
]

/**
 * Oceanpayment's order-management calls carry `account` and `terminal` as HTTP headers, which must be redacted
 * from every log; elsewhere an account number is a useful, non-secret identifier, so only inside `headers`.
 */
const SENSITIVE_HEADERS = ['account', 'terminal']

function normalise(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '')
}

export function isSensitiveKey(key: string, inHeaders = false): boolean {
  const normalised = normalise(key)
  if (inHeaders && SENSITIVE_HEADERS.includes(normalised)) return true
  return normalised.endsWith('sign') || SENSITIVE_PARTS.some((part) => normalised.includes(part))
}

/**
 * Object literals, and objects built on them such as pino's serialized errors (their prototype chain is
 * Object-based, so `constructor` is Object). Class instances — Error, Fastify's request — are not.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  return Object.getPrototypeOf(value) === null || (value as { constructor?: unknown }).constructor === Object
}

const MAX_DEPTH = 8

/**
 * A copy of `value` with sensitive keys replaced. Only plain objects and arrays are walked: class instances
 * (Error, Fastify request…) are left to their serializers, which redact their own output.
 */
export function redactValue(value: unknown, depth = 0, inHeaders = false): unknown {
  if (depth > MAX_DEPTH) return '[Truncated]'
  if (typeof value === 'string') return redactText(value)
  if (Array.isArray(value)) return value.map((item: unknown) => redactValue(item, depth + 1))
  if (!isPlainObject(value)) return value
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    copy[key] = isSensitiveKey(key, inHeaders) ? REDACTED : redactValue(item, depth + 1, normalise(key) === 'headers')
  }
  return copy
}

/** For a headers object on its own (the request serializer). */
export function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(headers)) copy[key] = isSensitiveKey(key, true) ? REDACTED : redactValue(item)
  return copy
}

export function redactObject(value: Record<string, unknown>): Record<string, unknown> {
  const redacted = redactValue(value)
  return isPlainObject(redacted) ? redacted : value
}

/** `/api/x?token=abc&page=2` → `/api/x?token=[REDACTED]&page=2`; URLs without sensitive parameters are untouched. */
export { redactText }

export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?')
  if (queryStart === -1) return url
  const params = new URLSearchParams(url.slice(queryStart + 1))
  let changed = false
  for (const key of new Set(params.keys())) {
    if (isSensitiveKey(key)) {
      params.set(key, REDACTED)
      changed = true
    }
  }
  return redactText(changed ? `${url.slice(0, queryStart)}?${params.toString()}` : url)
}

/**
 * The statement's parameter list a database error carries (PGlite: `params`, `queryOptions`; others may name it
 * `parameters`): phones, tokens and amounts of whoever was being served. The SQL text itself stays: it has
 * placeholders only and says what failed.
 */
const STATEMENT_PARAMETERS = new Set(['params', 'parameters', 'queryoptions'])

/** A serialized error without parameter lists, at any depth (causes and aggregated errors nest). */
export function withoutStatementParameters(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map((item: unknown) => withoutStatementParameters(item, depth + 1))
  if (!isPlainObject(value)) return value
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    if (!STATEMENT_PARAMETERS.has(key.toLowerCase())) copy[key] = withoutStatementParameters(item, depth + 1)
  }
  return copy
}
