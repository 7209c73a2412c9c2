import { View } from '@tarojs/components'
import { SettlementsScreen } from '@/features/settlements/settlements-screen'
import { usePageTitle } from '@/hooks/use-page-title'

/** 交易划款: settlement batches (SPEC §3.1 item 4). */
export default function SettlementsPage() {
  usePageTitle('settlements.title')
  return (
    <View className='page'>
      <SettlementsScreen />
    </View>
  )
}
