import { Switch, Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import { MESSAGE_KINDS, type MessageKind, type UnreadCounts } from '@contract/messages'
import { KIND_LABEL, type MessageFilter } from './kinds'

export interface MessageFiltersProps {
  filter: MessageFilter
  counts: UnreadCounts | null
  onChange: (next: MessageFilter) => void
  onReadAll: () => void
}

const unreadOf = (counts: UnreadCounts | null, kind: MessageKind | undefined) =>
  counts === null ? 0 : kind === undefined ? counts.total : counts.byKind[kind]

/** The kind chips with their unread counts, the only-unread switch and 全部已读. */
export function MessageFilters({ filter, counts, onChange, onReadAll }: MessageFiltersProps) {
  const t = useT()
  const chips: { id: string; kind: MessageKind | undefined; label: string }[] = [
    { id: 'all', kind: undefined, label: t('messages.type.all') },
    ...MESSAGE_KINDS.map((kind) => ({ id: kind, kind, label: t(KIND_LABEL[kind]) })),
  ]
  return (
    <View className='message-filters'>
      <View className='message-filters__chips'>
        {chips.map((chip) => {
          const unread = unreadOf(counts, chip.kind)
          const active = chip.kind === filter.kind
          return (
            <View
              key={chip.id}
              data-testid={`message-type-${chip.id}`}
              className={`message-filters__chip${active ? ' message-filters__chip--active' : ''}`}
              onClick={() => onChange({ ...filter, kind: chip.kind })}
            >
              <Text>{chip.label}</Text>
              {unread > 0 ? (
                <Text className='message-filters__count' data-testid={`message-type-${chip.id}-count`}>
                  {unread > 99 ? '99+' : String(unread)}
                </Text>
              ) : null}
            </View>
          )
        })}
      </View>
      <View className='message-filters__bar'>
        <View className='message-filters__switch'>
          <Switch
            checked={filter.unreadOnly}
            color='#0b5cff'
            data-testid='only-unread'
            onChange={(event) => onChange({ ...filter, unreadOnly: event.detail.value })}
          />
          <Text className='message-filters__switch-label'>{t('messages.onlyUnread')}</Text>
        </View>
        <Text className='message-filters__read-all link' data-testid='read-all' onClick={onReadAll}>
          {t('messages.readAll')}
        </Text>
      </View>
    </View>
  )
}
