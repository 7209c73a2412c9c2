/**
 * Oceanpayment's signValue: lowercase hex SHA256 of account + terminal + <the operation's fields> + secureCode,
 * plain concatenation (oceanpayment-api.md). Which fields, in which order, lives in operations.ts; this module
 * only hashes and compares. Comparisons are constant-time and case-insensitive (Oceanpayment's own answers use
 * upper-case hex).
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { NOTIFICATION_SIGNED_FIELDS, OPERATIONS, type NotificationKind, type OperationName, type Params } from './operations'

/** SHA256 over the concatenated parts followed by secureCode, as lowercase hex. */
export function signValue(parts: readonly string[], secureCode: string): string {
  return createHash('sha256').update(parts.join('') + secureCode, 'utf8').digest('hex')
}

/** The signValue of a request: account, terminal, the operation's signed fields, secureCode. */
export function signRequest(operation: OperationName, params: Params, secureCode: string): string {
  const signedFields = OPERATIONS[operation].signedFields
  if (signedFields === undefined) {
    throw new Error(`${operation} is not signed: it sends its credentials as headers`)
  }
  return signValue([params.account ?? '', params.terminal ?? '', ...signedFields(params)], secureCode)
}

const HEX_64 = /^[0-9a-fA-F]{64}$/

/**
 * True when two SHA256 hex strings are equal, ignoring case. Runs in time independent of where they differ;
 * anything that is not 64 hex characters is simply unequal.
 */
export function verifySignature(expectedHex: string, givenHex: string): boolean {
  if (!HEX_64.test(expectedHex) || !HEX_64.test(givenHex)) return false
  return timingSafeEqual(Buffer.from(expectedHex.toLowerCase(), 'ascii'), Buffer.from(givenHex.toLowerCase(), 'ascii'))
}

/** True when a request's signValue matches its params (the sandbox's check). */
export function verifyRequest(operation: OperationName, params: Params, secureCode: string): boolean {
  return verifySignature(signRequest(operation, params, secureCode), params.signValue ?? '')
}

/**
 * signValue of a signed XML answer or record: account + terminal of the caller's credentials, then `fields`'s
 * values from `values` (absent ones contribute nothing), then secureCode.
 */
export function signResponse(
  credentials: { account: string; terminal: string },
  fields: readonly string[],
  values: Readonly<Record<string, string | undefined>>,
  secureCode: string,
): string {
  const parts = fields.map((field) => values[field] ?? '')
  return signValue([credentials.account, credentials.terminal, ...parts], secureCode)
}

/** signValue of a notification of `kind` (default: business-order notification). */
export function signNotification(
  fields: Readonly<Record<string, string | undefined>>,
  secureCode: string,
  kind: NotificationKind = 'businessOrder',
): string {
  const parts = NOTIFICATION_SIGNED_FIELDS[kind].map((field) => fields[field] ?? '')
  return signValue([fields.account ?? '', fields.terminal ?? '', ...parts], secureCode)
}

/** True when the notification's own signValue field matches its content. */
export function verifyNotification(
  fields: Readonly<Record<string, string | undefined>>,
  secureCode: string,
  kind: NotificationKind = 'businessOrder',
): boolean {
  return verifySignature(signNotification(fields, secureCode, kind), fields.signValue ?? '')
}
