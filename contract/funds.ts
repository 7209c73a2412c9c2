/** `GET /api/funds` (账户资金明细). Type-only module. */
import type { BeijingTime, Money } from './money'

export interface CurrencyFunds {
  currency: string
  /** 结算方式, e.g. "weekly T+7". */
  settlementMethod: string
  /** 时间周期 of the current cycle. */
  period: string
  /** 可结算金额 */
  settleable: { transaction: Money; afterFees: Money; deposit: Money }
  /** 累计未结算金额; total = afterFees + deposit (what will still reach the merchant). */
  unsettled: { transaction: Money; afterFeesAndDeposit: Money; deposit: Money; total: Money }
  /** 累计划款金额; total = transaction + deposit. */
  transferred: { transaction: Money; deposit: Money; total: Money }
}

export interface FundsResponse {
  currencies: CurrencyFunds[]
  /** When the figures were computed; never more than 30 minutes before the response. */
  asOf: BeijingTime
}
