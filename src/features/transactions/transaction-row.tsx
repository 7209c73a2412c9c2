/**
 * One row of the transactions list. Its outer box is exactly ROW_HEIGHT design px tall whatever the content
 * (long texts are cut with an ellipsis), because the virtual list positions rows by arithmetic.
 */
import { memo } from 'react'
import { Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import { formatBeijing, formatBeijingDate } from '@/utils/dates'
import { formatMoney, isNegative } from '@/utils/money'
import type { TransactionCase, TransactionListItem } from '@contract/transactions'
import { authStatusKey, caseKey, statusKey, txnTypeKey, type Translate } from './labels'

/** Must equal `.tx-row { height }` in transactions.scss. */
export const ROW_HEIGHT = 216

export interface TransactionRowProps {
  item: TransactionListItem
  onOpen: (paymentId: string) => void
}

export const TransactionRow = memo(function TransactionRow({ item, onOpen }: TransactionRowProps) {
  const t = useT()
  const method = [item.paymentMethod, item.cardBrand, item.txnType === 'authorization' ? t(txnTypeKey('authorization')) : null]
    .filter((part): part is string => part !== null && part !== '')
    .join(' · ')
  if (item.case !== undefined) return <CaseRow item={item} found={item.case} method={method} onOpen={onOpen} t={t} />
  // A pre-authorization waiting for capture is what the merchant must act on: show that rather than "success".
  const awaiting = item.authStatus === 'pending'
  const chip = awaiting ? t(authStatusKey('pending')) : t(statusKey(item.status))
  const tone = awaiting ? 'pending' : item.status
  return (
    <View className='tx-row' data-testid={`tx-row-${item.paymentId}`} onClick={() => onOpen(item.paymentId)}>
      <View className='tx-row__line'>
        <Text className='tx-row__method'>{method}</Text>
        <Text className={`tx-chip tx-chip--${tone}`}>{chip}</Text>
      </View>
      {/* One Text per line: every node of a row is multiplied by the rows in the window (WXML node budget). */}
      <Text className='tx-row__detail'>{`${t('tx.row.terminal')}  ${item.terminal}`}</Text>
      <Text className='tx-row__detail'>{`${t('tx.row.orderNumber')}  ${item.orderNumber}`}</Text>
      <View className='tx-row__line'>
        <Text className={`tx-row__amount${isNegative(item.amount) ? ' tx-row__amount--negative' : ''}`}>
          {formatMoney(item.amount)}
        </Text>
        <Text className='tx-row__time'>{formatBeijing(item.paymentTime)}</Text>
      </View>
    </View>
  )
})

interface CaseRowProps {
  item: TransactionListItem
  found: TransactionCase
  method: string
  onOpen: (paymentId: string) => void
  t: Translate
}

/**
 * A row of a case list (chargebacks, fraud, retrievals, disputes from the to-dos): the case, not the payment's
 * "成功" — its kind and state, its reason as the notice gave it, the order, the amount it concerns and by when to
 * answer. Same lines and height as a payment row.
 */
function CaseRow({ item, found, method, onOpen, t }: CaseRowProps) {
  const state = t(found.status === 'open' ? 'txd.case.status.open' : 'txd.case.status.handled')
  const reason = [found.reasonCode, found.reason].filter((part): part is string => part !== null && part !== '').join(' ')
  return (
    <View className='tx-row' data-testid={`tx-row-${item.paymentId}`} onClick={() => onOpen(item.paymentId)}>
      <View className='tx-row__line'>
        <Text className='tx-row__method'>{method}</Text>
        <Text className={`tx-chip tx-chip--${found.status === 'open' ? 'case' : 'handled'}`} data-testid={`tx-row-${item.paymentId}-case`}>
          {t('tx.caseRow.chip', { kind: t(caseKey(found.kind)), state })}
        </Text>
      </View>
      <Text className='tx-row__detail' data-testid={`tx-row-${item.paymentId}-reason`}>
        {reason === '' ? t('tx.caseRow.noReason') : t('tx.caseRow.reason', { reason })}
      </Text>
      <Text className='tx-row__detail'>{`${t('tx.row.orderNumber')}  ${item.orderNumber}`}</Text>
      <View className='tx-row__line'>
        <Text className='tx-row__amount'>{formatMoney(found.amount)}</Text>
        <Text className={`tx-row__time${found.status === 'open' ? ' tx-row__time--due' : ''}`} data-testid={`tx-row-${item.paymentId}-deadline`}>
          {found.deadlineAt === null ? t('tx.caseRow.noDeadline') : t('tx.caseRow.deadline', { date: formatBeijingDate(found.deadlineAt) })}
        </Text>
      </View>
    </View>
  )
}
