/** The figures of SPEC §3.1 item 2 in the seed's order: pure, so completeness is tested without rendering. */
import type { CurrencyFunds, SettlementMethod } from '@contract/funds'
import type { Money } from '@contract/money'
import type { MessageKey } from '@/i18n/translate'

export interface FundsLine {
  /** Stable id, also the test id suffix: `<section>.<figure>`. */
  id: string
  label: MessageKey
  money: Money
  /** Totals are set apart visually. */
  total?: boolean
}

export interface FundsSection {
  id: 'settleable' | 'unsettled' | 'transferred'
  title: MessageKey
  lines: FundsLine[]
}

export function fundsSections(funds: CurrencyFunds): FundsSection[] {
  const { settleable, unsettled, transferred } = funds
  return [
    {
      id: 'settleable',
      title: 'funds.settleable',
      lines: [
        { id: 'settleable.transaction', label: 'funds.transaction', money: settleable.transaction },
        { id: 'settleable.afterFees', label: 'funds.afterFees', money: settleable.afterFees },
        { id: 'settleable.deposit', label: 'funds.deposit', money: settleable.deposit },
      ],
    },
    {
      id: 'unsettled',
      title: 'funds.unsettled',
      lines: [
        { id: 'unsettled.transaction', label: 'funds.transaction', money: unsettled.transaction },
        { id: 'unsettled.afterFeesAndDeposit', label: 'funds.afterFeesAndDeposit', money: unsettled.afterFeesAndDeposit },
        { id: 'unsettled.deposit', label: 'funds.deposit', money: unsettled.deposit },
        { id: 'unsettled.total', label: 'funds.total', money: unsettled.total, total: true },
      ],
    },
    {
      id: 'transferred',
      title: 'funds.transferred',
      lines: [
        { id: 'transferred.transaction', label: 'funds.transaction', money: transferred.transaction },
        { id: 'transferred.deposit', label: 'funds.deposit', money: transferred.deposit },
        { id: 'transferred.total', label: 'funds.total', money: transferred.total, total: true },
      ],
    },
  ]
}

/** The chosen currency if the data still has it, else the first one (a refresh may change the list). */
export function pickCurrency(currencies: readonly CurrencyFunds[], chosen: string | undefined): CurrencyFunds | undefined {
  return currencies.find((c) => c.currency === chosen) ?? currencies[0]
}

/** 结算方式 arrives as a key (contract SETTLEMENT_METHODS); its words are the language tables'. */
export const SETTLEMENT_METHOD_LABEL: Record<SettlementMethod, MessageKey> = {
  'weekly-t7': 'funds.method.weekly-t7',
}
