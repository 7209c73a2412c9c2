/**
 * The one table of order-management result codes. The client maps a code to a typed error through it, and the
 * sandbox answers with it. Oceanpayment publishes '00' (success) for list queries and '01' for an accepted
 * tracking upload; its other codes are not public, so the rest are this project's own (README: "Oceanpayment
 * gateway SDK"). A code missing from the table is treated as a system error.
 */
import type { ValidationRule } from './validate'

export type ResultKind =
  | 'ok'
  | 'invalid-param'
  | 'bad-signature'
  | 'unknown-terminal'
  | 'not-found'
  | 'state'
  | 'duplicate'
  | 'system'

export interface ResultCode {
  readonly code: string
  readonly name: string
  readonly message: string
  readonly kind: ResultKind
}

export const RESULT_CODES = [
  { code: '00', name: 'success', message: 'Success', kind: 'ok' },
  { code: '01', name: 'accepted', message: 'Accepted (tracking upload)', kind: 'ok' },
  { code: '10', name: 'missing-parameter', message: 'A required parameter is missing', kind: 'invalid-param' },
  { code: '11', name: 'bad-length', message: 'A parameter is too short or too long', kind: 'invalid-param' },
  { code: '12', name: 'bad-format', message: 'A parameter has the wrong format', kind: 'invalid-param' },
  { code: '13', name: 'value-not-allowed', message: 'A parameter has a value outside its list', kind: 'invalid-param' },
  { code: '14', name: 'too-many-values', message: 'A list parameter has too many values', kind: 'invalid-param' },
  { code: '15', name: 'conflicting-parameters', message: 'Parameters that exclude each other were combined', kind: 'invalid-param' },
  { code: '16', name: 'unknown-parameter', message: 'A parameter is not part of this function', kind: 'invalid-param' },
  { code: '17', name: 'bad-date-range', message: 'The end date is before the begin date', kind: 'invalid-param' },
  { code: '20', name: 'bad-signature', message: 'signValue does not match', kind: 'bad-signature' },
  { code: '21', name: 'unknown-terminal', message: 'Unknown account or terminal', kind: 'unknown-terminal' },
  { code: '30', name: 'order-not-found', message: 'No such order or payment', kind: 'not-found' },
  { code: '31', name: 'refund-not-found', message: 'No such refund', kind: 'not-found' },
  { code: '40', name: 'not-refundable', message: 'The payment cannot be refunded', kind: 'state' },
  { code: '41', name: 'amount-exceeds-refundable', message: 'The refund amount exceeds the refundable amount', kind: 'state' },
  { code: '42', name: 'authorization-not-pending', message: 'The payment is not an open pre-authorization', kind: 'state' },
  { code: '43', name: 'customs-already-submitted', message: 'Customs were already submitted; resubmit with type 2', kind: 'state' },
  { code: '44', name: 'customs-not-submitted', message: 'Nothing to resubmit: customs were never submitted', kind: 'state' },
  { code: '50', name: 'duplicate-refund-number', message: 'A refund with this refund_number already exists', kind: 'duplicate' },
  { code: '99', name: 'system-error', message: 'System error, try again later', kind: 'system' },
] as const satisfies readonly ResultCode[]

export type ResultCodeValue = (typeof RESULT_CODES)[number]['code']

const BY_CODE: ReadonlyMap<string, ResultCode> = new Map(RESULT_CODES.map((entry) => [entry.code, entry]))

const UNKNOWN: ResultCode = { code: '', name: 'unknown-code', message: 'Unknown result code', kind: 'system' }

/** The table entry for `code`; unknown codes are system errors (never success). */
export function lookupResultCode(code: string): ResultCode {
  return BY_CODE.get(code) ?? { ...UNKNOWN, code }
}

/** The code the sandbox answers for a validation issue of this rule. */
export const RESULT_CODE_FOR_RULE: Readonly<Record<ValidationRule, ResultCodeValue>> = {
  required: '10',
  'min-length': '11',
  'max-length': '11',
  'item-length': '11',
  format: '12',
  'item-format': '12',
  positive: '12',
  enum: '13',
  'max-items': '14',
  'exactly-one': '15',
  'not-allowed': '15',
  'unknown-field': '16',
  'date-range': '17',
}
