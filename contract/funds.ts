/** `GET /api/funds` (账户资金明细): its types and the settlement-method vocabulary. */
import type { BeijingTime, Money } from './money'

/**
 * 结算方式, as a key the client translates (never server text): weekly-t7 = the transactions of a Beijing week
 * (Mon–Sun) are batched 7 days after it closes and transferred a week later.
 */
export const SETTLEMENT_METHODS = ['weekly-t7'] as const
export type SettlementMethod = (typeof SETTLEMENT_METHODS)[number]

export interface CurrencyFunds {
  currency: string
  settlementMethod: SettlementMethod
  /** 时间周期 of the current cycle. */
  period: string
  /** 可结算金额: what the pending batches will transfer (docs/reconciliation.md "## Funds"). */
  settleable: { transaction: Money; afterFees: Money; deposit: Money }
  /**
   * 累计未结算金额: everything not yet transferred, 可结算 included; total = afterFeesAndDeposit + deposit (what
   * will still reach the merchant).
   */
  unsettled: { transaction: Money; afterFeesAndDeposit: Money; deposit: Money; total: Money }
  /** 累计划款金额; total = transaction + deposit. */
  transferred: { transaction: Money; deposit: Money; total: Money }
}

export interface FundsResponse {
  currencies: CurrencyFunds[]
  /** When the figures were computed; never more than 30 minutes before the response. */
  asOf: BeijingTime
}
