import { View } from '@tarojs/components'
import { FundsView } from '@/features/funds/funds-view'
import { usePageTitle } from '@/hooks/use-page-title'

/** Account funds per currency (SPEC §3.1 item 2), at most 30 minutes old. */
export default function FundsPage() {
  usePageTitle('funds.title')
  return (
    <View className='page'>
      <FundsView />
    </View>
  )
}
