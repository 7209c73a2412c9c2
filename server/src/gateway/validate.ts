/**
 * Checks a call's parameters against the rules of OPERATIONS before anything is signed or sent (the client) or
 * acted on (the sandbox). Every issue names the field and the rule it broke; messages never echo a value, since
 * some parameters are personal data (pay_userId is an ID card number).
 */
import { COMMON_FIELDS, OPERATIONS, type FieldRule, type OperationName, type OperationSpec, type Params } from './operations'

/**
 * `rule` is one of: required, unknown-field, min-length, max-length, enum, format, positive, max-items,
 * item-length, item-format, exactly-one, not-allowed, date-range. RESULT_CODES maps each to a result code.
 */
export interface ValidationIssue {
  readonly field: string
  readonly rule: ValidationRule
  readonly message: string
}

export type ValidationRule =
  | 'required'
  | 'unknown-field'
  | 'min-length'
  | 'max-length'
  | 'enum'
  | 'format'
  | 'positive'
  | 'max-items'
  | 'item-length'
  | 'item-format'
  | 'exactly-one'
  | 'not-allowed'
  | 'date-range'

export interface ValidateOptions {
  /** The sandbox receives signValue and requires it; the client adds it only after validation. */
  readonly requireSignValue?: boolean
}

const SIGN_VALUE_FIELD: FieldRule = {
  minLength: 64,
  maxLength: 64,
  format: { regex: /^[0-9a-fA-F]{64}$/, description: '64 hexadecimal characters' },
}

function length(value: string): number {
  return [...value].length
}

function isPresent(value: string | undefined): value is string {
  return value !== undefined && value !== ''
}

/** The first rule `value` breaks, or undefined. One issue per field keeps messages readable. */
function checkField(field: string, rule: FieldRule, value: string | undefined): ValidationIssue | undefined {
  if (!isPresent(value)) {
    return rule.required ? { field, rule: 'required', message: `${field} is required` } : undefined
  }
  const chars = length(value)
  if (rule.minLength !== undefined && chars < rule.minLength) {
    return { field, rule: 'min-length', message: `${field} must be at least ${rule.minLength} characters` }
  }
  if (rule.maxLength !== undefined && chars > rule.maxLength) {
    return { field, rule: 'max-length', message: `${field} must be at most ${rule.maxLength} characters` }
  }
  if (rule.enum !== undefined && !rule.enum.includes(value)) {
    return { field, rule: 'enum', message: `${field} must be one of ${rule.enum.join(', ')}` }
  }
  if (rule.format !== undefined && !rule.format.regex.test(value)) {
    return { field, rule: 'format', message: `${field} must be ${rule.format.description}` }
  }
  if (rule.positive && !/[1-9]/.test(value)) {
    return { field, rule: 'positive', message: `${field} must be greater than zero` }
  }
  if (rule.list !== undefined) {
    const items = value.split(',')
    if (rule.list.maxItems !== undefined && items.length > rule.list.maxItems) {
      return { field, rule: 'max-items', message: `${field} may list at most ${rule.list.maxItems} values` }
    }
    for (const item of items) {
      const itemChars = length(item)
      if (itemChars < rule.list.itemMinLength || itemChars > rule.list.itemMaxLength) {
        const range =
          rule.list.itemMinLength === rule.list.itemMaxLength
            ? `${rule.list.itemMinLength}`
            : `${rule.list.itemMinLength} to ${rule.list.itemMaxLength}`
        return { field, rule: 'item-length', message: `each value of ${field} must be ${range} characters` }
      }
      if (rule.list.itemFormat !== undefined && !rule.list.itemFormat.regex.test(item)) {
        return { field, rule: 'item-format', message: `each value of ${field} must be ${rule.list.itemFormat.description}` }
      }
    }
  }
  return undefined
}

/** The regex accepts 2024-02-31; a real calendar does not. */
function isCalendarDate(value: string): boolean {
  const [date = '', time = ''] = value.split(' ')
  const [y, m, d] = date.split('-').map(Number)
  const [hh, mm, ss] = time.split(':').map(Number)
  const parsed = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 0, hh ?? 0, mm ?? 0, ss ?? 0))
  return parsed.getUTCFullYear() === y && parsed.getUTCMonth() === (m ?? 1) - 1 && parsed.getUTCDate() === d
}

function checkDateRange(params: Params, issues: ValidationIssue[]): void {
  const begin = params.order_beginDate
  const end = params.order_endDate
  const invalid = new Set(issues.map((issue) => issue.field))
  for (const field of ['order_beginDate', 'order_endDate'] as const) {
    const value = params[field]
    if (isPresent(value) && !invalid.has(field) && !isCalendarDate(value)) {
      issues.push({ field, rule: 'format', message: `${field} must be a real date and time (yyyy-mm-dd HH:mm:ss)` })
      invalid.add(field)
    }
  }
  // Fixed-width yyyy-mm-dd HH:mm:ss strings order like the instants they name.
  if (isPresent(begin) && isPresent(end) && !invalid.has('order_beginDate') && !invalid.has('order_endDate') && begin > end) {
    issues.push({ field: 'order_endDate', rule: 'date-range', message: 'order_endDate must not be before order_beginDate' })
  }
}

/** Capture/void name the payment; the offline reverse (3) names the order, always for the full amount. */
function checkPreAuthorization(params: Params, issues: ValidationIssue[]): void {
  const type = params.payment_authType
  if (type !== '1' && type !== '2' && type !== '3') return
  const needed = type === '3' ? 'order_number' : 'payment_id'
  const forbidden = type === '3' ? ['payment_id', 'order_amount'] : ['order_number']
  if (!isPresent(params[needed])) {
    issues.push({ field: needed, rule: 'required', message: `${needed} is required when payment_authType is ${type}` })
  }
  for (const field of forbidden) {
    if (isPresent(params[field])) {
      issues.push({ field, rule: 'not-allowed', message: `${field} is not allowed when payment_authType is ${type}` })
    }
  }
}

function checkSpec(spec: OperationSpec, params: Params, issues: ValidationIssue[]): void {
  for (const group of spec.exactlyOne ?? []) {
    const [a, b] = group.fields
    const count = group.fields.filter((field) => isPresent(params[field])).length
    if (count !== 1) {
      issues.push({
        field: `${a}|${b}`,
        rule: 'exactly-one',
        message: `exactly one of ${a} or ${b} is required (${count === 0 ? 'neither' : 'both'} given)`,
      })
    }
  }
  if ('order_beginDate' in spec.fields) checkDateRange(params, issues)
  if (spec.name === 'preAuthorization') checkPreAuthorization(params, issues)
}

/**
 * Every problem with `params` for `operation`, including the common account/terminal parameters. Empty means
 * valid. An empty string counts as absent, as it does in Oceanpayment's signature rule.
 */
export function validateParams(operation: OperationName, params: Params, options: ValidateOptions = {}): ValidationIssue[] {
  const spec = OPERATIONS[operation]
  const issues: ValidationIssue[] = []
  for (const field of Object.keys(params)) {
    const known = field in spec.fields || field in COMMON_FIELDS || (field === 'signValue' && spec.encoding === 'form')
    if (!known) issues.push({ field, rule: 'unknown-field', message: `${field} is not a parameter of ${operation}` })
  }
  for (const [field, rule] of Object.entries(COMMON_FIELDS)) {
    const issue = checkField(field, rule, params[field])
    if (issue) issues.push(issue)
  }
  if (spec.encoding === 'form') {
    const rule = options.requireSignValue ? { ...SIGN_VALUE_FIELD, required: true } : SIGN_VALUE_FIELD
    const issue = checkField('signValue', rule, params.signValue)
    if (issue) issues.push(issue)
  }
  issues.push(...validateOperationFields(operation, params))
  return issues
}

/**
 * The problems of the operation's own parameters only (not account, terminal or signValue, nor unknown fields): what
 * a caller checks at its own boundary, before it knows which terminal will send the call, so that its rules and
 * the SDK's are the same rules.
 */
export function validateOperationFields(operation: OperationName, params: Params): ValidationIssue[] {
  const spec = OPERATIONS[operation]
  const issues: ValidationIssue[] = []
  for (const [field, rule] of Object.entries(spec.fields)) {
    const issue = checkField(field, rule, params[field])
    if (issue) issues.push(issue)
  }
  checkSpec(spec, params, issues)
  return issues
}
