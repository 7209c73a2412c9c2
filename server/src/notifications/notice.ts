/**
 * A business-order notice as this server keeps it: the fields of Oceanpayment's business-order notification (or of
 * one business-orders query record, which carries the same fields), checked for shape and length. Anything
 * Oceanpayment sends beyond these — a card number above all — is not kept.
 */
import type { BusinessNotice } from '../repositories/notifications'
import { parseBeijingDateTime } from '@contract/beijing-time'

export type Fields = Readonly<Record<string, string | undefined>>

function text(fields: Fields, name: string, max: number): string | undefined {
  const value = fields[name]?.trim()
  if (value === undefined || value === '') return undefined
  // Longer than any real value: cut rather than refuse, so one odd optional field never loses a notice.
  return value.length > max ? value.slice(0, max) : value
}

const CURRENCY = /^[A-Z]{3}$/
const AMOUNT = /^\d{1,15}(\.\d{1,6})?$/

export type NoticeParse = { ok: true; notice: BusinessNotice; neutralised: string[] } | { ok: false; reason: string }

/**
 * Control characters other than tab and line breaks: a signed notice may carry one (`&#0;` decodes to NUL), and
 * PostgreSQL cannot store a NUL in text, so the notice failed to store on every delivery and was lost after
 * Oceanpayment's retries. Each is replaced by U+FFFD: the notice is kept, the oddity stays visible.
 */
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/** The fields with unstorable characters replaced, and the names of the fields that had any. */
export function neutraliseFields(fields: Fields): { fields: Fields; neutralised: string[] } {
  const clean: Record<string, string | undefined> = {}
  const neutralised: string[] = []
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && new RegExp(UNSTORABLE.source).test(value)) {
      neutralised.push(name)
      clean[name] = value.replace(UNSTORABLE, '\ufffd')
    } else {
      clean[name] = value
    }
  }
  return { fields: clean, neutralised }
}

export interface NoticeLogger {
  warn(details: object, message: string): void
}

/**
 * Validates the identifying fields strictly (they are keys) and the others loosely (they are shown). `fields`
 * comes from a notification whose signature has already been checked, or from a signed query answer. Control
 * characters are neutralised first (see UNSTORABLE); `logger` hears which fields had them and why.
 */
export function noticeFromFields(received: Fields, logger?: NoticeLogger): NoticeParse {
  const { fields, neutralised } = neutraliseFields(received)
  if (neutralised.length > 0) {
    logger?.warn(
      { account: fields.account?.slice(0, 20), pushId: fields.push_id?.slice(0, 100), fields: neutralised },
      'business-order notice: control characters replaced by U+FFFD (PostgreSQL cannot store them; the notice is kept)',
    )
  }
  const account = fields.account?.trim() ?? ''
  const terminal = fields.terminal?.trim() ?? ''
  const pushId = fields.push_id?.trim() ?? ''
  const noticeType = fields.notice_type?.trim() ?? ''
  const paymentId = fields.payment_id?.trim() ?? ''
  const pushStatus = fields.push_status?.trim() ?? ''
  if (!/^\d{6}$/.test(account)) return { ok: false, reason: 'account is not 6 digits' }
  if (!/^\d{8,12}$/.test(terminal)) return { ok: false, reason: 'terminal is not 8 to 12 digits' }
  if (pushId === '' || pushId.length > 100) return { ok: false, reason: 'push_id is missing or longer than 100' }
  if (noticeType === '' || noticeType.length > 50) return { ok: false, reason: 'notice_type is missing or longer than 50' }
  if (paymentId === '' || paymentId.length > 50) return { ok: false, reason: 'payment_id is missing or longer than 50' }
  if (pushStatus.length > 10) return { ok: false, reason: 'push_status is longer than 10' }

  const currency = text(fields, 'order_currency', 3)
  const amount = text(fields, 'order_amount', 30)
  const refundCurrency = text(fields, 'refund_currency', 3) ?? currency
  const refundAmount = text(fields, 'refund_amount', 30)
  const notice: BusinessNotice = {
    account,
    terminal,
    pushId,
    noticeType,
    pushStatus,
    pushDetails: text(fields, 'push_details', 500) ?? '',
    paymentId,
    orderNumber: text(fields, 'order_number', 50) ?? '',
    currency: currency !== undefined && CURRENCY.test(currency) ? currency : undefined,
    amount: amount !== undefined && AMOUNT.test(amount) ? amount : undefined,
    ...(refundAmount !== undefined && AMOUNT.test(refundAmount) && refundCurrency !== undefined && CURRENCY.test(refundCurrency)
      ? { refundAmount, refundCurrency }
      : {}),
    refundNumber: text(fields, 'refund_number', 50),
    refundReference: text(fields, 'refund_reference', 50),
    cardType: text(fields, 'card_type', 50),
    cardCountry: text(fields, 'card_country', 10),
    pushedAt: parseBeijingDateTime(fields.push_dateTime?.trim() ?? ''),
    // The case's answer deadline; empty for refunds and other notices without one.
    cpdTime: parseBeijingDateTime(fields.payment_cpdTime?.trim() ?? ''),
  }
  return { ok: true, notice, neutralised }
}
