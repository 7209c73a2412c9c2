/** 消息: lists with unread counts, detail (opening marks read), mark one / all read. Read state is per user. */
import type { Queryable } from '../db'
import { AppError } from '../errors'
import { messagesRepository, refundOutcomeOf, reminderOf, summaryOf, type MessageRow } from '../repositories/messages'
import type { StoredSummary } from '../repositories/notifications'
import { toBeijingIso, toBeijingIsoOrNull } from '@contract/beijing-time'
import {
  type LocalizedText,
  MESSAGE_KINDS,
  type MarkReadResponse,
  type MessageDetail,
  type MessageItem,
  type MessageKind,
  type MessagesPage,
  type MessagesQuery,
  type MorningSummary,
  type UnreadCounts,
} from '@contract/messages'
import { decodeCursor, encodeCursor, filterFingerprint } from '../lib/list-cursor'
import { money } from '../money'
import { DEFAULT_PAGE_SIZE } from './transactions'

export interface Reader {
  merchantNo: string
  userId: string
}

/**
 * An announcement's text in both languages. One written before 0011 has only its zh-CN text, which then stands for
 * both (nothing else could be shown). Notice messages have no text on the wire: the client words them.
 */
function localized(row: MessageRow, zh: string | null, en: string | null): LocalizedText | null {
  if (row.kind !== 'announcement' || zh === null) return null
  return { 'zh-CN': zh, 'en-US': en ?? zh }
}

/** The stored figures (minor units as strings) as the wire has them (decimal strings per currency). */
function toSummary(stored: StoredSummary): MorningSummary {
  return {
    day: stored.day,
    successCount: stored.successCount,
    successAmounts: stored.successAmounts.map((amount) => money(amount.currency, amount.minor)),
    newCases: stored.newCases,
    expiringAuthorizations: stored.expiringAuthorizations,
    deadlinesWithin72h: stored.deadlinesWithin72h,
  }
}

function toItem(row: MessageRow): MessageItem {
  const summary = summaryOf(row)
  return {
    id: row.id,
    kind: row.kind,
    title: localized(row, row.title, row.title_en),
    paymentId: row.payment_id,
    orderNumber: row.order_number,
    amount: row.currency === null || row.amount_minor === null ? null : money(row.currency, row.amount_minor),
    reasonCode: row.reason_code,
    reason: row.reason,
    deadlineAt: toBeijingIsoOrNull(row.deadline_at),
    refundOutcome: refundOutcomeOf(row),
    reminder: reminderOf(row),
    summary: summary === null ? null : toSummary(summary),
    createdAt: toBeijingIso(row.created_at),
    read: row.read,
  }
}

export async function unreadCounts(db: Queryable, reader: Reader): Promise<UnreadCounts> {
  const rows = await messagesRepository(db).unreadByKind(reader.merchantNo, reader.userId)
  const byKind = Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, 0])) as Record<MessageKind, number>
  for (const row of rows) byKind[row.kind] = row.n
  return { total: rows.reduce((sum, row) => sum + row.n, 0), byKind }
}

export async function listMessages(db: Queryable, reader: Reader, query: MessagesQuery): Promise<MessagesPage> {
  const { limit, cursor, ...filter } = query
  const size = limit ?? DEFAULT_PAGE_SIZE
  // The read state is part of the filter when unreadOnly: a cursor is bound to the user too.
  const fingerprint = filterFingerprint(`${reader.merchantNo}:${reader.userId}:messages`, filter)
  const after = cursor === undefined ? undefined : decodeCursor(cursor, fingerprint)
  if (after !== undefined && !/^\d{1,18}$/.test(after.id)) {
    throw new AppError(400, 'VALIDATION_FAILED', 'cursor: not a cursor of this list')
  }
  const rows = await messagesRepository(db).page(
    { account: reader.merchantNo, userId: reader.userId, kind: filter.kind, unreadOnly: filter.unreadOnly },
    after,
    size + 1,
  )
  const items = rows.slice(0, size)
  const last = items[items.length - 1]
  return {
    items: items.map(toItem),
    nextCursor: rows.length > size && last !== undefined ? encodeCursor({ time: last.sort_key, id: last.id }, fingerprint) : null,
    unread: await unreadCounts(db, reader),
  }
}

function checkId(id: string): void {
  if (!/^\d{1,18}$/.test(id)) throw new AppError(404, 'NOT_FOUND', 'no such message')
}

/** The message; opening it marks it read for this user (SPEC: "tap → detail, marks read"). */
export async function getMessage(db: Queryable, reader: Reader, id: string): Promise<MessageDetail> {
  checkId(id)
  const repository = messagesRepository(db)
  const row = await repository.find(reader.merchantNo, reader.userId, id)
  if (row === undefined) throw new AppError(404, 'NOT_FOUND', 'no such message')
  if (!row.read) await repository.markRead({ account: reader.merchantNo, userId: reader.userId, id })
  return { ...toItem(row), read: true, body: localized(row, row.body, row.body_en) }
}

export async function markMessageRead(db: Queryable, reader: Reader, id: string): Promise<MarkReadResponse> {
  checkId(id)
  const repository = messagesRepository(db)
  if ((await repository.find(reader.merchantNo, reader.userId, id)) === undefined) {
    throw new AppError(404, 'NOT_FOUND', 'no such message')
  }
  const marked = await repository.markRead({ account: reader.merchantNo, userId: reader.userId, id })
  return { marked, unread: await unreadCounts(db, reader) }
}

export async function markAllRead(db: Queryable, reader: Reader, kind: MessageKind | undefined): Promise<MarkReadResponse> {
  const marked = await messagesRepository(db).markRead({ account: reader.merchantNo, userId: reader.userId, kind })
  return { marked, unread: await unreadCounts(db, reader) }
}
