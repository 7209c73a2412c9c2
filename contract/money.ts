/**
 * Money and time as they travel in the read APIs: types, and the currency vocabulary both sides check against.
 * Amounts are decimal strings made from the stored integer minor units (JPY has no decimals), never floats;
 * times are ISO 8601 with the +08:00 offset (Asia/Shanghai), so a client shows `YYYY-MM-DD HH:mm:ss` by
 * cutting the string, without a time-zone library.
 */

/** e.g. `{ currency: 'USD', amount: '-714770.83' }`, `{ currency: 'JPY', amount: '2761' }` */
export interface Money {
  /** ISO 4217 code. */
  currency: string
  /** Decimal string with exactly the currency's number of decimals; may be negative. */
  amount: string
}

/** e.g. `2025-05-15T16:52:56+08:00` */
export type BeijingTime = string

/**
 * The twelve currencies of the funds page (SPEC §3.1), in its order, each with its minor-unit decimals (the ISO 4217
 * exponent: JPY has none). The one table of them: every currency filter, list and amount conversion reads it.
 */
export const CURRENCY_DECIMALS = {
  SEK: 2,
  JPY: 0,
  HKD: 2,
  DKK: 2,
  USD: 2,
  CAD: 2,
  CNY: 2,
  EUR: 2,
  GBP: 2,
  NOK: 2,
  AUD: 2,
  SGD: 2,
} as const

export type CurrencyCode = keyof typeof CURRENCY_DECIMALS

/** The twelve codes in the funds page's order: the values of every currency filter. */
export const CURRENCY_CODES = Object.keys(CURRENCY_DECIMALS) as readonly CurrencyCode[]

/** ISO 4217 exponents other than 2 of currencies beyond the twelve (a payment may still be in one). */
const OTHER_DECIMALS: Readonly<Record<string, number>> = {
  KRW: 0,
  VND: 0,
  CLP: 0,
  ISK: 0,
  UGX: 0,
  PYG: 0,
  XOF: 0,
  XAF: 0,
  BHD: 3,
  JOD: 3,
  KWD: 3,
  OMR: 3,
  TND: 3,
  IQD: 3,
  LYD: 3,
}

const hasOwn = (table: object, key: string): boolean => Object.prototype.hasOwnProperty.call(table, key)

/** Digits after the decimal point of an amount in `currency`: two unless ISO 4217 says otherwise. */
export function currencyDecimals(currency: string): number {
  if (hasOwn(CURRENCY_DECIMALS, currency)) return CURRENCY_DECIMALS[currency as CurrencyCode]
  return hasOwn(OTHER_DECIMALS, currency) ? OTHER_DECIMALS[currency] : 2
}
