import { useState } from 'react'
import { Switch, Text, View } from '@tarojs/components'
import { EmptyState } from '@/components/empty-state'
import { usePageTitle } from '@/i18n/use-page-title'
import { useT } from '@/i18n/use-t'
import type { MessageKey } from '@/i18n/translate'
import './index.scss'

const TYPES: readonly { id: string; label: MessageKey }[] = [
  { id: 'all', label: 'messages.type.all' },
  { id: 'announcement', label: 'messages.type.announcement' },
  { id: 'chargeback', label: 'messages.type.chargeback' },
  { id: 'fraud', label: 'messages.type.fraud' },
  { id: 'retrieval', label: 'messages.type.retrieval' },
]

/** Messages tab: the four message types and the only-unread switch over the message list. */
export default function MessagesPage() {
  const t = useT()
  usePageTitle('messages.title')
  const [type, setType] = useState('all')
  const [onlyUnread, setOnlyUnread] = useState(false)
  return (
    <View className='page messages'>
      <View className='messages__types'>
        {TYPES.map((item) => (
          <View
            key={item.id}
            data-testid={`message-type-${item.id}`}
            className={`messages__type ${item.id === type ? 'messages__type--active' : ''}`}
            onClick={() => setType(item.id)}
          >
            <Text>{t(item.label)}</Text>
          </View>
        ))}
      </View>
      <View className='card'>
        <View className='row'>
          <Text className='row__label'>{t('messages.onlyUnread')}</Text>
          <Switch checked={onlyUnread} color='#0b5cff' onChange={(event) => setOnlyUnread(event.detail.value)} />
        </View>
      </View>
      <EmptyState />
    </View>
  )
}
