import { View } from '@tarojs/components'
import { EmptyState } from '@/components/empty-state'
import { usePageTitle } from '@/i18n/use-page-title'
import { useT } from '@/i18n/use-t'

/** Charts (SPEC §3.1 item 5); the only subpackage that will carry ECharts. */
export default function ChartsPage() {
  const t = useT()
  usePageTitle('charts.title')
  return (
    <View className='page'>
      <View className='card'>
        <View className='card__title'>{t('charts.title')}</View>
        <EmptyState />
      </View>
    </View>
  )
}
