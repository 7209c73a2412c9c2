/**
 * Amounts in the sandbox: integers in minor units in the store, decimal strings on the wire (never floats).
 * The number of decimals is the contract's (contract/money.ts).
 */
import { currencyDecimals } from '@contract/money'

/**
 * "12.5" in USD → 1250. Undefined when the text is not a plain non-negative decimal with at most as many
 * decimals as the currency has (a wire amount the currency cannot hold is a bad parameter, not something to round).
 */
export function parseAmount(text: string, currency: string): bigint | undefined {
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(text)
  if (match === null) return undefined
  const exponent = currencyDecimals(currency)
  const fraction = match[2] ?? ''
  if (fraction.length > exponent) {
    // Trailing zeros beyond the exponent ("10.00" in JPY) say nothing more and are accepted.
    if (!/^0*$/.test(fraction.slice(exponent))) return undefined
  }
  const digits = match[1] + fraction.slice(0, exponent).padEnd(exponent, '0')
  return BigInt(digits)
}

/** 1250 minor units of USD → "12.50"; -5 → "-0.05". */
export function formatAmount(minor: bigint, currency: string): string {
  const exponent = currencyDecimals(currency)
  const negative = minor < BigInt(0)
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0')
  const whole = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
  return negative ? `-${whole}` : whole
}
