/** One transaction of a batch; exactly BATCH_TX_ROW_HEIGHT design px tall (the virtual list needs it). */
import { memo } from 'react'
import { Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import { formatBeijing } from '@/utils/dates'
import { formatMoney, isNegative } from '@/utils/money'
import type { TransactionListItem } from '@contract/transactions'
import { TX_STATUS_LABEL } from './labels'

/** Must equal `.st-tx { height }` in settlements.scss. */
export const BATCH_TX_ROW_HEIGHT = 136

export interface BatchTransactionRowProps {
  item: TransactionListItem
  onOpen: (paymentId: string) => void
}

export const BatchTransactionRow = memo(function BatchTransactionRow({ item, onOpen }: BatchTransactionRowProps) {
  const t = useT()
  return (
    <View className='st-tx' data-testid={`st-tx-${item.paymentId}`} onClick={() => onOpen(item.paymentId)}>
      <View className='st-tx__line'>
        <Text className='st-tx__order'>{item.orderNumber}</Text>
        <Text className={`st-tx__amount${isNegative(item.amount) ? ' st-tx__amount--negative' : ''}`}>{formatMoney(item.amount)}</Text>
      </View>
      <View className='st-tx__line'>
        <Text className='st-tx__meta'>{`${item.paymentId} · ${formatBeijing(item.paymentTime)}`}</Text>
        <Text className={`st-tx__status st-tx__status--${item.status}`}>{t(TX_STATUS_LABEL[item.status])}</Text>
      </View>
    </View>
  )
})
