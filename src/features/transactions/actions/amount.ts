/**
 * The amount field of the refund and capture sheets: what the user types (major units) checked against the
 * currency's decimals (contract/money.ts) and the maximum the server allows, as the user types. Amounts stay
 * strings of digits throughout — compared as integer minor units written out, never as floating point.
 */
import { currencyDecimals, type Money } from '@contract/money'

export type AmountProblem = 'empty' | 'format' | 'decimals' | 'zero' | 'over-max'

export type AmountCheck = { ok: true; amount: string } | { ok: false; problem: AmountProblem }

/**
 * `12.5` in USD → `1250`; leading zeros dropped (`0` for zero). null when the text is not a plain non-negative
 * decimal or has more decimals than the currency.
 */
export function toMinorDigits(amount: string, decimals: number): string | null {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(amount)
  if (match === null) return null
  const [, whole, fraction = ''] = match
  if (fraction.length > decimals) return null
  const digits = `${whole}${fraction.padEnd(decimals, '0')}`.replace(/^0+(?=\d)/, '')
  return digits
}

/** Minor-unit digit strings (no sign, no leading zeros) compared by length, then digit by digit. */
export function compareMinor(a: string, b: string): -1 | 0 | 1 {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1
  return a === b ? 0 : a < b ? -1 : 1
}

/** `1250` → `12.50` (USD), `2761` → `2761` (JPY): the wire form, exactly the currency's decimals. */
export function fromMinorDigits(digits: string, decimals: number): string {
  if (decimals === 0) return digits
  const padded = digits.padStart(decimals + 1, '0')
  return `${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`
}

/**
 * Checks what the user typed against the maximum (whose currency it is in): > 0, ≤ max, no more decimals than the
 * currency has. On success `amount` is the wire string with exactly the currency's decimals.
 */
export function checkAmount(text: string, max: Money): AmountCheck {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, problem: 'empty' }
  const decimals = currencyDecimals(max.currency)
  if (!/^\d+(\.\d*)?$/.test(trimmed)) return { ok: false, problem: 'format' }
  const minor = toMinorDigits(trimmed, decimals)
  if (minor === null) return { ok: false, problem: 'decimals' }
  if (minor === '0') return { ok: false, problem: 'zero' }
  const maxMinor = toMinorDigits(max.amount, decimals)
  if (maxMinor === null || compareMinor(minor, maxMinor) > 0) return { ok: false, problem: 'over-max' }
  return { ok: true, amount: fromMinorDigits(minor, decimals) }
}
