import { useCallback, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PageState } from '@/components/page-state'
import { VirtualList } from '@/components/virtual-list'
import { useT } from '@/hooks/use-t'
import { ROUTES } from '@/routes'
import { ALL_MESSAGES, isFiltered, visibleMessages, type MessageFilter } from './kinds'
import { ListFooter } from '@/components/list-footer'
import { MessageFilters } from './message-filters'
import { MESSAGE_ROW_HEIGHT, MessageRow } from './message-row'
import { confirmAndReadAll } from './read-all'
import { useUnreadStore } from './unread-badge'
import { useMessageList } from './use-message-list'
import './messages.scss'

/** The Messages tab's content (SPEC §3.2): filters, the paged list, 全部已读; a tap opens the detail. */
export function MessageInbox() {
  const t = useT()
  const [filter, setFilter] = useState<MessageFilter>(ALL_MESSAGES)
  const counts = useUnreadStore((state) => state.counts)
  const openedIds = useUnreadStore((state) => state.openedIds)
  const list = useMessageList(filter)
  const { reload } = list
  const items = useMemo(() => visibleMessages(list.items, filter.unreadOnly, openedIds), [list.items, filter.unreadOnly, openedIds])

  const open = useCallback((id: string) => void Taro.navigateTo({ url: `${ROUTES.messageDetail}?id=${encodeURIComponent(id)}` }), [])
  const readAll = async () => {
    if (await confirmAndReadAll(filter.kind, t)) await reload()
  }

  return (
    <View className='messages'>
      <MessageFilters filter={filter} counts={counts} onChange={setFilter} onReadAll={() => void readAll()} />
      <PageState
        status={list.status}
        error={list.error}
        empty={items.length === 0}
        onClearFilters={isFiltered(filter) ? () => setFilter(ALL_MESSAGES) : undefined}
        onRetry={() => void reload()}
      >
        <VirtualList
          id='messages-list'
          count={items.length}
          rowHeight={MESSAGE_ROW_HEIGHT}
          rowKey={(index) => items[index].id}
          renderRow={(index) => <MessageRow item={items[index]} read={items[index].read || openedIds[items[index].id] === true} onOpen={open} />}
          layoutKey={`${filter.kind ?? 'all'}|${filter.unreadOnly}`}
        />
        <ListFooter more={list} testId='messages-load-more' />
      </PageState>
    </View>
  )
}
