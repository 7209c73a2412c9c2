/** The message list for a filter: first page (loading / error / pull-down refresh), then keyset pages appended. */
import { fetchMessages } from '@/api'
import { useRemote } from '@/hooks/use-remote'
import type { MessageItem, MessagesPage } from '../../../types/messages'
import { messagesQuery, type MessageFilter } from './kinds'
import { useUnreadStore } from './unread-badge'
import { useMorePages } from '@/hooks/use-more-pages'

async function loadPage(filter: MessageFilter, cursor?: string): Promise<MessagesPage> {
  const page = await fetchMessages(messagesQuery(filter, cursor))
  // Every page carries the current unread counts: the chips and the tab badge follow them for free.
  useUnreadStore.getState().setCounts(page.unread)
  return page
}

export function useMessageList(filter: MessageFilter) {
  const first = useRemote(() => loadPage(filter), [filter.kind, filter.unreadOnly])
  const more = useMorePages<MessageItem>(first.data, (cursor) => loadPage(filter, cursor))
  return { status: first.status, error: first.error, reload: first.reload, ...more }
}
