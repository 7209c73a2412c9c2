/** Integer money arithmetic for the generator: conversions at the catalog's reference rates, rounded half up. */
import { CURRENCY_DECIMALS, type CurrencyCode } from '@contract/money'
import { CURRENCY_INFO } from './catalog'

const TEN = BigInt(10)
const TWO = BigInt(2)

function pow10(exponent: number): bigint {
  let result = BigInt(1)
  for (let i = 0; i < exponent; i += 1) result *= TEN
  return result
}

function divideHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((numerator * TWO + denominator) / (denominator * TWO))
}

/** `amountMinor` of `from` in minor units of `to`. */
export function convertMinor(amountMinor: number, from: CurrencyCode, to: CurrencyCode): number {
  if (from === to) return amountMinor
  const source = CURRENCY_INFO[from]
  const target = CURRENCY_INFO[to]
  const numerator = BigInt(amountMinor) * target.perUsdMicro * pow10(CURRENCY_DECIMALS[to])
  const denominator = source.perUsdMicro * pow10(CURRENCY_DECIMALS[from])
  return divideHalfUp(numerator, denominator)
}

/** US cents in minor units of `to`. */
export function fromUsdCents(usdCents: number, to: CurrencyCode): number {
  return convertMinor(usdCents, 'USD', to)
}

/**
 * The booked-currency equivalent of part of a transaction (a refund, a chargeback): the same share of the booked
 * amount as `partMinor` is of the transaction amount. `(part·booked·2 + whole) / (2·whole)` in integers; the
 * consistency tests recompute it the same way in SQL.
 */
export function bookedShare(partMinor: number, wholeMinor: number, bookedMinor: number): number {
  if (wholeMinor === 0) return 0
  return divideHalfUp(BigInt(partMinor) * BigInt(bookedMinor), BigInt(wholeMinor))
}
