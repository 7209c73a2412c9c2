/** `GET /api/messages`, `GET /api/messages/:id`, `POST /api/messages/:id/read`, `POST /api/messages/read-all`. */
import type { BeijingTime } from './money'

/** The four message kinds (SPEC §3.2), in the order the filter chips show them. */
export const MESSAGE_KINDS = ['announcement', 'chargeback', 'fraud', 'retrieval'] as const

export type MessageKind = (typeof MESSAGE_KINDS)[number]

export interface MessagesQuery {
  kind?: MessageKind
  unreadOnly?: boolean
  limit?: number
  cursor?: string
}

export interface MessageItem {
  id: string
  kind: MessageKind
  title: string
  paymentId: string | null
  orderNumber: string | null
  createdAt: BeijingTime
  /** Read by this user (read state is per mini-program account). */
  read: boolean
}

export interface MessageDetail extends MessageItem {
  body: string
}

/** Unread per kind and in all, for the filter chips and the tab badge. */
export interface UnreadCounts {
  total: number
  byKind: Record<MessageKind, number>
}

export interface MessagesPage {
  items: MessageItem[]
  nextCursor: string | null
  unread: UnreadCounts
}

export interface ReadAllBody {
  kind?: MessageKind
}

export interface MarkReadResponse {
  /** How many messages this call marked read. */
  marked: number
  unread: UnreadCounts
}
