import { View } from '@tarojs/components'
import { MessageInbox } from '@/features/messages/message-inbox'
import { useUnreadBadge } from '@/features/messages/unread-badge'
import { SubscribePrompt } from '@/features/subscriptions/subscribe-prompt'
import { NOTICE_TOPICS } from '@/features/subscriptions/topics'
import { usePageTitle } from '@/hooks/use-page-title'

/** Messages tab (SPEC §3.2): the four message kinds, only-unread, 全部已读, and the tab's unread badge. */
export default function MessagesPage() {
  usePageTitle('messages.title')
  useUnreadBadge()
  return (
    <View className='page'>
      {/* A natural moment to ask again for the notices that have no grant left (docs/push.md). */}
      <SubscribePrompt topics={NOTICE_TOPICS} />
      <MessageInbox />
    </View>
  )
}
