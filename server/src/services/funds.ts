/**
 * 账户资金明细. The stored snapshot is served while it is at most 30 minutes old (SPEC: "data up to 30 minutes
 * old"); an older or missing one is first recomputed from the transactions and transferred batches, so `asOf`
 * in a response is never more than 30 minutes in the past.
 *
 * Figures per booking currency, successful transactions only, refunds deducted:
 *   可结算 settleable    — unsettled funds of transactions paid more than 7 days ago (weekly T+7), after fees =
 *                          minus fees and withheld deposit; deposit = withheld deposits older than 180 days
 *   累计未结算 unsettled — all unsettled funds; after fees and deposit; unsettled deposits; total = after + deposit
 *   累计划款 transferred — net of transferred transaction batches and deposit batches; total = both
 */
import type { Queryable } from '../db'
import { compareCurrencies, money } from '../money'
import { fundBalancesRepository, type FundBalanceRow } from '../repositories/fund-balances'
import type { CurrencyFunds, FundsResponse } from '@contract/funds'
import { beijingDate, DAY_MS, startOfBeijingWeek, toBeijingIso } from '@contract/beijing-time'

export const MAX_FUNDS_AGE_MS = 30 * 60 * 1000
const SETTLEMENT_DELAY_MS = 7 * DAY_MS
const DEPOSIT_HOLD_MS = 180 * DAY_MS

/** The current weekly cycle, Monday to Sunday in Beijing time, e.g. "2025-05-12 ~ 2025-05-18". */
export function currentWeek(now: Date): string {
  const monday = startOfBeijingWeek(now)
  return `${beijingDate(monday)} ~ ${beijingDate(monday + 6 * DAY_MS)}`
}

function toFunds(row: FundBalanceRow): CurrencyFunds {
  const c = row.currency.trim()
  const sum = (a: string, b: string) => (BigInt(a) + BigInt(b)).toString()
  return {
    currency: c,
    settlementMethod: row.settlement_method,
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

export async function getFunds(db: Queryable, merchantNo: string, now: Date): Promise<FundsResponse> {
  const repository = fundBalancesRepository(db)
  let rows = await repository.list(merchantNo)
  const stale = rows.length === 0 || rows.some((row) => now.getTime() - row.as_of.getTime() > MAX_FUNDS_AGE_MS)
  if (stale) {
    await repository.recompute({
      account: merchantNo,
      asOf: now,
      settleableBefore: new Date(now.getTime() - SETTLEMENT_DELAY_MS),
      depositReleaseBefore: new Date(now.getTime() - DEPOSIT_HOLD_MS),
      defaultMethod: 'weekly T+7',
      defaultPeriod: currentWeek(now),
    })
    rows = await repository.list(merchantNo)
  }
  // The oldest row is what the page may claim: every figure is at least this fresh.
  const asOf = rows.reduce((oldest, row) => (row.as_of < oldest ? row.as_of : oldest), now)
  return {
    currencies: rows.sort((a, b) => compareCurrencies(a.currency.trim(), b.currency.trim())).map(toFunds),
    asOf: toBeijingIso(asOf),
  }
}
