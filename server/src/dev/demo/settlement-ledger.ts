/**
 * Weekly settlement as the demo merchant experiences it: the successful transactions of a Beijing week (Mon–Sun)
 * are gathered per booking currency into a transaction batch created the Monday after next at 10:00 (T+7 after
 * the week closes) and transferred a week later, so at any moment one batch per currency is pending. Refunds of
 * the batch's own transactions, fees and the rolling reserve are deducted from it, and chargebacks in the batch of
 * the week they arrive — which is how a batch's net can be negative. Reserves withheld in a week are released 26
 * weeks later in a deposit batch. The ledger fills in each transaction's batch fields and, at the end, yields the
 * batches. The fund balances are not the ledger's: the loader has the server compute them from the rows it wrote
 * (services/funds.ts), by the one rule that also serves them later.
 */
import { HOUR_MS, WEEK_MS, beijingDate, startOfBeijingWeek } from '@contract/beijing-time'
import type { CurrencyCode } from '@contract/money'
import { bookedShare } from './demo-money'
import type { DemoBatch, DemoTransaction } from './model'

export const DEPOSIT_RELEASE_WEEKS = 26

type BatchType = DemoBatch['batchType']

export interface BatchSchedule {
  periodStart: number
  periodEnd: number
  createdAt: number
  /** When the transfer happens (or will). */
  transferAt: number
}

/** The batch of `type` that covers the Beijing week starting at `periodStart`. */
export function batchSchedule(type: BatchType, periodStart: number): BatchSchedule {
  const periodEnd = periodStart + WEEK_MS
  const lag = type === 'transaction' ? WEEK_MS : DEPOSIT_RELEASE_WEEKS * WEEK_MS
  const createdAt = periodEnd + lag + 10 * HOUR_MS
  return { periodStart, periodEnd, createdAt, transferAt: createdAt + WEEK_MS }
}

/** e.g. T14010520250512USD: type, account, first day of the covered week, currency. */
export function batchNumber(type: BatchType, account: string, currency: CurrencyCode, periodStart: number): string {
  return `${type === 'transaction' ? 'T' : 'D'}${account}${beijingDate(periodStart).replace(/-/g, '')}${currency}`
}

interface Totals {
  gross: number
  fee: number
  refund: number
  chargeback: number
  deposit: number
}

const zero = (): Totals => ({ gross: 0, fee: 0, refund: 0, chargeback: 0, deposit: 0 })

export class SettlementLedger {
  private readonly batchMap = new Map<string, DemoBatch>()
  /** Money not yet in any created batch, per booking currency. */
  private readonly unbatched = new Map<CurrencyCode, Totals>()
  /** Reserve withheld (or to be withheld) and not yet in a created deposit batch. */
  private readonly held = new Map<CurrencyCode, number>()

  constructor(
    private readonly account: string,
    private readonly now: number,
  ) {}

  /** Settles a transaction that moved money (a successful sale or captured authorization); sets its batch fields. */
  book(txn: DemoTransaction): void {
    const currency = txn.bookingCurrency
    const refund = bookedShare(txn.refundedMinor, txn.amountMinor, txn.bookingAmountMinor)
    const week = startOfBeijingWeek(txn.paymentTime)

    const batch = this.batch('transaction', currency, week)
    if (batch === undefined) {
      const totals = this.unbatchedTotals(currency)
      totals.gross += txn.bookingAmountMinor
      totals.fee += txn.feeMinor
      totals.refund += refund
      totals.deposit += txn.depositMinor
    } else {
      batch.txnCount += 1
      batch.grossMinor += txn.bookingAmountMinor
      batch.feeMinor += txn.feeMinor
      batch.refundMinor += refund
      batch.depositMinor += txn.depositMinor
      txn.fundsBatchNo = batch.batchNo
      if (batch.status === 'transferred') {
        txn.fundsStatus = 'settled'
        txn.settlementTime = batch.settledAt
      }
    }

    const release = this.batch('deposit', currency, week)
    if (release === undefined) {
      this.held.set(currency, (this.held.get(currency) ?? 0) + txn.depositMinor)
    } else {
      release.txnCount += 1
      release.depositMinor += txn.depositMinor
      txn.depositBatchNo = release.batchNo
      if (release.status === 'transferred') txn.depositStatus = 'settled'
    }
  }

  /** A chargeback debits the batch of the week it arrives in (a batch with no sales is created for it). */
  chargeback(currency: CurrencyCode, bookedMinor: number, openedAt: number): void {
    const batch = this.batch('transaction', currency, startOfBeijingWeek(openedAt))
    if (batch === undefined) this.unbatchedTotals(currency).chargeback += bookedMinor
    else batch.chargebackMinor += bookedMinor
  }

  /** The transaction batch of `currency` pending transfer at `now`, if any. */
  pendingBatch(currency: CurrencyCode): DemoBatch | undefined {
    const periodStart = startOfBeijingWeek(this.now - 10 * HOUR_MS - 2 * WEEK_MS)
    const batch = this.batchMap.get(batchNumber('transaction', this.account, currency, periodStart))
    return batch?.status === 'pending' ? batch : undefined
  }

  /** Start of the week whose chargebacks land in the batch pending now. */
  pendingPeriodStart(): number {
    return startOfBeijingWeek(this.now - 10 * HOUR_MS - 2 * WEEK_MS)
  }

  batches(): DemoBatch[] {
    const all = [...this.batchMap.values()]
    for (const batch of all) {
      batch.netMinor =
        batch.batchType === 'deposit'
          ? batch.depositMinor
          : batch.grossMinor - batch.feeMinor - batch.refundMinor - batch.chargebackMinor - batch.depositMinor
    }
    return all.sort((a, b) => a.createdAt - b.createdAt || a.batchNo.localeCompare(b.batchNo))
  }

  private unbatchedTotals(currency: CurrencyCode): Totals {
    let totals = this.unbatched.get(currency)
    if (totals === undefined) {
      totals = zero()
      this.unbatched.set(currency, totals)
    }
    return totals
  }

  /** The batch covering `periodStart`, created on first use; undefined while it does not exist yet at `now`. */
  private batch(type: BatchType, currency: CurrencyCode, periodStart: number): DemoBatch | undefined {
    const schedule = batchSchedule(type, periodStart)
    if (schedule.createdAt > this.now) return undefined
    const batchNo = batchNumber(type, this.account, currency, periodStart)
    let batch = this.batchMap.get(batchNo)
    if (batch === undefined) {
      const transferred = schedule.transferAt <= this.now
      batch = {
        batchNo,
        account: this.account,
        batchType: type,
        currency,
        periodStart: schedule.periodStart,
        periodEnd: schedule.periodEnd,
        createdAt: schedule.createdAt,
        settledAt: transferred ? schedule.transferAt : null,
        status: transferred ? 'transferred' : 'pending',
        txnCount: 0,
        grossMinor: 0,
        feeMinor: 0,
        refundMinor: 0,
        chargebackMinor: 0,
        depositMinor: 0,
        netMinor: 0,
      }
      this.batchMap.set(batchNo, batch)
    }
    return batch
  }
}
