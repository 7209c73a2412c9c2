/**
 * Decimal strings from Oceanpayment ("12.50") to integer minor units of their currency, without floating point.
 */
import { currencyDecimals } from '@contract/money'

/**
 * "12.5" in USD → 1250n. Undefined when the text is not a plain non-negative decimal, or has more decimals than
 * the currency holds (other than trailing zeros): an amount the currency cannot hold is not rounded into one.
 */
export function toMinorUnits(text: string, currency: string): bigint | undefined {
  const match = /^(\d{1,15})(?:\.(\d{1,6}))?$/.exec(text)
  if (match === null) return undefined
  const digits = currencyDecimals(currency)
  const fraction = match[2] ?? ''
  if (fraction.length > digits && !/^0*$/.test(fraction.slice(digits))) return undefined
  return BigInt(match[1] + fraction.slice(0, digits).padEnd(digits, '0'))
}
