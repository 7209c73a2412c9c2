/** The message list for a filter: first page (loading / error / pull-down refresh), then keyset pages appended. */
import { fetchMessages } from '@/api'
import { usePagedList } from '@/hooks/use-more-pages'
import type { MessagesPage } from '@contract/messages'
import { messagesQuery, type MessageFilter } from './kinds'
import { useUnreadStore } from './unread-badge'

async function loadPage(filter: MessageFilter, cursor?: string): Promise<MessagesPage> {
  const page = await fetchMessages(messagesQuery(filter, cursor))
  // Every page carries the current unread counts: the chips and the tab badge follow them for free.
  useUnreadStore.getState().setCounts(page.unread)
  return page
}

export function useMessageList(filter: MessageFilter) {
  return usePagedList((cursor) => loadPage(filter, cursor), [filter.kind, filter.unreadOnly])
}
