/**
 * "查询出N条符合条件数据" and 金额统计 (per currency; the first few, expandable when there are many). The page owns
 * `expanded` because it changes the height above the virtual list.
 */
import { Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import { formatMoney, isNegative } from '@/utils/money'
import type { TransactionsTotal } from '@contract/transactions'

const COLLAPSED = 3

export interface ListSummaryProps {
  total: TransactionsTotal
  expanded: boolean
  onToggle: () => void
}

export function ListSummary({ total, expanded, onToggle }: ListSummaryProps) {
  const t = useT()
  const many = total.amounts.length > COLLAPSED
  const shown = expanded || !many ? total.amounts : total.amounts.slice(0, COLLAPSED)
  return (
    <View className='tx-summary'>
      <Text className='tx-summary__count' data-testid='tx-count'>
        {t('tx.count', { count: total.count })}
      </Text>
      {total.amounts.length > 0 ? (
        <View className='tx-summary__totals' data-testid='tx-totals'>
          <Text className='tx-summary__label'>{t('tx.totals')}</Text>
          <View className='tx-summary__amounts'>
            {shown.map((money) => (
              <Text
                key={money.currency}
                className={`tx-summary__amount${isNegative(money) ? ' tx-summary__amount--negative' : ''}`}
              >
                {formatMoney(money)}
              </Text>
            ))}
            {many ? (
              <Text className='tx-summary__toggle link' onClick={onToggle} data-testid='tx-totals-toggle'>
                {expanded ? t('tx.totals.less') : t('tx.totals.more', { count: total.amounts.length })}
              </Text>
            ) : null}
          </View>
        </View>
      ) : null}
    </View>
  )
}
