/** The message kinds' labels (the kinds are the contract's), and the filter the list and "全部已读" share. */
import type { MessageKey } from '@/i18n/translate'
import { MESSAGE_KINDS, type MessageItem, type MessageKind, type MessagesQuery } from '@contract/messages'

export const KIND_LABEL: Record<MessageKind, MessageKey> = {
  announcement: 'messages.type.announcement',
  chargeback: 'messages.type.chargeback',
  fraud: 'messages.type.fraud',
  retrieval: 'messages.type.retrieval',
  refund: 'messages.type.refund',
  reminder: 'messages.type.reminder',
  summary: 'messages.type.summary',
}

export interface MessageFilter {
  /** undefined = 全部. */
  kind: MessageKind | undefined
  unreadOnly: boolean
}

export const ALL_MESSAGES: MessageFilter = { kind: undefined, unreadOnly: false }

/** The list request for a filter; `unreadOnly` is sent only when on, so "all" and "read and unread" share cursors. */
export function messagesQuery(filter: MessageFilter, cursor?: string): MessagesQuery {
  const query: MessagesQuery = {}
  if (filter.kind !== undefined) query.kind = filter.kind
  if (filter.unreadOnly) query.unreadOnly = true
  if (cursor !== undefined) query.cursor = cursor
  return query
}

export function isMessageKind(value: unknown): value is MessageKind {
  return typeof value === 'string' && (MESSAGE_KINDS as readonly string[]).includes(value)
}

/** Whether the user narrowed the list (a kind, or unread only): the empty list then offers to clear that. */
export function isFiltered(filter: MessageFilter): boolean {
  return filter.kind !== undefined || filter.unreadOnly
}

/**
 * The rows to show. Under "仅显示未读" a message read since the list was loaded (opened on the detail page) leaves
 * the list at once, as the next load would drop it anyway; otherwise it stays, shown read.
 */
export function visibleMessages(
  items: readonly MessageItem[],
  unreadOnly: boolean,
  openedIds: Readonly<Record<string, true>>,
): readonly MessageItem[] {
  return unreadOnly ? items.filter((item) => !item.read && openedIds[item.id] !== true) : items
}
