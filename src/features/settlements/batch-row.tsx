/**
 * One settlement batch in the list. Its outer box is exactly BATCH_ROW_HEIGHT design px tall (long texts are
 * cut with an ellipsis): the virtual list positions rows by arithmetic.
 */
import { memo } from 'react'
import { Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import { formatBeijing } from '@/utils/dates'
import { formatMoney, isNegative } from '@/utils/money'
import type { SettlementBatch } from '@contract/settlements'
import { BATCH_TYPE_LABEL, STATUS_LABEL } from './labels'
import { periodLabel } from './query'

/** Must equal `.st-row { height }` in settlements.scss. */
export const BATCH_ROW_HEIGHT = 248

export interface BatchRowProps {
  batch: SettlementBatch
  onOpen: (batchNo: string) => void
}

export const BatchRow = memo(function BatchRow({ batch, onOpen }: BatchRowProps) {
  const t = useT()
  return (
    <View className='st-row' data-testid={`st-row-${batch.batchNo}`} onClick={() => onOpen(batch.batchNo)}>
      <View className='st-row__card'>
        <View className='st-row__line'>
          <Text className='st-row__batch'>{batch.batchNo}</Text>
          <Text className={`st-chip st-chip--${batch.status}`}>{t(STATUS_LABEL[batch.status])}</Text>
        </View>
        <Text className='st-row__sub'>{`${t(BATCH_TYPE_LABEL[batch.batchType])} · ${batch.currency} · ${periodLabel(batch)}`}</Text>
        <View className='st-row__line'>
          <Text className='st-row__label'>{t('st.net')}</Text>
          <Text className={`st-row__net${isNegative(batch.net) ? ' st-row__net--negative' : ''}`}>{formatMoney(batch.net)}</Text>
        </View>
        <Text className='st-row__times'>
          {`${t('st.createdAt')} ${formatBeijing(batch.createdAt)}  ·  ${t('st.settledAt')} ${
            batch.settledAt === null ? t('st.notSettled') : formatBeijing(batch.settledAt)
          }`}
        </Text>
      </View>
    </View>
  )
})
