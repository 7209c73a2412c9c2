/**
 * The vocabulary of the demo data: the currencies' reference rates (their list and decimals are the contract's),
 * card brands and their BIN ranges, issuing countries, payment methods, decline codes, case reason codes, carriers.
 * Rates are fixed reference figures (micro-units per US dollar) so conversions are integer arithmetic and
 * reproducible.
 */
import type { CurrencyCode } from '@contract/money'

export interface CurrencyInfo {
  /** Units of this currency per US dollar, in millionths. */
  readonly perUsdMicro: bigint
  /** Flat per-transaction fee in minor units (about USD 0.30). */
  readonly fixedFeeMinor: number
  /** Where cards paying in this currency are mostly issued. */
  readonly countries: readonly string[]
}

export const CURRENCY_INFO: Readonly<Record<CurrencyCode, CurrencyInfo>> = {
  SEK: { perUsdMicro: BigInt(10_500_000), fixedFeeMinor: 315, countries: ['SE'] },
  JPY: { perUsdMicro: BigInt(151_000_000), fixedFeeMinor: 45, countries: ['JP'] },
  HKD: { perUsdMicro: BigInt(7_800_000), fixedFeeMinor: 235, countries: ['HK', 'MO'] },
  DKK: { perUsdMicro: BigInt(6_900_000), fixedFeeMinor: 205, countries: ['DK'] },
  USD: { perUsdMicro: BigInt(1_000_000), fixedFeeMinor: 30, countries: ['US', 'US', 'US', 'US', 'MX', 'BR', 'AE', 'SA', 'IL', 'CL'] },
  CAD: { perUsdMicro: BigInt(1_360_000), fixedFeeMinor: 40, countries: ['CA'] },
  CNY: { perUsdMicro: BigInt(7_200_000), fixedFeeMinor: 215, countries: ['CN'] },
  EUR: { perUsdMicro: BigInt(920_000), fixedFeeMinor: 28, countries: ['DE', 'DE', 'FR', 'FR', 'IT', 'ES', 'NL', 'BE', 'AT', 'IE', 'PT', 'FI'] },
  GBP: { perUsdMicro: BigInt(790_000), fixedFeeMinor: 24, countries: ['GB'] },
  NOK: { perUsdMicro: BigInt(10_700_000), fixedFeeMinor: 320, countries: ['NO'] },
  AUD: { perUsdMicro: BigInt(1_520_000), fixedFeeMinor: 45, countries: ['AU', 'AU', 'AU', 'NZ'] },
  SGD: { perUsdMicro: BigInt(1_340_000), fixedFeeMinor: 40, countries: ['SG', 'SG', 'MY'] },
}

/** A card paid in a currency is sometimes issued elsewhere (travellers, cross-border shoppers). */
export const OTHER_COUNTRIES = ['US', 'GB', 'DE', 'FR', 'CA', 'AU', 'JP', 'KR', 'SG', 'HK', 'CH', 'PL', 'TR', 'IN', 'ZA'] as const

export const CARD_BRANDS = ['Visa', 'MasterCard', 'American Express', 'JCB', 'Discover', 'UnionPay', 'Diners Club'] as const
export type CardBrand = (typeof CARD_BRANDS)[number]

export const CARD_BRAND_WEIGHTS: readonly (readonly [CardBrand, number])[] = [
  ['Visa', 52],
  ['MasterCard', 30],
  ['American Express', 7],
  ['JCB', 5],
  ['Discover', 3],
  ['UnionPay', 2],
  ['Diners Club', 1],
]

/** Plausible BIN prefixes and PAN lengths (only first 6 and last 4 digits are ever stored). */
export const CARD_BINS: Readonly<Record<CardBrand, { readonly bins: readonly string[]; readonly length: number }>> = {
  Visa: { bins: ['411111', '424242', '453201', '476173', '402400', '448590'], length: 16 },
  MasterCard: { bins: ['555555', '510510', '522233', '545454', '222300', '540500'], length: 16 },
  'American Express': { bins: ['378282', '371449', '340000', '376211'], length: 15 },
  JCB: { bins: ['353011', '356600', '358900'], length: 16 },
  Discover: { bins: ['601111', '601100', '650002'], length: 16 },
  UnionPay: { bins: ['622126', '624000', '621700'], length: 16 },
  'Diners Club': { bins: ['305693', '361111', '381234'], length: 14 },
}

/** Brands strongly tied to a home market. */
export const BRAND_HOME_COUNTRY: Partial<Record<CardBrand, readonly string[]>> = {
  JCB: ['JP', 'JP', 'JP', 'TW'],
  UnionPay: ['CN', 'CN', 'HK'],
  Discover: ['US'],
}

export const CARD_METHODS = ['Credit Card', 'Apple Pay', 'Google Pay'] as const
export const PAYMENT_METHOD_WEIGHTS: readonly (readonly [string, number])[] = [
  ['Credit Card', 80],
  ['Apple Pay', 7],
  ['Google Pay', 4],
  ['Alipay', 3],
  ['WeChat Pay', 2],
  ['Klarna', 2],
  ['iDEAL', 1],
  ['PayPal', 1],
]

/** payment_details "code:description" of declines, with how often each occurs. */
export const FAILURE_REASONS: readonly (readonly [readonly [string, string], number])[] = [
  [['20051', 'Insufficient funds'], 26],
  [['20005', 'Do not honor'], 20],
  [['20001', 'Transaction declined by issuer'], 10],
  [['20054', 'Expired card'], 6],
  [['20057', 'Transaction not permitted to cardholder'], 6],
  [['20014', 'Invalid card number'], 5],
  [['20082', 'Incorrect CVV'], 7],
  [['30001', '3-D Secure authentication failed'], 8],
  [['40001', 'Declined by risk control: high risk'], 7],
  [['40002', 'Declined by risk control: blacklisted card'], 2],
  [['20041', 'Lost card, pick up'], 1],
  [['20043', 'Stolen card, pick up'], 1],
  [['50001', 'Payment timed out'], 1],
]

/** Reason codes per brand family; brands without their own list use Visa's numbering family as a stand-in. */
export const CHARGEBACK_REASONS: Readonly<Record<'Visa' | 'MasterCard' | 'American Express' | 'other', readonly (readonly [readonly [string, string], number])[]>> = {
  Visa: [
    [['10.4', 'Other Fraud – Card-Absent Environment'], 40],
    [['13.1', 'Merchandise/Services Not Received'], 25],
    [['13.3', 'Not as Described or Defective Merchandise'], 15],
    [['13.7', 'Cancelled Merchandise/Services'], 8],
    [['12.6', 'Duplicate Processing'], 4],
    [['13.2', 'Cancelled Recurring Transaction'], 8],
  ],
  MasterCard: [
    [['4837', 'No Cardholder Authorization'], 40],
    [['4855', 'Goods or Services Not Provided'], 25],
    [['4853', 'Cardholder Dispute – Not as Described'], 20],
    [['4834', 'Duplicate Processing'], 5],
    [['4863', 'Cardholder Does Not Recognize'], 10],
  ],
  'American Express': [
    [['F29', 'Card Not Present'], 45],
    [['C08', 'Goods/Services Not Received'], 30],
    [['C31', 'Goods/Services Not as Described'], 25],
  ],
  other: [
    [['FR01', 'Fraudulent transaction'], 45],
    [['ND01', 'Goods not delivered'], 35],
    [['QD01', 'Quality dispute'], 20],
  ],
}

export const FRAUD_REASONS: readonly (readonly [readonly [string, string], number])[] = [
  [['TC40-6', 'Card not present fraud (Visa TC40)'], 50],
  [['SAFE-04', 'Misuse of account number (MasterCard SAFE)'], 35],
  [['TC40-0', 'Lost card fraud (Visa TC40)'], 10],
  [['TC40-3', 'Counterfeit card fraud (Visa TC40)'], 5],
]

export const RETRIEVAL_REASONS: readonly (readonly [readonly [string, string], number])[] = [
  [['28', 'Request for copy bearing signature / proof of delivery'], 50],
  [['6341', 'Fraud investigation'], 30],
  [['6321', 'Cardholder does not recognize transaction'], 20],
]

export const DISPUTE_REASONS: readonly (readonly [readonly [string, string], number])[] = [
  [['INQ-ND', 'Cardholder inquiry: item not received'], 45],
  [['INQ-NAD', 'Cardholder inquiry: item not as described'], 35],
  [['INQ-DUP', 'Cardholder inquiry: charged twice'], 20],
]

/** Carriers with the shape of their tracking numbers. */
export const CARRIERS: readonly (readonly [{ readonly site: string; readonly prefix: string; readonly suffix: string; readonly digits: number }, number])[] = [
  [{ site: 'YunExpress', prefix: 'YT', suffix: '', digits: 16 }, 30],
  [{ site: 'China Post', prefix: 'LX', suffix: 'CN', digits: 9 }, 20],
  [{ site: 'DHL', prefix: '', suffix: '', digits: 10 }, 18],
  [{ site: 'UPS', prefix: '1Z', suffix: '', digits: 16 }, 12],
  [{ site: 'FedEx', prefix: '', suffix: '', digits: 12 }, 10],
  [{ site: '4PX', prefix: '4PX', suffix: 'CN', digits: 13 }, 10],
]
