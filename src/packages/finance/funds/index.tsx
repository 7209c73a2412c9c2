import { View } from '@tarojs/components'
import { EmptyState } from '@/components/empty-state'
import { usePageTitle } from '@/i18n/use-page-title'
import { useT } from '@/i18n/use-t'

/** Account funds per currency (SPEC §3.1 item 2); its data arrives with the server's read APIs. */
export default function FundsPage() {
  const t = useT()
  usePageTitle('funds.title')
  return (
    <View className='page'>
      <View className='card'>
        <View className='card__title'>{t('funds.title')}</View>
        <EmptyState />
      </View>
    </View>
  )
}
