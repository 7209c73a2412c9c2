/**
 * What a message or case made from a notice is about: the amount in minor units, the reason split into code and
 * text, the answer deadline. Facts only, never words: the client writes the message in the reader's language from
 * them (src/i18n/features/messages.ts), whichever way the notice came (webhook, gap fill, demo data).
 */
import type { BusinessNotice, MessageFacts } from '../repositories/notifications'
import { toMinorUnits } from '../money/gateway-amount'

export interface Reason {
  code: string | undefined
  text: string | undefined
}

/** "4837:No cardholder authorization" → code and text; a details text without a code is all reason. */
export function splitReason(details: string): Reason {
  if (details === '') return { code: undefined, text: undefined }
  const match = /^([A-Za-z0-9.-]{1,20}):([\s\S]*)$/.exec(details)
  if (match === null) return { code: undefined, text: details }
  const text = match[2].trim()
  return { code: match[1], text: text === '' ? undefined : text }
}

/** order_currency / order_amount in minor units; undefined when either is missing or the amount does not fit. */
export function noticeAmount(notice: BusinessNotice): { currency: string; minor: bigint } | undefined {
  if (notice.currency === undefined || notice.amount === undefined) return undefined
  const minor = toMinorUnits(notice.amount, notice.currency)
  return minor === undefined ? undefined : { currency: notice.currency, minor }
}

export function messageFacts(notice: BusinessNotice): MessageFacts {
  const reason = splitReason(notice.pushDetails)
  return {
    paymentId: notice.paymentId,
    orderNumber: notice.orderNumber === '' ? undefined : notice.orderNumber,
    amount: noticeAmount(notice),
    reasonCode: reason.code,
    reason: reason.text,
    deadlineAt: notice.cpdTime,
  }
}
