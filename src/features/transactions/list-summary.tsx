/**
 * "查询出N条符合条件数据" and 金额统计 (per currency; the first few, expandable when there are many). The label says
 * what was added up (the server's `basis`): successful payments unless a status is filtered, booked amounts in the
 * booking currency with a batch number or booking currency. The page owns `expanded` because it changes the height
 * above the virtual list.
 */
import { Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import { formatMoney, isNegative } from '@/utils/money'
import type { TotalsBasis, TransactionsTotal } from '@contract/transactions'
import type { Translate } from './labels'

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
      {total.count > 0 ? (
        <View className='tx-summary__totals' data-testid='tx-totals'>
          <Text className='tx-summary__label' data-testid='tx-totals-label'>
            {totalsLabel(t, total.basis)}
          </Text>
          <View className='tx-summary__amounts'>
            {total.amounts.length === 0 ? <Text className='tx-summary__amount'>{t('tx.totals.none')}</Text> : null}
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

/** "金额统计（成功交易）", "金额统计（失败交易，记账金额）" …: what the figures add up, in the merchant's words. */
export function totalsLabel(t: Translate, basis: TotalsBasis): string {
  const which = t(`tx.totals.which.${basis.status}`)
  return basis.amount === 'booking' ? t('tx.totals.booking', { which }) : t('tx.totals', { which })
}
