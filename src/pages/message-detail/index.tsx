import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { MessageDetailView } from '@/features/messages/message-detail-view'
import { SubscribePrompt } from '@/features/subscriptions/subscribe-prompt'
import { CASE_TOPICS } from '@/features/subscriptions/topics'
import { usePageTitle } from '@/hooks/use-page-title'
import { routeParam } from '@/utils/route-param'

/** One message (`?id=`); opening it marks it read. */
export default function MessageDetailPage() {
  usePageTitle('messages.detail.title')
  const { params } = useRouter()
  return (
    <View className='page'>
      <MessageDetailView id={routeParam(params.id)} />
      {/* Opening a case: a natural moment to ask again for case notices that have no grant left. */}
      <SubscribePrompt topics={CASE_TOPICS} />
    </View>
  )
}
