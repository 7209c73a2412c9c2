/**
 * 账户资金明细 per currency: the stored snapshot (fund_balances) and its recomputation from transactions and
 * settlement batches. Amounts are in the booking currency (the currency funds are settled in).
 */
import type { Queryable } from '../db'

export interface FundBalanceRow {
  currency: string
  settlement_method: string
  period: string
  settleable_txn_minor: string
  settleable_after_fees_minor: string
  settleable_deposit_minor: string
  unsettled_txn_minor: string
  unsettled_after_fees_minor: string
  unsettled_deposit_minor: string
  transferred_txn_minor: string
  transferred_deposit_minor: string
  as_of: Date
}

export interface RecomputeParams {
  account: string
  asOf: Date
  /** Successful transactions paid before this are settleable (the cycle's cut-off). */
  settleableBefore: Date
  /** Deposits withheld before this are released (settleable). */
  depositReleaseBefore: Date
  /** For currencies without a stored row. */
  defaultMethod: string
  defaultPeriod: string
}

const COLUMNS = `currency, settlement_method, period, settleable_txn_minor::text, settleable_after_fees_minor::text,
  settleable_deposit_minor::text, unsettled_txn_minor::text, unsettled_after_fees_minor::text,
  unsettled_deposit_minor::text, transferred_txn_minor::text, transferred_deposit_minor::text, as_of`

export function fundBalancesRepository(db: Queryable) {
  return {
    async list(account: string): Promise<FundBalanceRow[]> {
      const { rows } = await db.query<FundBalanceRow>(`select ${COLUMNS} from fund_balances where account = $1`, [account])
      return rows
    },

    /**
     * One statement, so concurrent recomputations each write a whole consistent snapshot. Refunds are converted
     * to the booking currency in proportion to the transaction (integer division: at most one minor unit off).
     */
    async recompute(p: RecomputeParams): Promise<void> {
      await db.query(
        `with txn as (
           select booking_currency as currency,
             booking_amount_minor - refunded_minor * booking_amount_minor / greatest(amount_minor, 1) as net_minor,
             fee_minor, deposit_minor, funds_status, deposit_status, payment_time
           from transactions where account = $1 and status = 'success'
         ), figures as (
           select currency,
             coalesce(sum(net_minor) filter (where funds_status = 'unsettled' and payment_time < $3), 0) as s_txn,
             coalesce(sum(net_minor - fee_minor - deposit_minor)
               filter (where funds_status = 'unsettled' and payment_time < $3), 0) as s_after,
             coalesce(sum(deposit_minor) filter (where deposit_status = 'unsettled' and payment_time < $4), 0) as s_dep,
             coalesce(sum(net_minor) filter (where funds_status = 'unsettled'), 0) as u_txn,
             coalesce(sum(net_minor - fee_minor - deposit_minor) filter (where funds_status = 'unsettled'), 0) as u_after,
             coalesce(sum(deposit_minor) filter (where deposit_status = 'unsettled'), 0) as u_dep
           from txn group by currency
         ), batches as (
           select currency,
             coalesce(sum(net_minor) filter (where batch_type = 'transaction'), 0) as t_txn,
             coalesce(sum(net_minor) filter (where batch_type = 'deposit'), 0) as t_dep
           from settlement_batches where account = $1 and status = 'transferred' group by currency
         ), currencies as (
           select currency from figures union select currency from batches
           union select currency from fund_balances where account = $1
         )
         insert into fund_balances as fb (account, currency, settlement_method, period, settleable_txn_minor,
           settleable_after_fees_minor, settleable_deposit_minor, unsettled_txn_minor, unsettled_after_fees_minor,
           unsettled_deposit_minor, transferred_txn_minor, transferred_deposit_minor, as_of)
         select $1, c.currency, coalesce(old.settlement_method, $5), coalesce(old.period, $6),
           coalesce(f.s_txn, 0), coalesce(f.s_after, 0), coalesce(f.s_dep, 0),
           coalesce(f.u_txn, 0), coalesce(f.u_after, 0), coalesce(f.u_dep, 0),
           coalesce(b.t_txn, 0), coalesce(b.t_dep, 0), $2
         from currencies c
           left join figures f on f.currency = c.currency
           left join batches b on b.currency = c.currency
           left join fund_balances old on old.account = $1 and old.currency = c.currency
         on conflict (account, currency) do update set
           settleable_txn_minor = excluded.settleable_txn_minor,
           settleable_after_fees_minor = excluded.settleable_after_fees_minor,
           settleable_deposit_minor = excluded.settleable_deposit_minor,
           unsettled_txn_minor = excluded.unsettled_txn_minor,
           unsettled_after_fees_minor = excluded.unsettled_after_fees_minor,
           unsettled_deposit_minor = excluded.unsettled_deposit_minor,
           transferred_txn_minor = excluded.transferred_txn_minor,
           transferred_deposit_minor = excluded.transferred_deposit_minor,
           as_of = excluded.as_of
         where fb.as_of < excluded.as_of`,
        [p.account, p.asOf, p.settleableBefore, p.depositReleaseBefore, p.defaultMethod, p.defaultPeriod],
      )
    },
  }
}
