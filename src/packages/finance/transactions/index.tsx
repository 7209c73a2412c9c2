import { View } from '@tarojs/components'
import { EmptyState } from '@/components/empty-state'
import { usePageTitle } from '@/i18n/use-page-title'
import { useT } from '@/i18n/use-t'

/** Transactions with filters (SPEC §3.1 item 3); its data arrives with the server's read APIs. */
export default function TransactionsPage() {
  const t = useT()
  usePageTitle('transactions.title')
  return (
    <View className='page'>
      <View className='card'>
        <View className='card__title'>{t('transactions.title')}</View>
        <EmptyState />
      </View>
    </View>
  )
}
