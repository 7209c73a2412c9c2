/**
 * Chargebacks, disputes, fraud reports and retrieval requests on the demo transactions, and the notices
 * (消息) Oceanpayment sends about them. Chargebacks are also debited in settlement through the ledger.
 */
import { DAY_MS, HOUR_MS } from '@contract/beijing-time'
import { CASE_KINDS, type CaseKind } from '@contract/transactions'
import { CASE_ANSWER_DAYS } from '../oceanpayment-sandbox'
import { CHARGEBACK_REASONS, DISPUTE_REASONS, FRAUD_REASONS, RETRIEVAL_REASONS } from './catalog'
import { bookedShare } from './demo-money'
import type { DemoCase, DemoMessage, DemoTransaction } from './model'
import type { DemoRandom } from './prng'
import type { SettlementLedger } from './settlement-ledger'

function reasonFor(kind: CaseKind, brand: string | null, random: DemoRandom): readonly [string, string] {
  switch (kind) {
    case 'chargeback':
      if (brand === 'Visa' || brand === 'MasterCard' || brand === 'American Express') {
        return random.weighted(CHARGEBACK_REASONS[brand])
      }
      return random.weighted(CHARGEBACK_REASONS.other)
    case 'fraud':
      return random.weighted(FRAUD_REASONS)
    case 'retrieval':
      return random.weighted(RETRIEVAL_REASONS)
    case 'dispute':
      return random.weighted(DISPUTE_REASONS)
  }
}

export class CaseBook {
  readonly cases: DemoCase[] = []
  readonly messages: DemoMessage[] = []
  private readonly withCase = new Set<string>()

  constructor(
    private readonly ledger: SettlementLedger,
    private readonly now: number,
  ) {}

  has(paymentId: string): boolean {
    return this.withCase.has(paymentId)
  }

  /**
   * Opens a case on `txn`. Recent cases are mostly still open (the merchant has days to respond); older ones have
   * been handled. `forceOpen` keeps it open whatever its age.
   */
  open(txn: DemoTransaction, kind: CaseKind, openedAt: number, random: DemoRandom, forceOpen = false): DemoCase {
    const [reasonCode, reason] = reasonFor(kind, txn.cardBrand, random)
    const ageDays = (this.now - openedAt) / DAY_MS
    const handledAt = openedAt + random.int(1, 10 * 24) * HOUR_MS
    const stillOpen = forceOpen || handledAt > this.now || (ageDays < 14 ? random.chance(0.6) : random.chance(0.01))
    const amountMinor = txn.amountMinor - txn.refundedMinor
    const demoCase: DemoCase = {
      account: txn.account,
      paymentId: txn.paymentId,
      kind,
      status: stillOpen ? 'open' : 'handled',
      reasonCode,
      reason,
      currency: txn.currency,
      amountMinor,
      openedAt,
      handledAt: stillOpen ? null : handledAt,
      deadlineAt: openedAt + CASE_ANSWER_DAYS * DAY_MS,
      externalId: `demo-${kind}-${txn.paymentId}`,
    }
    this.cases.push(demoCase)
    this.withCase.add(txn.paymentId)
    if (kind === 'chargeback') {
      this.ledger.chargeback(txn.bookingCurrency, bookedShare(amountMinor, txn.amountMinor, txn.bookingAmountMinor), openedAt)
    }
    if (kind !== 'dispute') this.messages.push(this.notice(txn, demoCase, kind))
    return demoCase
  }

  /** Makes sure each kind has at least one open case: reopens the newest case of a kind that has none open. */
  keepOneOpenPerKind(): CaseKind[] {
    const missing: CaseKind[] = []
    for (const kind of CASE_KINDS) {
      const ofKind = this.cases.filter((c) => c.kind === kind)
      if (ofKind.some((c) => c.status === 'open')) continue
      const newest = ofKind.reduce<DemoCase | undefined>((a, c) => (a === undefined || c.openedAt > a.openedAt ? c : a), undefined)
      if (newest === undefined) {
        missing.push(kind)
        continue
      }
      newest.status = 'open'
      newest.handledAt = null
    }
    return missing
  }

  /** The message Oceanpayment sends about the case: its facts, as a notice would give them (notifications/). */
  private notice(txn: DemoTransaction, demoCase: DemoCase, kind: Exclude<CaseKind, 'dispute'>): DemoMessage {
    return {
      account: txn.account,
      kind,
      title: null,
      body: null,
      titleEn: null,
      bodyEn: null,
      paymentId: txn.paymentId,
      orderNumber: txn.orderNumber,
      currency: demoCase.currency,
      amountMinor: demoCase.amountMinor,
      reasonCode: demoCase.reasonCode,
      reason: demoCase.reason,
      deadlineAt: demoCase.deadlineAt,
      createdAt: demoCase.openedAt,
      sourceKey: `demo:${kind}:${txn.paymentId}`,
    }
  }
}
