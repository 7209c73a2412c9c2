/**
 * One row of the transactions list. Its outer box is exactly ROW_HEIGHT design px tall whatever the content
 * (long texts are cut with an ellipsis), because the virtual list positions rows by arithmetic.
 */
import { memo } from 'react'
import { Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import { formatBeijing } from '@/utils/dates'
import { formatMoney, isNegative } from '@/utils/money'
import type { TransactionListItem } from '@contract/transactions'
import { authStatusKey, statusKey, txnTypeKey } from './labels'

/** Must equal `.tx-row { height }` in transactions.scss. */
export const ROW_HEIGHT = 216

export interface TransactionRowProps {
  item: TransactionListItem
  onOpen: (paymentId: string) => void
}

export const TransactionRow = memo(function TransactionRow({ item, onOpen }: TransactionRowProps) {
  const t = useT()
  // A pre-authorization waiting for capture is what the merchant must act on: show that rather than "success".
  const awaiting = item.authStatus === 'pending'
  const chip = awaiting ? t(authStatusKey('pending')) : t(statusKey(item.status))
  const tone = awaiting ? 'pending' : item.status
  const method = [item.paymentMethod, item.cardBrand, item.txnType === 'authorization' ? t(txnTypeKey('authorization')) : null]
    .filter((part): part is string => part !== null && part !== '')
    .join(' · ')
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
