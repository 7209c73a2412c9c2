/**
 * One demo transaction at a given time: who paid how (method, brand, card, country), in what currency and amount,
 * how it ended (success, decline with its code, still pending), what happened after (capture or void of a
 * pre-authorization, refunds, shipping). Settlement fields are filled in afterwards by the ledger.
 */
import {
  BRAND_HOME_COUNTRY,
  CARD_BINS,
  CARD_BRAND_WEIGHTS,
  CARD_METHODS,
  CARRIERS,
  CURRENCY_INFO,
  FAILURE_REASONS,
  OTHER_COUNTRIES,
  PAYMENT_METHOD_WEIGHTS,
} from './catalog'
import { DAY_MS, HOUR_MS, WEEK_MS, formatBeijingDateTime, startOfBeijingWeek } from '@contract/beijing-time'
import { CURRENCY_DECIMALS, type CurrencyCode } from '@contract/money'
import { movedMoney as paymentMovedMoney } from '../../money/refundable'
import { convertMinor, fromUsdCents } from './demo-money'
import type { DemoTransaction } from './model'
import type { DemoRandom } from './prng'
import type { MerchantProfile } from './profiles'

export type Outcome = 'success' | 'failure' | 'pending'

export interface TransactionIntent {
  /** Force a successful authorization still waiting for capture (the 待授权 to-do). */
  pendingAuthorization?: boolean
  /** Force a successful sale. */
  successfulSale?: boolean
}

function digits(random: DemoRandom, count: number): string {
  let text = ''
  for (let i = 0; i < count; i += 1) text += String(random.int(0, 9))
  return text
}

function paymentCurrency(method: string, profile: MerchantProfile, random: DemoRandom): CurrencyCode {
  if (method === 'iDEAL') return 'EUR'
  if (method === 'Alipay' || method === 'WeChat Pay') {
    return random.weighted<CurrencyCode>([
      ['CNY', 5],
      ['HKD', 2],
      ['USD', 3],
    ])
  }
  return random.weighted(profile.currencyWeights)
}

function walletCountry(method: string, currency: CurrencyCode, random: DemoRandom): string {
  if (method === 'Alipay' || method === 'WeChat Pay') return currency === 'HKD' ? 'HK' : 'CN'
  if (method === 'iDEAL') return 'NL'
  return random.pick(CURRENCY_INFO[currency].countries)
}

/** Median-centred log-normal order value, in US cents, clamped to USD 1–3,000. */
function orderValueUsdCents(profile: MerchantProfile, random: DemoRandom): number {
  const cents = Math.round(profile.medianOrderUsdCents * Math.exp(0.85 * random.normal()))
  return Math.min(300_000, Math.max(100, cents))
}

function priceIn(currency: CurrencyCode, usdCents: number, random: DemoRandom): number {
  const minor = fromUsdCents(usdCents, currency)
  // Shop prices tend to end in .99 (or 0 for yen).
  if (CURRENCY_DECIMALS[currency] === 2 && minor > 199 && random.chance(0.45)) return Math.floor(minor / 100) * 100 + 99
  if (currency === 'JPY' && minor > 1000) return Math.round(minor / 10) * 10
  return Math.max(1, minor)
}

function outcome(ageMs: number, random: DemoRandom): Outcome {
  // Payments still in flight (3-D Secure, bank transfer confirmation) only exist for the last couple of days.
  if (ageMs < 2 * DAY_MS && random.chance(0.03)) return 'pending'
  return random.chance(0.885) ? 'success' : 'failure'
}

function authStatus(ageMs: number, random: DemoRandom): 'pending' | 'captured' | 'voided' {
  // Merchants capture within days; an authorization is valid for about 30, so old ones are rarely still pending.
  const ageDays = ageMs / DAY_MS
  if (ageDays < 7 && random.chance(0.7)) return 'pending'
  if (ageDays < 30 && random.chance(0.08)) return 'pending'
  return random.chance(0.86) ? 'captured' : 'voided'
}

export function createTransaction(
  profile: MerchantProfile,
  random: DemoRandom,
  sequence: number,
  paymentTime: number,
  now: number,
  intent: TransactionIntent = {},
): DemoTransaction {
  const account = profile.merchant.account
  const terminal = random.weighted(profile.terminals.map((t) => [t, t.weight] as const))
  const forcedCard = intent.pendingAuthorization === true
  const method = forcedCard ? 'Credit Card' : random.weighted(PAYMENT_METHOD_WEIGHTS)
  const isCard = (CARD_METHODS as readonly string[]).includes(method)
  const currency = paymentCurrency(method, profile, random)
  const amountMinor = priceIn(currency, orderValueUsdCents(profile, random), random)
  const bookingCurrency: CurrencyCode = random.chance(profile.sameCurrencyBooking) ? currency : 'USD'
  const bookingAmountMinor = convertMinor(amountMinor, currency, bookingCurrency)
  const ageMs = now - paymentTime

  let cardBrand: string | null = null
  let cardMasked: string | null = null
  let cardCountry: string
  if (isCard) {
    const brand = random.weighted(CARD_BRAND_WEIGHTS)
    const { bins, length } = CARD_BINS[brand]
    cardBrand = brand
    cardMasked = `${random.pick(bins)}${'*'.repeat(length - 10)}${digits(random, 4)}`
    const home = BRAND_HOME_COUNTRY[brand]
    if (home !== undefined && random.chance(0.8)) cardCountry = random.pick(home)
    else if (random.chance(0.9)) cardCountry = random.pick(CURRENCY_INFO[currency].countries)
    else cardCountry = random.pick(OTHER_COUNTRIES)
  } else {
    cardCountry = walletCountry(method, currency, random)
  }

  const status: Outcome =
    intent.pendingAuthorization === true || intent.successfulSale === true ? 'success' : outcome(ageMs, random)
  const txnType: DemoTransaction['txnType'] =
    intent.pendingAuthorization === true
      ? 'authorization'
      : intent.successfulSale !== true && isCard && random.chance(profile.authorizationShare)
        ? 'authorization'
        : 'sale'
  let auth: DemoTransaction['authStatus'] = null
  if (txnType === 'authorization' && status === 'success') {
    auth = intent.pendingAuthorization === true ? 'pending' : authStatus(ageMs, random)
  }

  let failureCode: string | null = null
  let failureReason: string | null = null
  if (status === 'failure') {
    const [code, reason] = random.weighted(FAILURE_REASONS)
    failureCode = code
    failureReason = reason
  }

  const moved = paymentMovedMoney({ status, txnType, authStatus: auth })
  const info = CURRENCY_INFO[bookingCurrency]
  const feeMinor = moved ? Math.round((bookingAmountMinor * profile.feeBps) / 10_000) + info.fixedFeeMinor : 0
  const depositMinor = moved ? Math.round((bookingAmountMinor * profile.reserveBps) / 10_000) : 0

  // Refunds come within a week of the payment, never in the future.
  let refundedMinor = 0
  let refundStatus: DemoTransaction['refundStatus'] = 'none'
  if (moved && random.chance(0.045)) {
    const refundDelay = random.int(1, 6 * 24) * HOUR_MS
    if (paymentTime + refundDelay <= now) {
      if (random.chance(0.6)) {
        refundedMinor = amountMinor
        refundStatus = 'full'
      } else {
        refundedMinor = Math.max(1, Math.floor((amountMinor * random.int(10, 90)) / 100))
        refundStatus = refundedMinor >= amountMinor ? 'full' : 'partial'
      }
    }
  }

  // Physical goods: a tracking number is uploaded a few days after payment; delivery follows.
  let trackingNumber: string | null = null
  let trackingSite: string | null = null
  let deliveryStatus: DemoTransaction['deliveryStatus'] = 'pending'
  if (moved && refundStatus !== 'full') {
    const ageDays = ageMs / DAY_MS
    const uploaded = ageDays >= 4 ? random.chance(0.93) : random.chance(ageDays / 5)
    if (uploaded) {
      const carrier = random.weighted(CARRIERS)
      trackingNumber = `${carrier.prefix}${digits(random, carrier.digits)}${carrier.suffix}`
      trackingSite = carrier.site
      if (ageDays < 4) deliveryStatus = 'in_transit'
      else if (ageDays < 21) deliveryStatus = random.chance((ageDays - 4) / 17) ? 'delivered' : 'in_transit'
      else deliveryStatus = random.chance(0.96) ? 'delivered' : 'exception'
    }
  }

  // Beijing wall-clock digits, YYYYMMDDHHmmss.
  const stamp = formatBeijingDateTime(paymentTime).replace(/[-: ]/g, '')
  return {
    paymentId: `${stamp.slice(2, 8)}${account}${String(sequence).padStart(7, '0')}`,
    account,
    terminal: terminal.terminal,
    orderNumber: `${terminal.orderPrefix}${stamp}${String(sequence % 1000).padStart(3, '0')}`,
    paymentTime,
    settlementTime: null,
    bookedAt: moved ? bookedAt(txnType, paymentTime, sequence, now) : null,
    txnType,
    status,
    authStatus: auth,
    paymentMethod: method,
    cardBrand,
    cardCountry,
    cardMasked,
    currency,
    amountMinor,
    bookingCurrency,
    bookingAmountMinor,
    feeMinor,
    depositMinor,
    refundedMinor,
    refundStatus,
    failureCode,
    failureReason,
    trackingNumber,
    trackingSite,
    deliveryStatus,
    fundsStatus: 'unsettled',
    fundsBatchNo: null,
    depositStatus: 'unsettled',
    depositBatchNo: null,
    website: terminal.website,
  }
}

/**
 * 记账时间 of a payment that moved money: a sale is booked when it succeeds (its 交易时间); an authorization when it
 * is captured, 1–48 hours later, kept inside the payment's Beijing week (the week the ledger settles it in) and
 * never after `now`. Derived from the sequence, not drawn: the generator's random stream stays as it was.
 */
function bookedAt(txnType: DemoTransaction['txnType'], paymentTime: number, sequence: number, now: number): number {
  if (txnType === 'sale') return paymentTime
  const captured = paymentTime + ((sequence % 48) + 1) * HOUR_MS
  const weekEnd = startOfBeijingWeek(paymentTime) + WEEK_MS - 1000
  return Math.max(paymentTime, Math.min(captured, weekEnd, now))
}

/**
 * Whether the transaction moved money and is therefore settled (and can be refunded or charged back): the app's
 * own rule (money/refundable.ts), so the demo books exactly what the detail screen treats as refundable.
 */
export function movedMoney(txn: DemoTransaction): boolean {
  return paymentMovedMoney(txn)
}
