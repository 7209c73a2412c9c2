/**
 * 账户资金明细 per currency: the stored snapshot (fund_balances) and its recomputation from the ledger
 * (transactions, chargebacks and settlement batches). Amounts are in the booking currency (the currency funds are settled in).
 */
import type { Queryable } from '../db'
import { BOOKED_REFUND, CHARGEBACK_ENTRIES, MOVED_MONEY } from './settlement-ledger-sql'

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
  /** 结算方式 key (contract/funds.ts SETTLEMENT_METHODS). */
  method: string
  /** 时间周期: the current cycle. */
  period: string
  /** Currencies to show even without business (zeros), besides those with transactions, batches or a stored row. */
  currencies?: readonly string[]
}

const COLUMNS = `currency, settlement_method, period, settleable_txn_minor::text, settleable_after_fees_minor::text,
  settleable_deposit_minor::text, unsettled_txn_minor::text, unsettled_after_fees_minor::text,
  unsettled_deposit_minor::text, transferred_txn_minor::text, transferred_deposit_minor::text, as_of`

/**
 * The ledger entries of account $1 with the state of the batch each one is (or will be) in: 'none' before its
 * batch exists, then 'pending', then 'transferred'. A transaction that moved money contributes its funds (booked
 * amount − booked refund), its fee and its reserve (保证金, released later in a deposit batch); a chargeback
 * contributes minus its booked amount and no fee or reserve.
 */
const ENTRIES = `
  select t.booking_currency as currency,
    t.booking_amount_minor - ${BOOKED_REFUND} as funds,
    t.booking_amount_minor - ${BOOKED_REFUND} - t.fee_minor - t.deposit_minor as after,
    t.deposit_minor as deposit,
    coalesce(fb.status, 'none') as state,
    coalesce(db.status, 'none') as deposit_state
  from transactions t
    left join settlement_batches fb on fb.batch_no = t.funds_batch_no
    left join settlement_batches db on db.batch_no = t.deposit_batch_no
  where t.account = $1 and ${MOVED_MONEY}
  union all
  select currency, -chargeback_minor, -chargeback_minor, 0, coalesce(batch_status, 'none'), 'none'
  from (${CHARGEBACK_ENTRIES}) cb`

export function fundBalancesRepository(db: Queryable) {
  return {
    async list(account: string): Promise<FundBalanceRow[]> {
      const { rows } = await db.query<FundBalanceRow>(`select ${COLUMNS} from fund_balances where account = $1`, [account])
      return rows
    },

    /**
     * Every figure from the ledger entries (docs/reconciliation.md "## Funds"): 可结算 = entries in a pending
     * batch, 累计未结算 = entries not yet transferred (可结算 included), 累计划款 = entries transferred. Time
     * alone changes nothing: two snapshots differ exactly by the rows written in between. One statement, so
     * concurrent recomputations each write a whole consistent snapshot.
     */
    async recompute(p: RecomputeParams): Promise<void> {
      await db.query(
        `with entries as (${ENTRIES}
         ), figures as (
           select currency,
             coalesce(sum(funds) filter (where state = 'pending'), 0) as s_txn,
             coalesce(sum(after) filter (where state = 'pending'), 0) as s_after,
             coalesce(sum(deposit) filter (where deposit_state = 'pending'), 0) as s_dep,
             coalesce(sum(funds) filter (where state <> 'transferred'), 0) as u_txn,
             coalesce(sum(after) filter (where state <> 'transferred'), 0) as u_after,
             coalesce(sum(deposit) filter (where deposit_state <> 'transferred'), 0) as u_dep,
             coalesce(sum(after) filter (where state = 'transferred'), 0) as t_txn,
             coalesce(sum(deposit) filter (where deposit_state = 'transferred'), 0) as t_dep
           from entries group by currency
         ), currencies as (
           select currency from figures
           union select currency from settlement_batches where account = $1
           union select currency from fund_balances where account = $1
           union select unnest($5::text[])::char(3)
         )
         insert into fund_balances as fb (account, currency, settlement_method, period, settleable_txn_minor,
           settleable_after_fees_minor, settleable_deposit_minor, unsettled_txn_minor, unsettled_after_fees_minor,
           unsettled_deposit_minor, transferred_txn_minor, transferred_deposit_minor, as_of)
         select $1, c.currency, $3, $4,
           coalesce(f.s_txn, 0), coalesce(f.s_after, 0), coalesce(f.s_dep, 0),
           coalesce(f.u_txn, 0), coalesce(f.u_after, 0), coalesce(f.u_dep, 0),
           coalesce(f.t_txn, 0), coalesce(f.t_dep, 0), $2
         from currencies c left join figures f on f.currency = c.currency
         on conflict (account, currency) do update set
           settlement_method = excluded.settlement_method,
           period = excluded.period,
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
        [p.account, p.asOf, p.method, p.period, [...(p.currencies ?? [])]],
      )
    },
  }
}
