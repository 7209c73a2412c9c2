import { View } from '@tarojs/components'
import { EmptyState } from '@/components/empty-state'
import { usePageTitle } from '@/i18n/use-page-title'
import { useT } from '@/i18n/use-t'

/** Settlement batches (SPEC §3.1 item 4); its data arrives with the server's read APIs. */
export default function SettlementsPage() {
  const t = useT()
  usePageTitle('settlements.title')
  return (
    <View className='page'>
      <View className='card'>
        <View className='card__title'>{t('settlements.title')}</View>
        <EmptyState />
      </View>
    </View>
  )
}
