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

/** The twelve currencies of the funds page (SPEC §3.1) in its order: the values of every currency filter. */
export const CURRENCY_CODES = ['SEK', 'JPY', 'HKD', 'DKK', 'USD', 'CAD', 'CNY', 'EUR', 'GBP', 'NOK', 'AUD', 'SGD'] as const

export type CurrencyCode = (typeof CURRENCY_CODES)[number]
