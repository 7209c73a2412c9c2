/**
 * What one row of a batch shows, pure so it is tested without rendering: its amount in the batch currency (the
 * figure it adds to the batch: a sale's booked amount, a chargeback's debit, a released reserve), the
 * transaction's own amount as secondary when it is in another currency, and the deductions that take a sale's
 * booked amount to its net. The batch's figures are the sums of these (docs/reconciliation.md).
 */
import type { MessageKey } from '@/i18n/translate'
import type { Money } from '@contract/money'
import type { BatchRowKind, SettlementBatch, SettlementRow } from '@contract/settlements'
import { CURRENCY_CODES, type CurrencyCode } from '@contract/money'
import type { TransactionsFilter } from '@contract/transactions'

export interface RowFigures {
  /** Signed as it counts in the batch's net. */
  amount: Money
  /** The transaction's amount when its currency is not the batch's. */
  transactionAmount: Money | null
  /** Fee, refund and reserve of a sale (zeros left out), each deducted from its booked amount. */
  deductions: Array<{ label: MessageKey; money: Money }>
  net: Money
}

export const ROW_KIND_LABEL: Record<BatchRowKind, MessageKey> = {
  transaction: 'st.row.kind.transaction',
  chargeback: 'st.row.kind.chargeback',
  deposit: 'st.row.kind.deposit',
}

const isZero = (money: Money) => !/[1-9]/.test(money.amount)

/** `12.50` → `-12.50`, `-3` → `3`, zero stays unsigned. */
export function negate(money: Money): Money {
  if (isZero(money)) return money
  return { ...money, amount: money.amount.startsWith('-') ? money.amount.slice(1) : `-${money.amount}` }
}

export function rowFigures(row: SettlementRow): RowFigures {
  const amount = row.kind === 'chargeback' ? negate(row.chargeback) : row.kind === 'deposit' ? row.deposit : row.gross
  const deductions =
    row.kind === 'transaction'
      ? [
          { label: 'st.row.fee' as const, money: row.fee },
          { label: 'st.row.refund' as const, money: row.refund },
          { label: 'st.row.deposit' as const, money: row.deposit },
        ].filter((d) => !isZero(d.money))
      : []
  return {
    amount,
    transactionAmount: row.transactionAmount.currency === amount.currency ? null : row.transactionAmount,
    deductions,
    net: row.net,
  }
}

/**
 * The transactions list narrowed to a batch, its amounts totalled in the batch's currency as 记账币种 (booking
 * currency): a batch's transactions are all booked in its currency, whatever currency they were paid in.
 */
export function batchTransactionsFilter(batch: Pick<SettlementBatch, 'batchNo' | 'currency'>): TransactionsFilter {
  const booking = (CURRENCY_CODES as readonly string[]).includes(batch.currency) ? (batch.currency as CurrencyCode) : undefined
  return booking === undefined ? { batchNo: batch.batchNo } : { batchNo: batch.batchNo, bookingCurrency: booking }
}
