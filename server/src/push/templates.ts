/**
 * What each subscribe message says: the template fields of each topic (to be chosen on the WeChat platform with
 * these keys, docs/push.md) and one formatter per message kind, in one table keyed by kind — a new kind (the
 * deadline reminder, the morning summary) is one more entry. Formatters use masked facts only: the order number (or
 * Oceanpayment's payment id), the amount, the card scheme's reason and times; never a card number or anything about
 * the customer.
 *
 * Templates are Chinese on WeChat (their titles and keyword names are chosen from WeChat's library), so the values
 * are Chinese too and the message is sent with lang zh_CN.
 */
import { formatBeijingDateTime } from '@contract/beijing-time'
import type { MessageKind } from '@contract/messages'
import type { SubscribeTopic } from '@contract/subscriptions'
import { formatMinor } from '../money'
import type { StoredSummary } from '../repositories/notifications'
import type { OutboxMessage } from '../repositories/push'
import { fieldProblem, fieldTypeOf, fitThing } from './field-rules'

/** A notice message as the sender reads it (from the messages table, through the outbox). */
export type PushableMessage = Omit<OutboxMessage, 'queuedAt'>

export type TemplateData = Record<string, { value: string }>

/** The keys (and so the types) of each topic's template, as chosen on the WeChat platform. */
export const TEMPLATE_KEYS: Readonly<Partial<Record<SubscribeTopic, readonly string[]>>> = {
  // 订单号, 金额, 原因, 通知时间, 温馨提示
  chargeback: ['character_string1', 'thing2', 'thing3', 'time4', 'thing5'],
  fraud: ['character_string1', 'thing2', 'thing3', 'time4', 'thing5'],
  retrieval: ['character_string1', 'thing2', 'thing3', 'time4', 'thing5'],
  // 订单号, 退款金额, 退款结果, 时间, 备注
  refund: ['character_string1', 'thing2', 'phrase3', 'time4', 'thing5'],
  // 订单号, 案件类型, 截止时间, 剩余时间, 温馨提示
  deadline: ['character_string1', 'thing2', 'time3', 'thing4', 'thing5'],
  // 日期, 成功笔数, 成功金额, 新增案件, 温馨提示
  summary: ['date1', 'number2', 'thing3', 'number4', 'thing5'],
}

export interface Formatter {
  topic: SubscribeTopic
  /** Raw values by key; `formatTemplateData` shortens things and refuses what still breaks a rule. */
  values(message: PushableMessage): Record<string, string>
}

/** "1111.22" → "1,111.22": grouped as the app shows amounts. */
function grouped(amount: string): string {
  const [whole, fraction] = amount.split('.')
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return fraction === undefined ? withCommas : `${withCommas}.${fraction}`
}

/** "SEK 1,111.22": a thing, never the amount type (that takes one currency symbol, and SEK has none). */
function amountText(message: PushableMessage): string {
  if (message.currency === null || message.amountMinor === null) return '见详情'
  return `${message.currency} ${grouped(formatMinor(message.amountMinor, message.currency))}`
}

/** The merchant's order number when it fits a character_string, else Oceanpayment's payment id. */
function orderText(message: PushableMessage): string {
  const order = message.orderNumber ?? ''
  if (fieldProblem('character_string', order) === undefined) return order
  return message.paymentId ?? ''
}

function reasonText(message: PushableMessage): string {
  const text = [message.reasonCode, message.reason].filter((part) => part !== null && part !== '').join(' ')
  return text === '' ? '见详情' : text
}

/** `2026-12-05 18:00`, Beijing time. */
const minute = (instant: Date): string => formatBeijingDateTime(instant).slice(0, 16)

/** "请于12-05 18:00前回复": when the notice gave a deadline. */
function byDeadline(message: PushableMessage, action: string, otherwise: string): string {
  if (message.deadlineAt === null) return otherwise
  return `请于${minute(message.deadlineAt).slice(5)}前${action}`
}

const caseFormatter = (topic: SubscribeTopic, action: string, otherwise: string): Formatter => ({
  topic,
  values: (message) => ({
    character_string1: orderText(message),
    thing2: amountText(message),
    thing3: reasonText(message),
    time4: minute(message.createdAt),
    thing5: byDeadline(message, action, otherwise),
  }),
})

const CASE_KIND_TEXT = { chargeback: '拒付', retrieval: '调单' } as const

/**
 * The deadline reminder. 剩余时间 says "不足24小时" (less than), not "剩余24小时": the scheduler makes only the latest
 * due reminder, so a server back from downtime 9 h before a deadline sends the 24 h one, and a push held back by
 * WeChat's daily quota goes later still; "less than N hours" stays true, and 截止时间 gives the exact moment.
 */
const reminderFormatter: Formatter = {
  topic: 'deadline',
  values: (message) => {
    const caseKind = message.reminder?.caseKind ?? 'chargeback'
    return {
      character_string1: orderText(message),
      thing2: `${CASE_KIND_TEXT[caseKind]} ${amountText(message)}`,
      time3: message.deadlineAt === null ? '' : minute(message.deadlineAt),
      thing4: message.reminder === null ? '即将截止' : `不足${message.reminder.hours}小时`,
      thing5: caseKind === 'retrieval' ? '请在截止前提交调单材料' : '请在截止前回复拒付, 逾期将败诉',
    }
  },
}

/**
 * "USD 1,234.50 等3币种": the first currency (the figures are stored in currency order; amounts of different
 * currencies cannot be ranked) and how many there are, in one thing. When that does not fit 20 characters it is not
 * cut (a cut amount would be a wrong one) but says how many currencies, and the detail page lists each.
 */
function summaryAmountText(summary: StoredSummary): string {
  const [first] = summary.successAmounts
  if (first === undefined) return '无'
  const count = summary.successAmounts.length
  const amount = `${first.currency} ${grouped(formatMinor(first.minor, first.currency))}`
  const text = count > 1 ? `${amount} 等${count}币种` : amount
  if (fieldProblem('thing', text) === undefined) return text
  return count > 1 ? `${count}种币种, 详见小程序` : '金额较大, 详见小程序'
}

/** What needs acting on soon: "2件案件即将截止, 1笔预授权将到期", or that nothing does. */
function summaryAdvice(summary: StoredSummary): string {
  const parts = [
    summary.deadlinesWithin72h > 0 ? `${summary.deadlinesWithin72h}件案件即将截止` : '',
    summary.expiringAuthorizations > 0 ? `${summary.expiringAuthorizations}笔预授权将到期` : '',
  ].filter((part) => part !== '')
  return parts.length === 0 ? '暂无临近截止的事项' : parts.join(', ')
}

/** The morning summary; its date is the day it was made (as the app titles it), its figures are of the day before. */
const summaryFormatter: Formatter = {
  topic: 'summary',
  values: (message): Record<string, string> => {
    const summary = message.summary
    // A summary row always has its figures (0016); without them an empty value makes formatTemplateData refuse it.
    if (summary === null) return {}
    return {
      date1: summary.day,
      number2: String(summary.successCount),
      thing3: summaryAmountText(summary),
      number4: String(summary.newCases),
      thing5: summaryAdvice(summary),
    }
  },
}

/** One entry per message kind that goes to the phone; a kind without one (announcements) never does. */
export const FORMATTERS: Readonly<Partial<Record<MessageKind, Formatter>>> = {
  chargeback: caseFormatter('chargeback', '回复拒付', '请尽快登录处理拒付'),
  fraud: caseFormatter('fraud', '处理', '请核查订单, 必要时退款'),
  retrieval: caseFormatter('retrieval', '提交调单材料', '请尽快提交调单材料'),
  refund: {
    topic: 'refund',
    values: (message) => ({
      character_string1: orderText(message),
      thing2: amountText(message),
      phrase3: message.refundOutcome === 'failed' ? '退款失败' : '退款成功',
      time4: minute(message.createdAt),
      thing5: message.refundOutcome === 'failed' ? `原因: ${reasonText(message)}` : '款项将原路退回持卡人',
    }),
  },
  reminder: reminderFormatter,
  summary: summaryFormatter,
}

export type Formatted = { ok: true; data: TemplateData } | { ok: false; problem: string }

/**
 * The template data of a message, every value within its type's rule: things shortened with "…", anything else
 * that breaks a rule refused (the message is then not sent: never sent broken).
 */
export function formatTemplateData(topic: SubscribeTopic, values: Record<string, string>): Formatted {
  const keys = TEMPLATE_KEYS[topic] ?? []
  const data: TemplateData = {}
  for (const key of keys) {
    const type = fieldTypeOf(key)
    const raw = values[key]
    if (type === undefined || raw === undefined) return { ok: false, problem: `data.${key} has no value` }
    const value = type === 'thing' ? fitThing(raw) : raw
    const problem = fieldProblem(type, value)
    if (problem !== undefined) return { ok: false, problem: `data.${key}.value ${problem}` }
    data[key] = { value }
  }
  return { ok: true, data }
}
