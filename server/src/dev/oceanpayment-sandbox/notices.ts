/**
 * Builds the business-order notifications the sandbox sends (refund decided, case raised) and the records of the
 * business-orders list, which carry the same fields. Signed per oceanpayment-api.md with the terminal's
 * secureCode; written to the outbox in the caller's transaction.
 */
import type { Queryable } from '../../db'
import { BUSINESS_ORDER_FIELDS, buildXml, signNotification } from '../../gateway'
import { DAY_MS, formatBeijingDateTime } from '@contract/beijing-time'
import { newId } from './context'
import { formatAmount } from './money'
import type { BusinessRecord } from './store/cases'
import { enqueueNotification } from './store/notifications'
import type { SandboxTerminal } from './store/terminals'

/** Root element of a notification document (ASSUMED, as Oceanpayment's other XML answers). */
export const NOTIFICATION_ROOT = 'response'

/**
 * Days the merchant has to answer a case (payment_cpdTime = push time + these): the sandbox's choice, as
 * Oceanpayment does not publish one; the demo data uses the same so its deadlines look like the sandbox's.
 */
export const CASE_ANSWER_DAYS = 10

/** The BUSINESS_ORDER_FIELDS of one record. */
export function businessFields(record: BusinessRecord): Record<(typeof BUSINESS_ORDER_FIELDS)[number], string> {
  return {
    payment_id: record.paymentId,
    order_number: record.orderNumber,
    order_currency: record.orderCurrency,
    order_amount: formatAmount(record.orderAmountMinor, record.orderCurrency),
    order_notes: '',
    card_type: record.cardType,
    card_country: record.cardCountry,
    payment_dateTime: formatBeijingDateTime(record.paymentAt),
    payment_debitTime: formatBeijingDateTime(record.paymentAt),
    push_dateTime: formatBeijingDateTime(record.pushAt),
    refund_number: record.refundNumber ?? '',
    refund_reference: record.refundReference ?? '',
    notice_type: record.noticeType,
    push_status: String(record.pushStatus),
    push_details: record.pushDetails,
    push_id: record.pushId,
    // The case's answer deadline; none for refunds.
    payment_cpdTime: record.kind === 'case' ? formatBeijingDateTime(new Date(record.pushAt.getTime() + CASE_ANSWER_DAYS * DAY_MS)) : '',
  }
}

/** The signed notification document for one record. */
export function notificationXml(terminal: SandboxTerminal, record: BusinessRecord): string {
  const fields: Record<string, string> = { account: terminal.account, terminal: terminal.terminal, ...businessFields(record) }
  return buildXml(NOTIFICATION_ROOT, { ...fields, signValue: signNotification(fields, terminal.secureCode) })
}

export async function enqueueBusinessNotice(
  tx: Queryable,
  terminal: SandboxTerminal,
  record: BusinessRecord,
  options: { url: string; at: Date },
): Promise<void> {
  await enqueueNotification(tx, {
    notificationId: newId('NT'),
    terminal: terminal.terminal,
    paymentId: record.paymentId,
    noticeType: record.noticeType,
    pushId: record.pushId,
    url: options.url,
    body: notificationXml(terminal, record),
    at: options.at,
  })
}
