import { Text } from '@tarojs/components'
import type { Money } from '@contract/money'
import { formatMoney, isNegative } from '@/utils/money'
import './index.scss'

/** One amount as SPEC §5 shows it (`USD -714,770.83`), tabular digits, red when negative. */
export function MoneyText({ money, className = '' }: { money: Money; className?: string }) {
  const negative = isNegative(money)
  return (
    <Text className={`money-text ${negative ? 'money-text--negative' : ''} ${className}`}>
      {formatMoney(money)}
    </Text>
  )
}
