/**
 * One message layout for every message, however it was made (demo data, webhook, gap fill): what happened to which
 * order (the title), how much and why (the summary), by when (the deadline), and when (the row's time). A notice
 * message arrives as facts and is worded here from the language tables; an announcement arrives in both languages.
 * Pure, so it is tested without rendering.
 */
import type { Locale, MessageKey } from '@/i18n/translate'
import { formatBeijingDate } from '@/utils/dates'
import { formatMoney } from '@/utils/money'
import type { MessageItem, MessageKind } from '@contract/messages'

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string
type NoticeKind = Exclude<MessageKind, 'announcement' | 'summary'>

const EVENT: Record<'chargeback' | 'fraud' | 'retrieval', MessageKey> = {
  chargeback: 'messages.event.chargeback',
  fraud: 'messages.event.fraud',
  retrieval: 'messages.event.retrieval',
}

/** A refund made from the phone says how it ended; without an outcome the title claims neither. */
const REFUND_EVENT: Record<'succeeded' | 'failed' | 'none', MessageKey> = {
  succeeded: 'messages.event.refund.succeeded',
  failed: 'messages.event.refund.failed',
  none: 'messages.event.refund',
}

export const ADVICE: Record<NoticeKind, MessageKey> = {
  chargeback: 'messages.advice.chargeback',
  fraud: 'messages.advice.fraud',
  retrieval: 'messages.advice.retrieval',
  refund: 'messages.advice.refund',
  reminder: 'messages.advice.reminder',
}

/** A reminder names the kind of case and the hours the reminder was for ("72 小时后截止"). */
const REMINDER_EVENT: Record<'chargeback' | 'retrieval', MessageKey> = {
  chargeback: 'messages.event.reminder.chargeback',
  retrieval: 'messages.event.reminder.retrieval',
}

/** What happened, to which order: "订单 MK2026… 被拒付" / "Chargeback on order MK2026…"; an announcement's own title. */
export function messageTitle(item: MessageItem, t: Translate, locale: Locale): string {
  if (item.kind === 'announcement') return item.title?.[locale] ?? ''
  const order = item.orderNumber ?? item.paymentId ?? ''
  if (item.kind === 'refund') return t(REFUND_EVENT[item.refundOutcome ?? 'none'], { order })
  if (item.kind === 'summary') return t('messages.event.summary', { day: item.summary?.day ?? formatBeijingDate(item.createdAt) })
  if (item.kind === 'reminder') {
    const reminder = item.reminder ?? { hours: '', caseKind: 'chargeback' }
    return t(REMINDER_EVENT[reminder.caseKind], { order, hours: reminder.hours })
  }
  return t(EVENT[item.kind], { order })
}

/** The reason as the notice gave it ("4837 No cardholder authorization"); not translated (a card scheme's text). */
export function reasonText(item: Pick<MessageItem, 'reasonCode' | 'reason'>): string | null {
  const text = [item.reasonCode, item.reason].filter((part): part is string => part !== null && part !== '').join(' ')
  return text === '' ? null : text
}

/**
 * The row's second line: how much, by when, why — "USD 1,111.22 · 2026-12-13 前处理 · 4837 …". Money first
 * so a long reason is what the ellipsis cuts. Empty for an announcement (its title takes both lines).
 */
export function messageSummary(item: MessageItem, t: Translate): string {
  if (item.kind === 'announcement') return ''
  if (item.kind === 'summary') {
    const figures = item.summary
    if (figures === null) return ''
    return t('messages.row.summary', {
      count: figures.successCount,
      cases: figures.newCases,
      deadlines: figures.deadlinesWithin72h,
    })
  }
  return [
    item.amount === null ? null : formatMoney(item.amount),
    item.deadlineAt === null ? null : t('messages.row.deadline', { time: formatBeijingDate(item.deadlineAt) }),
    reasonText(item),
  ]
    .filter((part): part is string => part !== null)
    .join('  ·  ')
}
