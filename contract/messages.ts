/** `GET /api/messages`, `GET /api/messages/:id`, `POST /api/messages/:id/read`, `POST /api/messages/read-all`. */
import type { BeijingTime, Money } from './money'

/**
 * The message kinds, in the order the filter chips show them: the four of SPEC §3.2, the result of a refund made
 * from the phone (SPEC §4, contract/actions.ts), the answer-deadline reminder of a chargeback or retrieval (sent
 * DEADLINE_REMINDER_HOURS before it, contract/subscriptions.ts) and the morning summary (at MORNING_SUMMARY_HOUR,
 * Beijing time) — issue 15.
 */
export const MESSAGE_KINDS = ['announcement', 'chargeback', 'fraud', 'retrieval', 'refund', 'reminder', 'summary'] as const

export type MessageKind = (typeof MESSAGE_KINDS)[number]

export interface MessagesQuery {
  kind?: MessageKind
  unreadOnly?: boolean
  limit?: number
  cursor?: string
}

/** The languages a text written by people comes in (the client's locales). */
export const TEXT_LANGUAGES = ['zh-CN', 'en-US'] as const

/** A text written by people (an announcement), in every language the client offers. */
export type LocalizedText = Record<(typeof TEXT_LANGUAGES)[number], string>

/**
 * One message. A notice message (chargeback, fraud, retrieval) carries facts only — what happened (kind), to which
 * order, how much, why, by when — and the client words it in the reader's language; an announcement carries its
 * text in both languages.
 */
export interface MessageItem {
  id: string
  kind: MessageKind
  /** An announcement's title; null for a notice message (worded by the client from the facts below). */
  title: LocalizedText | null
  paymentId: string | null
  orderNumber: string | null
  /** The amount the case is about; null for announcements and when the notice gave none. */
  amount: Money | null
  /** The card scheme's reason code and text as the notice gave them (not translated). */
  reasonCode: string | null
  reason: string | null
  /** By when the merchant must answer; null when the notice gave none. */
  deadlineAt: BeijingTime | null
  /** Only for kind 'refund': how the refund ended (a failed one says why in reasonCode/reason); null otherwise. */
  refundOutcome: 'succeeded' | 'failed' | null
  /**
   * Only for kind 'reminder': which reminder (hours before deadlineAt) of which kind of case; the case itself is
   * named by paymentId/orderNumber, its amount, reason and deadline by the fields above. Null otherwise. The
   * hours are DEADLINE_REMINDER_HOURS (contract/subscriptions.ts).
   */
  reminder: { hours: 72 | 24 | 4; caseKind: 'chargeback' | 'retrieval' } | null
  /** Only for kind 'summary': the morning summary's figures. Null otherwise. */
  summary: MorningSummary | null
  createdAt: BeijingTime
  /** Read by this user (read state is per mini-program account). */
  read: boolean
}

/**
 * The morning summary (MORNING_SUMMARY_HOUR, Beijing time) of one merchant: yesterday's successful payments and new
 * cases, and what needs acting on soon as of the moment it was made.
 */
export interface MorningSummary {
  /** The Beijing day the summary was made on (YYYY-MM-DD); its figures of "yesterday" are of the day before. */
  day: string
  /** Successful payments of yesterday (Beijing time): how many, and their amount per currency. */
  successCount: number
  successAmounts: Money[]
  /** Cases (chargeback, dispute, fraud, retrieval) opened yesterday. */
  newCases: number
  /** Pending pre-authorizations that expire within 3 days (contract/authorization-validity.ts). */
  expiringAuthorizations: number
  /** Open cases whose answer deadline falls within the next 72 hours. */
  deadlinesWithin72h: number
}

export interface MessageDetail extends MessageItem {
  /** An announcement's text; null for a notice message. */
  body: LocalizedText | null
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
