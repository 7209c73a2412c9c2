/**
 * Admits a request to an operation the way Oceanpayment would: parameters first (each broken rule answers with
 * its own result code), then the terminal (known, and belonging to the account), then the signature — signValue
 * for form calls, the secureCode header for the JSON calls. Nothing here logs a value.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Queryable } from '../../db'
import { OPERATIONS, RESULT_CODE_FOR_RULE, validateParams, verifyRequest, type OperationName, type Params } from '../../gateway'
import { reject, type Answer } from './context'
import { findTerminal, type SandboxTerminal } from './store/terminals'

export type Admission =
  | { readonly admitted: true; readonly caller: SandboxTerminal; readonly params: Params }
  | { readonly admitted: false; readonly answer: Answer; readonly params: Params; readonly rule?: string }

type Headers = Readonly<Record<string, string | string[] | undefined>>

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name.toLowerCase()]
  return typeof value === 'string' ? value : undefined
}

/** The JSON calls' body plus their credential headers, as the flat string params validateParams checks. */
function jsonParams(body: Record<string, unknown>, headers: Headers): { params: Record<string, string>; conflict?: string } {
  const params: Record<string, string> = {}
  for (const [name, value] of Object.entries(body)) {
    params[name] = Array.isArray(value) ? value.map(String).join(',') : String(value)
  }
  for (const name of ['account', 'terminal'] as const) {
    const fromHeader = header(headers, name)
    if (params[name] !== undefined && fromHeader !== undefined && params[name] !== fromHeader) {
      return { params, conflict: `${name} in the body differs from the ${name} header` }
    }
    if (fromHeader !== undefined) params[name] = fromHeader
  }
  return { params }
}

/** Constant-time equality of two secrets of any length (hashed first so lengths do not leak). */
function sameSecret(a: string, b: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()
  return timingSafeEqual(digest(a), digest(b))
}

export async function admit(
  db: Queryable,
  operation: OperationName,
  rawBody: unknown,
  headers: Headers,
): Promise<Admission> {
  const body = typeof rawBody === 'object' && rawBody !== null && !Array.isArray(rawBody) ? (rawBody as Record<string, unknown>) : {}
  const json = OPERATIONS[operation].encoding === 'json-with-credential-headers'
  let params: Record<string, string> = {}
  if (json) {
    const parsed = jsonParams(body, headers)
    params = parsed.params
    if (parsed.conflict !== undefined) return { admitted: false, answer: reject('15', parsed.conflict), params }
  } else {
    for (const [name, value] of Object.entries(body)) {
      if (typeof value !== 'string') {
        return { admitted: false, answer: reject('12', `${name} must be sent once, as text`), params: {} }
      }
      params[name] = value
    }
  }

  const issues = validateParams(operation, params, { requireSignValue: !json })
  const issue = issues[0]
  if (issue !== undefined) {
    return { admitted: false, answer: reject(RESULT_CODE_FOR_RULE[issue.rule], issue.message), params, rule: issue.rule }
  }

  const caller = await findTerminal(db, params.terminal ?? '')
  if (caller === undefined || caller.account !== params.account) {
    return { admitted: false, answer: reject('21', 'unknown account or terminal'), params }
  }
  if (json) {
    const secureCode = header(headers, 'secureCode')
    if (secureCode === undefined || secureCode === '') {
      return { admitted: false, answer: reject('10', 'the secureCode header is required'), params }
    }
    if (!sameSecret(secureCode, caller.secureCode)) {
      return { admitted: false, answer: reject('20', 'the secureCode header does not match this terminal'), params }
    }
  } else if (!verifyRequest(operation, params, caller.secureCode)) {
    return { admitted: false, answer: reject('20', 'signValue does not match the parameters'), params }
  }
  return { admitted: true, caller, params }
}
