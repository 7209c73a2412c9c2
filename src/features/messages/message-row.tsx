import { memo } from 'react'
import { Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import { usePreferences } from '@/stores/preferences'
import { formatBeijing } from '@/utils/dates'
import type { MessageItem } from '@contract/messages'
import { KIND_LABEL } from './kinds'
import { messageSummary, messageTitle } from './wording'

/** Must equal `.message-row { height }` in messages.scss: the virtual list positions rows by arithmetic. */
export const MESSAGE_ROW_HEIGHT = 200

export interface MessageRowProps {
  item: MessageItem
  read: boolean
  onOpen: (id: string) => void
}

/**
 * One message in the list (wording.ts): kind tag, time and unread dot; what happened to which order; how much, by
 * when and why. An announcement's title takes both lines instead of leaving the second empty. Fixed height; long
 * texts are cut with an ellipsis (the detail shows them whole).
 */
export const MessageRow = memo(function MessageRow({ item, read, onOpen }: MessageRowProps) {
  const t = useT()
  const locale = usePreferences((state) => state.locale)
  const summary = messageSummary(item, t)
  return (
    <View className={`message-row${read ? '' : ' message-row--unread'}`} data-testid={`message-${item.id}`} onClick={() => onOpen(item.id)}>
      <View className={`message-row__card${summary === '' ? ' message-row__card--text' : ''}`}>
        <View className='message-row__head'>
          <Text className={`message-row__tag message-row__tag--${item.kind}`}>{t(KIND_LABEL[item.kind])}</Text>
          <Text className='message-row__time'>{formatBeijing(item.createdAt)}</Text>
          {read ? null : <View className='message-row__dot' data-testid={`message-${item.id}-unread`} />}
        </View>
        <Text className={`message-row__title${summary === '' ? ' message-row__title--two-lines' : ''}`} data-testid={`message-${item.id}-title`}>
          {messageTitle(item, t, locale)}
        </Text>
        {summary === '' ? null : (
          <Text className='message-row__meta' data-testid={`message-${item.id}-summary`}>
            {summary}
          </Text>
        )}
      </View>
    </View>
  )
})
