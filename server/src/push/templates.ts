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
