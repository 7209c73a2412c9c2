import { View } from '@tarojs/components'
import { logOutAndLeave } from '@/features/auth/app-session'
import { MeView } from '@/features/me/me-view'
import { SubscriptionsEntry } from '@/features/subscriptions/subscriptions-entry'
import { useUnreadBadge } from '@/features/messages/unread-badge'
import { usePageTitle } from '@/hooks/use-page-title'

/** Me tab (SPEC §3.3). Logging out belongs to the auth feature; the page hands it to the me feature. */
export default function MePage() {
  usePageTitle('me.title')
  useUnreadBadge()
  return (
    <View className='page'>
      <MeView onLogout={logOutAndLeave} settings={<SubscriptionsEntry />} />
    </View>
  )
}
