/**
 * How each demo merchant does business: which terminals take how much, which currencies its shoppers pay in, how
 * it books them, how many pre-authorizations it takes, its rolling reserve. The generator turns a profile into a
 * year of data; the two profiles differ so that per-merchant figures never coincide by accident.
 */
import type { CurrencyCode } from '@contract/money'
import { DEMO_MERCHANT, SECOND_MERCHANT, type KnownMerchant } from '../../config/known-merchants'

export interface TerminalProfile {
  readonly terminal: string
  readonly weight: number
  /** Prefix of the merchant's website order numbers from this terminal. */
  readonly orderPrefix: string
  readonly website: string
}

export interface AccountManagerProfile {
  readonly name: string
  readonly phone: string
  readonly wecomId: string
  readonly email: string
}

export interface MerchantProfile {
  readonly merchant: KnownMerchant
  readonly terminals: readonly TerminalProfile[]
  readonly currencyWeights: readonly (readonly [CurrencyCode, number])[]
  /** Share of transactions booked in their own currency; the rest is booked in USD. */
  readonly sameCurrencyBooking: number
  /** Share of card transactions that are pre-authorizations (captured or voided later). */
  readonly authorizationShare: number
  /** Rolling reserve withheld from each settled transaction, in basis points; released after 26 weeks. */
  readonly reserveBps: number
  /** Processing fee in basis points of the booked amount (plus the currency's fixed fee). */
  readonly feeBps: number
  /** Median order value in US cents. */
  readonly medianOrderUsdCents: number
  /**
   * A chargeback wave (a card-testing attack months ago, disputed now) that pushes the pending settlement of this
   * booking currency below zero, as the seed's "USD -714,770.83" shows happens.
   */
  readonly chargebackWaveCurrency: CurrencyCode | undefined
  readonly manager: AccountManagerProfile
}

export const DEMO_PROFILE: MerchantProfile = {
  merchant: DEMO_MERCHANT,
  terminals: [
    { terminal: '14010588', weight: 60, orderPrefix: 'OD', website: 'www.oceandemo-shop.com' },
    { terminal: '14010501', weight: 28, orderPrefix: 'MB', website: 'm.oceandemo-shop.com' },
    { terminal: '14010502', weight: 12, orderPrefix: 'MK', website: 'mall.oceandemo-shop.com' },
  ],
  currencyWeights: [
    ['USD', 36],
    ['EUR', 17],
    ['GBP', 10],
    ['JPY', 7],
    ['CAD', 5],
    ['AUD', 5],
    ['HKD', 4],
    ['SGD', 3],
    ['CNY', 4],
    ['SEK', 3],
    ['NOK', 3],
    ['DKK', 3],
  ],
  sameCurrencyBooking: 0.7,
  authorizationShare: 0.12,
  reserveBps: 500,
  feeBps: 290,
  medianOrderUsdCents: 6_500,
  chargebackWaveCurrency: 'USD',
  manager: { name: '商昭', phone: '13612340105', wecomId: 'shangzhao-oceanpayment', email: 'shangzhao@oceanpayment.com.cn' },
}

export const SECOND_PROFILE: MerchantProfile = {
  merchant: SECOND_MERCHANT,
  terminals: [
    { terminal: '15020701', weight: 80, orderPrefix: 'HO', website: 'www.harbour-outdoor.example' },
    { terminal: '15020702', weight: 20, orderPrefix: 'HW', website: 'wholesale.harbour-outdoor.example' },
  ],
  currencyWeights: [
    ['USD', 45],
    ['EUR', 20],
    ['GBP', 15],
    ['CAD', 10],
    ['AUD', 6],
    ['NOK', 4],
  ],
  sameCurrencyBooking: 0.5,
  authorizationShare: 0.05,
  reserveBps: 1000,
  feeBps: 340,
  medianOrderUsdCents: 14_000,
  chargebackWaveCurrency: undefined,
  manager: { name: '林晓', phone: '13712340207', wecomId: 'linxiao-oceanpayment', email: 'linxiao@oceanpayment.com.cn' },
}
