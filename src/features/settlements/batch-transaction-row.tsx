/**
 * One row of a batch; exactly BATCH_TX_ROW_HEIGHT design px tall (the virtual list needs it). Four lines, so no
 * ID, date or amount ever shares a line with another that could squeeze it: order and booked amount; payment ID
 * and time; deductions; the amount paid in another currency and the net.
 */
import { memo } from 'react'
import { Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import { formatBeijing } from '@/utils/dates'
import { formatMoney, groupDigits, isNegative } from '@/utils/money'
import type { SettlementRow } from '@contract/settlements'
import { ROW_KIND_LABEL, rowFigures } from './batch-rows'

/** Must equal `.st-tx { height }` in settlements.scss. */
export const BATCH_TX_ROW_HEIGHT = 216

export interface BatchTransactionRowProps {
  item: SettlementRow
  onOpen: (paymentId: string) => void
}

export const BatchTransactionRow = memo(function BatchTransactionRow({ item, onOpen }: BatchTransactionRowProps) {
  const t = useT()
  const figures = rowFigures(item)
  // Amounts after the first carry no currency code: every one is in the batch currency.
  const deductions = figures.deductions.map((d) => t(d.label, { amount: groupDigits(d.money.amount) })).join(t('st.row.separator'))
  return (
    <View className='st-tx' data-testid={`st-tx-${item.kind}-${item.paymentId}`} onClick={() => onOpen(item.paymentId)}>
      <View className='st-tx__line'>
        <Text className='st-tx__order'>
          {item.kind === 'transaction' ? item.orderNumber : `${t(ROW_KIND_LABEL[item.kind])} · ${item.orderNumber}`}
        </Text>
        <Text className={`st-tx__amount${isNegative(figures.amount) ? ' st-tx__amount--negative' : ''}`} data-testid='st-tx-amount'>
          {formatMoney(figures.amount)}
        </Text>
      </View>
      <View className='st-tx__line'>
        <Text className='st-tx__meta'>{`${item.paymentId} · ${formatBeijing(item.time)}`}</Text>
      </View>
      <View className='st-tx__line'>
        <Text className='st-tx__meta' data-testid='st-tx-deductions'>
          {deductions}
        </Text>
      </View>
      <View className='st-tx__line'>
        <Text className='st-tx__meta' data-testid='st-tx-original'>
          {figures.transactionAmount === null ? '' : t('st.row.original', { amount: formatMoney(figures.transactionAmount) })}
        </Text>
        {item.kind === 'transaction' ? (
          <Text className={`st-tx__net${isNegative(figures.net) ? ' st-tx__amount--negative' : ''}`} data-testid='st-tx-net'>
            {t('st.row.net', { amount: groupDigits(figures.net.amount) })}
          </Text>
        ) : null}
      </View>
    </View>
  )
})
