import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { MessageDetailView } from '@/features/messages/message-detail-view'
import { usePageTitle } from '@/hooks/use-page-title'
import { routeParam } from '@/utils/route-param'

/** One message (`?id=`); opening it marks it read. */
export default function MessageDetailPage() {
  usePageTitle('messages.detail.title')
  const { params } = useRouter()
  return (
    <View className='page'>
      <MessageDetailView id={routeParam(params.id)} />
    </View>
  )
}
