/**
 * The text of messages made from notices. Stored in zh-CN, the product's default language; each message also keeps
 * payment_id and order_number in their own columns, so a client showing English renders its own text from the
 * message kind and those fields instead of translating this one. All wording lives here.
 */
import type { NoticeMessageKind as MessageKind } from './effects'

export interface MessageText {
  title: string
  body: string
}

export interface MessageFacts {
  orderNumber: string
  paymentId: string
  /** "USD 12.50", when the notice gave an amount. */
  amount?: string
  /** push_details, e.g. a reason code and description. */
  details: string
}

const TITLES: Readonly<Record<MessageKind, string>> = {
  chargeback: '拒付通知',
  fraud: '伪冒通知',
  retrieval: '调单通知',
}

const EVENTS: Readonly<Record<MessageKind, string>> = {
  chargeback: '收到持卡人拒付',
  fraud: '被发卡行报告为伪冒交易',
  retrieval: '收到发卡行调单请求',
}

const ADVICE: Readonly<Record<MessageKind, string>> = {
  chargeback: '请尽快准备交易凭证并在 ODPM 提交申诉材料。',
  fraud: '请核实订单并暂停发货，必要时主动退款以避免拒付。',
  retrieval: '请在规定时间内通过 ODPM 提交交易凭证。',
}

export function messageText(kind: MessageKind, facts: MessageFacts): MessageText {
  const order = facts.orderNumber === '' ? '' : `订单号 ${facts.orderNumber}，`
  const lines = [`您的交易（${order}支付 ID ${facts.paymentId}）${EVENTS[kind]}。`]
  if (facts.amount !== undefined) lines.push(`涉及金额：${facts.amount}。`)
  if (facts.details !== '') lines.push(`原因：${facts.details}。`)
  lines.push(ADVICE[kind])
  return { title: TITLES[kind], body: lines.join('\n') }
}
