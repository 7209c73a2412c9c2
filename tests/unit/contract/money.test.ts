import { describe, expect, it } from 'vitest'
import { CURRENCY_CODES, CURRENCY_DECIMALS, currencyDecimals } from '@contract/money'

describe('the currencies', () => {
  it('are the funds page’s twelve, in its order', () => {
    expect(CURRENCY_CODES).toEqual(['SEK', 'JPY', 'HKD', 'DKK', 'USD', 'CAD', 'CNY', 'EUR', 'GBP', 'NOK', 'AUD', 'SGD'])
    expect(Object.keys(CURRENCY_DECIMALS)).toEqual(CURRENCY_CODES)
  })

  it('have ISO 4217 decimals: two unless the currency says otherwise', () => {
    expect(currencyDecimals('USD')).toBe(2)
    expect(currencyDecimals('JPY')).toBe(0)
    expect(currencyDecimals('KRW')).toBe(0)
    expect(currencyDecimals('KWD')).toBe(3)
    expect(currencyDecimals('XYZ')).toBe(2)
    expect(currencyDecimals('constructor')).toBe(2)
  })
})
