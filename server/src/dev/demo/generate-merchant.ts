/**
 * A year of one merchant's business up to `now`, generated deterministically from a seed: transactions in time
 * order (streamed in chunks, so a million never sit in memory at once), then the cases, settlement batches, fund
 * balances, notices and account manager that follow from them.
 */
import { DAY_MS, HOUR_MS, WEEK_MS, beijingDate, beijingHour, beijingWeekday, startOfBeijingDay } from '@contract/beijing-time'
import { CURRENCY_CODES, type CurrencyCode } from '@contract/money'
import type { CaseKind } from '@contract/transactions'
import { CaseBook } from './case-book'
import type {
  DemoAccountManager,
  DemoBatch,
  DemoCase,
  DemoMessage,
  DemoTransaction,
} from './model'
import { createRandom, deriveSeed, type DemoRandom } from './prng'
import type { MerchantProfile } from './profiles'
import { SettlementLedger } from './settlement-ledger'
import { createTransaction, movedMoney, type TransactionIntent } from './transaction-factory'

export interface GenerateMerchantOptions {
  /** Number of transactions. */
  count: number
  /** End of the year covered (epoch ms). */
  now: number
  seed: number
  /** Transactions per yielded chunk. */
  chunkSize?: number
}

export interface MerchantExtras {
  cases: DemoCase[]
  batches: DemoBatch[]
  messages: DemoMessage[]
  /** The currencies the funds page lists for this merchant (zeros where there was no business). */
  fundCurrencies: CurrencyCode[]
  manager: DemoAccountManager
}

/** Shoppers are abroad: Beijing small hours are European evenings, Beijing mornings American ones. */
const HOUR_WEIGHTS = [6, 7, 7, 7, 6, 5, 4, 4, 6, 7, 8, 8, 7, 6, 5, 5, 5, 6, 7, 7, 8, 8, 8, 7]
const MAX_HOUR_WEIGHT = Math.max(...HOUR_WEIGHTS)
const HOUR_WEIGHT_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0)
/** Monday … Sunday. */
const WEEKDAY_WEIGHTS = [0.95, 0.95, 1, 1.02, 1.08, 1.15, 1.1]
/** Today always has some business, so the to-do card shows figures. */
const MIN_TODAY = 6

const CASE_RATES: readonly { kind: CaseKind; rate: number; minDays: number; maxDays: number; cardOnly: boolean }[] = [
  { kind: 'chargeback', rate: 0.006, minDays: 10, maxDays: 75, cardOnly: true },
  { kind: 'fraud', rate: 0.0035, minDays: 5, maxDays: 60, cardOnly: true },
  { kind: 'retrieval', rate: 0.003, minDays: 7, maxDays: 45, cardOnly: true },
  { kind: 'dispute', rate: 0.003, minDays: 3, maxDays: 30, cardOnly: false },
]

function seasonFactor(dayStart: number): number {
  // Black Friday to Christmas is the busiest stretch of a cross-border shop's year.
  const [, month, day] = beijingDate(dayStart).split('-').map(Number)
  if ((month === 11 && day >= 20) || (month === 12 && day <= 24)) return 1.45
  return 1
}

/** How many transactions fall on each of the 365 Beijing days ending today; sums to `count`. */
export function dailyCounts(count: number, now: number): { firstDay: number; counts: number[] } {
  const today = startOfBeijingDay(now)
  const firstDay = today - 364 * DAY_MS
  const weights: number[] = []
  for (let d = 0; d < 365; d += 1) {
    const dayStart = firstDay + d * DAY_MS
    let weight = WEEKDAY_WEIGHTS[beijingWeekday(dayStart)]! * (0.75 + (0.5 * d) / 364) * seasonFactor(dayStart)
    if (d === 364) {
      const elapsedHours = (now - today) / HOUR_MS
      let elapsed = 0
      for (let h = 0; h < 24; h += 1) elapsed += HOUR_WEIGHTS[h]! * Math.min(1, Math.max(0, elapsedHours - h))
      weight *= elapsed / HOUR_WEIGHT_TOTAL
    }
    weights.push(weight)
  }
  const total = weights.reduce((a, b) => a + b, 0)
  const counts: number[] = []
  let cumulative = 0
  let assigned = 0
  for (const weight of weights) {
    cumulative += weight
    const upTo = Math.round((cumulative / total) * count)
    counts.push(upTo - assigned)
    assigned = upTo
  }
  const minToday = Math.min(count, MIN_TODAY)
  while (counts[364]! < minToday) {
    let busiest = 0
    for (let d = 1; d < 364; d += 1) if (counts[d]! > counts[busiest]!) busiest = d
    counts[busiest]! -= 1
    counts[364]! += 1
  }
  return { firstDay, counts }
}

/** `n` sorted whole-second times in [start, end], following the hour-of-day profile. */
function timesWithin(start: number, end: number, n: number, random: DemoRandom): number[] {
  const span = Math.max(1, end - start)
  const times: number[] = []
  for (let i = 0; i < n; i += 1) {
    let time = start
    for (let attempt = 0; attempt < 20; attempt += 1) {
      time = Math.min(end, start + Math.floor((random.next() * span) / 1000) * 1000)
      if (random.next() * MAX_HOUR_WEIGHT < HOUR_WEIGHTS[beijingHour(time)]!) break
    }
    times.push(time)
  }
  return times.sort((a, b) => a - b)
}

/** The largest eligible transactions, kept in ascending order of booked amount. */
class LargestTransactions {
  readonly items: DemoTransaction[] = []
  constructor(private readonly capacity: number) {}
  offer(txn: DemoTransaction): void {
    const items = this.items
    if (items.length >= this.capacity && txn.bookingAmountMinor <= items[0]!.bookingAmountMinor) return
    let low = 0
    let high = items.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (items[mid]!.bookingAmountMinor < txn.bookingAmountMinor) low = mid + 1
      else high = mid
    }
    items.splice(low, 0, txn)
    if (items.length > this.capacity) items.shift()
  }
}

export function* generateMerchant(
  profile: MerchantProfile,
  options: GenerateMerchantOptions,
): Generator<DemoTransaction[], MerchantExtras, void> {
  const { count, now } = options
  const chunkSize = options.chunkSize ?? 5_000
  const account = profile.merchant.account
  const random = createRandom(deriveSeed(options.seed, `transactions:${account}`))
  const caseRandom = createRandom(deriveSeed(options.seed, `cases:${account}`))
  const ledger = new SettlementLedger(account, now)
  const book = new CaseBook(ledger, now)
  const today = startOfBeijingDay(now)
  const wavePeriod = ledger.pendingPeriodStart()
  const waveCandidates = new LargestTransactions(40 + Math.floor(count / 2_000))
  const recentCardTransactions: DemoTransaction[] = []
  const bookedCurrencies = new Set<CurrencyCode>(profile.currencyWeights.map(([currency]) => currency))

  const { firstDay, counts } = dailyCounts(count, now)
  let sequence = 0
  let chunk: DemoTransaction[] = []
  for (let d = 0; d < counts.length; d += 1) {
    const dayStart = firstDay + d * DAY_MS
    const end = d === 364 ? now : dayStart + DAY_MS - 1_000
    const times = timesWithin(dayStart, end, counts[d]!, random)
    for (const [index, time] of times.entries()) {
      sequence += 1
      let intent: TransactionIntent = {}
      if (time >= today && index === 0 && profile.authorizationShare > 0) intent = { pendingAuthorization: true }
      else if (time >= today && index <= 1) intent = { successfulSale: true }
      const txn = createTransaction(profile, random, sequence, time, now, intent)
      if (movedMoney(txn)) {
        ledger.book(txn)
        bookedCurrencies.add(txn.bookingCurrency)
        if (txn.refundStatus === 'none') maybeOpenCase(txn)
      }
      chunk.push(txn)
      if (chunk.length >= chunkSize) {
        yield chunk
        chunk = []
      }
    }
  }
  if (chunk.length > 0) yield chunk

  function maybeOpenCase(txn: DemoTransaction): void {
    const isCard = txn.cardBrand !== null
    const roll = caseRandom.next()
    let threshold = 0
    for (const rule of CASE_RATES) {
      threshold += rule.rate
      if (roll >= threshold) continue
      if (rule.cardOnly && !isCard) return
      const openedAt = txn.paymentTime + caseRandom.int(rule.minDays * 24, rule.maxDays * 24) * HOUR_MS
      if (openedAt <= now) book.open(txn, rule.kind, openedAt, caseRandom)
      return
    }
    if (!isCard) return
    recentCardTransactions.push(txn)
    if (recentCardTransactions.length > 50) recentCardTransactions.shift()
    const waveCurrency = profile.chargebackWaveCurrency
    if (txn.bookingCurrency === waveCurrency && txn.paymentTime < wavePeriod - 20 * DAY_MS) waveCandidates.offer(txn)
  }

  chargebackWave()
  for (const kind of book.keepOneOpenPerKind()) {
    // Too little data for this kind to have come up by chance: one recent case keeps the to-do list honest.
    const txn = [...recentCardTransactions].reverse().find((t) => !book.has(t.paymentId))
    if (txn !== undefined) book.open(txn, kind, Math.min(now, txn.paymentTime + DAY_MS), caseRandom, true)
  }

  function chargebackWave(): void {
    const currency = profile.chargebackWaveCurrency
    if (currency === undefined) return
    const candidates = waveCandidates.items.filter((t) => !book.has(t.paymentId)).reverse()
    let opened = 0
    for (const txn of candidates) {
      const pending = ledger.pendingBatch(currency)
      const net = pending === undefined ? 0 : pendingNet(pending)
      if (opened >= 3 && net < 0) return
      const openedAt = Math.min(now, wavePeriod + caseRandom.int(0, WEEK_MS / HOUR_MS - 1) * HOUR_MS)
      book.open(txn, 'chargeback', openedAt, caseRandom, opened % 2 === 0)
      opened += 1
    }
  }

  const orderedCurrencies = CURRENCY_CODES.filter((currency) => bookedCurrencies.has(currency))
  return {
    cases: book.cases.sort((a, b) => a.openedAt - b.openedAt || a.externalId.localeCompare(b.externalId)),
    batches: ledger.batches(),
    messages: book.messages.sort((a, b) => a.createdAt - b.createdAt || a.sourceKey.localeCompare(b.sourceKey)),
    fundCurrencies: orderedCurrencies,
    manager: { account, ...profile.manager },
  }
}

function pendingNet(batch: DemoBatch): number {
  return batch.grossMinor - batch.feeMinor - batch.refundMinor - batch.chargebackMinor - batch.depositMinor
}
