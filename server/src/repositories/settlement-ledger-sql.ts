/**
 * The settlement ledger's rules in SQL, written once and used by the batch rows (settlement-batches.ts) and the
 * funds figures (fund-balances.ts), so a batch's rows and the funds page can never disagree. docs/reconciliation.md
 * states the same rules for a merchant.
 *
 * - A transaction moves money when it succeeded and is a sale or a captured pre-authorization.
 * - Its refunds and chargebacks are booked as the same share of its booked amount as they are of its amount,
 *   rounded half up (the demo generator's bookedShare does the same in integers).
 * - A chargeback is debited in the transaction batch of its booking currency whose week (period_start …
 *   period_end) contains the moment it was opened; before that batch exists it is unsettled.
 */

/** Predicate on `transactions t`: the transaction moved money (and is therefore settled). */
export const MOVED_MONEY = `(t.status = 'success' and (t.txn_type = 'sale' or t.auth_status = 'captured'))`

/** `part` of a transaction of `whole` booked as `booked`: (part·booked·2 + whole) / (2·whole), in integers. */
export function bookedShareSql(part: string, whole: string, booked: string): string {
  return `(case when ${whole} = 0 then 0::bigint else ((${part}) * (${booked}) * 2 + (${whole})) / (2 * (${whole})) end)`
}

/** Booked refund of `transactions t`, in its booking currency. */
export const BOOKED_REFUND = bookedShareSql('t.refunded_minor', 't.amount_minor', 't.booking_amount_minor')

/**
 * Every chargeback of account `$1` as a ledger entry: its case, the transaction, the booked amount and the batch
 * it is debited in (batch_no and batch_status null while that batch does not exist yet).
 */
export const CHARGEBACK_ENTRIES = `
  select c.id as case_id, c.payment_id, c.opened_at, t.order_number, t.currency as txn_currency,
    c.amount_minor as txn_amount_minor, t.booking_currency as currency,
    ${bookedShareSql('c.amount_minor', 't.amount_minor', 't.booking_amount_minor')} as chargeback_minor,
    b.batch_no, b.status as batch_status
  from order_cases c
    join transactions t on t.payment_id = c.payment_id
    left join settlement_batches b on b.account = c.account and b.batch_type = 'transaction'
      and b.currency = t.booking_currency and c.opened_at >= b.period_start and c.opened_at < b.period_end
  where c.account = $1 and c.kind = 'chargeback'`
