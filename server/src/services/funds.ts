/**
 * 账户资金明细. The stored snapshot is served while it is at most 30 minutes old (SPEC: "data up to 30 minutes
 * old"); an older or missing one is first recomputed, so `asOf` in a response is never more than 30 minutes in
 * the past. Every figure follows from the ledger of transactions, chargebacks and batches by one rule
 * (repositories/fund-balances.ts, docs/reconciliation.md "## Funds"); time passing alone changes none of them.
 */
import type { Queryable } from '../db'
import { compareCurrencies, money } from '../money'
import { fundBalancesRepository, type FundBalanceRow } from '../repositories/fund-balances'
import { SETTLEMENT_METHODS, type CurrencyFunds, type FundsResponse, type SettlementMethod } from '@contract/funds'
import { beijingDate, DAY_MS, startOfBeijingWeek, toBeijingIso } from '@contract/beijing-time'

export const MAX_FUNDS_AGE_MS = 30 * 60 * 1000
/** The one settlement method the ledger follows (demo/settlement-ledger.ts schedules its batches). */
export const SETTLEMENT_METHOD: SettlementMethod = 'weekly-t7'

/** The current weekly cycle, Monday to Sunday in Beijing time, e.g. "2025-05-12 ~ 2025-05-18". */
export function currentWeek(now: Date): string {
  const monday = startOfBeijingWeek(now)
  return `${beijingDate(monday)} ~ ${beijingDate(monday + 6 * DAY_MS)}`
}

/** A stored method outside the vocabulary (none is written since 0010) reads as the ledger's. */
function settlementMethodOf(stored: string): SettlementMethod {
  return (SETTLEMENT_METHODS as readonly string[]).includes(stored) ? (stored as SettlementMethod) : SETTLEMENT_METHOD
}

function toFunds(row: FundBalanceRow): CurrencyFunds {
  const c = row.currency.trim()
  const sum = (a: string, b: string) => (BigInt(a) + BigInt(b)).toString()
  return {
    currency: c,
    settlementMethod: settlementMethodOf(row.settlement_method),
    period: row.period,
    settleable: {
      transaction: money(c, row.settleable_txn_minor),
      afterFees: money(c, row.settleable_after_fees_minor),
      deposit: money(c, row.settleable_deposit_minor),
    },
    unsettled: {
      transaction: money(c, row.unsettled_txn_minor),
      afterFeesAndDeposit: money(c, row.unsettled_after_fees_minor),
      deposit: money(c, row.unsettled_deposit_minor),
      total: money(c, sum(row.unsettled_after_fees_minor, row.unsettled_deposit_minor)),
    },
    transferred: {
      transaction: money(c, row.transferred_txn_minor),
      deposit: money(c, row.transferred_deposit_minor),
      total: money(c, sum(row.transferred_txn_minor, row.transferred_deposit_minor)),
    },
  }
}

/** Writes a fresh snapshot of `account`'s figures as of `now`; `currencies` get a row even without business. */
export async function recomputeFunds(db: Queryable, account: string, now: Date, currencies: readonly string[] = []): Promise<void> {
  await fundBalancesRepository(db).recompute({
    account,
    asOf: now,
    method: SETTLEMENT_METHOD,
    period: currentWeek(now),
    currencies,
  })
}

export async function getFunds(db: Queryable, merchantNo: string, now: Date): Promise<FundsResponse> {
  const repository = fundBalancesRepository(db)
  let rows = await repository.list(merchantNo)
  const stale = rows.length === 0 || rows.some((row) => now.getTime() - row.as_of.getTime() > MAX_FUNDS_AGE_MS)
  if (stale) {
    await recomputeFunds(db, merchantNo, now)
    rows = await repository.list(merchantNo)
  }
  // The oldest row is what the page may claim: every figure is at least this fresh.
  const asOf = rows.reduce((oldest, row) => (row.as_of < oldest ? row.as_of : oldest), now)
  return {
    currencies: rows.sort((a, b) => compareCurrencies(a.currency.trim(), b.currency.trim())).map(toFunds),
    asOf: toBeijingIso(asOf),
  }
}
