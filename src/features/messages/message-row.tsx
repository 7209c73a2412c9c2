import { memo } from 'react'
import { Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import { formatBeijing } from '@/utils/dates'
import type { MessageItem } from '@contract/messages'
import { KIND_LABEL } from './kinds'

/** Must equal `.message-row { height }` in messages.scss: the virtual list positions rows by arithmetic. */
export const MESSAGE_ROW_HEIGHT = 200

export interface MessageRowProps {
  item: MessageItem
  read: boolean
  onOpen: (id: string) => void
}

/**
 * One message in the list: kind tag, time, unread dot, title, and the order / payment it is about. Fixed height;
 * long titles are cut with an ellipsis (the detail shows them whole).
 */
export const MessageRow = memo(function MessageRow({ item, read, onOpen }: MessageRowProps) {
  const t = useT()
  const meta = [
    item.orderNumber === null ? null : `${t('messages.orderNumber')} ${item.orderNumber}`,
    item.paymentId === null ? null : `${t('messages.paymentId')} ${item.paymentId}`,
  ].filter((part): part is string => part !== null)
  return (
    <View className={`message-row${read ? '' : ' message-row--unread'}`} data-testid={`message-${item.id}`} onClick={() => onOpen(item.id)}>
      <View className='message-row__card'>
        <View className='message-row__head'>
          <Text className={`message-row__tag message-row__tag--${item.kind}`}>{t(KIND_LABEL[item.kind])}</Text>
          <Text className='message-row__time'>{formatBeijing(item.createdAt)}</Text>
          {read ? null : <View className='message-row__dot' data-testid={`message-${item.id}-unread`} />}
        </View>
        <Text className='message-row__title'>{item.title}</Text>
        {/* Kept when empty so every row has the same height. */}
        <Text className='message-row__meta'>{meta.join('  ·  ')}</Text>
      </View>
    </View>
  )
})
