/**
 * Amounts: integers in minor units in the store (bigint, read back as strings), decimal strings on the wire.
 * Never floating point: every conversion here is string/bigint arithmetic.
 */
import { CURRENCY_CODES, currencyDecimals, type CurrencyCode, type Money } from '@contract/money'

const INTEGER = /^-?\d+$/

/** Accepts what the store hands back for a bigint/numeric sum (a string), a bigint, or a safe integer. */
function toBigInt(minor: bigint | string | number): bigint {
  if (typeof minor === 'bigint') return minor
  if (typeof minor === 'number') {
    if (!Number.isSafeInteger(minor)) throw new RangeError(`minor units must be a safe integer (got ${minor})`)
    return BigInt(minor)
  }
  if (!INTEGER.test(minor)) throw new RangeError(`minor units must be an integer (got "${minor}")`)
  return BigInt(minor)
}

/**
 * A decimal amount in major units as the client sends it ("12.5", "12.50", "1250" in JPY) → minor units. Undefined
 * for anything else: a sign, an exponent, spaces, more decimals than the currency has (even trailing zeros: the
 * contract says "at most the currency's decimals"), or more than 15 integer digits.
 */
export function parseMajor(text: string, currency: string): bigint | undefined {
  const match = /^(0|[1-9]\d{0,14})(?:\.(\d+))?$/.exec(text)
  if (match === null) return undefined
  const digits = currencyDecimals(currency)
  const fraction = match[2] ?? ''
  if (fraction.length > digits || (match[2] !== undefined && fraction.length === 0)) return undefined
  return BigInt(match[1] + fraction.padEnd(digits, '0'))
}

/** 1250 in USD → "12.50"; -5 in USD → "-0.05"; 2761 in JPY → "2761". */
export function formatMinor(minor: bigint | string | number, currency: string): string {
  const value = toBigInt(minor)
  const digits = currencyDecimals(currency)
  const negative = value < BigInt(0)
  const text = (negative ? -value : value).toString().padStart(digits + 1, '0')
  const whole = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`
  return negative ? `-${whole}` : whole
}

export function money(currency: string, minor: bigint | string | number): Money {
  return { currency: currency.trim(), amount: formatMinor(minor, currency.trim()) }
}

/** Orders currencies as the funds page lists them (SPEC's twelve first, then any other alphabetically). */
export function compareCurrencies(a: string, b: string): number {
  const ia = CURRENCY_CODES.indexOf(a as CurrencyCode)
  const ib = CURRENCY_CODES.indexOf(b as CurrencyCode)
  if (ia !== -1 && ib !== -1) return ia - ib
  if (ia !== -1) return -1
  if (ib !== -1) return 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** JSON schema of a Money value in responses. */
export const moneySchema = {
  type: 'object',
  required: ['currency', 'amount'],
  additionalProperties: false,
  properties: {
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    amount: { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' },
  },
} as const
