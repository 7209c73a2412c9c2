/**
 * What a business-order notice does to the merchant's data, decided by its notice_type and push_status alone.
 * One table, so a correction of Oceanpayment's semantics is a one-line change (README: "Notifications in").
 */

import type { MessageKind } from '@contract/messages'
import type { CaseKind } from '@contract/transactions'

/** The message kinds a notice can raise (announcements come from Oceanpayment's staff, not from notices). */
export type NoticeMessageKind = Exclude<MessageKind, 'announcement'>

export type NoticeEffect =
  /** A new open case (a to-do), and a message when the kind has one (disputes have no message type, SPEC §3.2). */
  | { readonly type: 'open-case'; readonly caseKind: CaseKind; readonly messageKind?: NoticeMessageKind }
  /** The payment's open cases of this kind are closed: the merchant's answer has been dealt with. */
  | { readonly type: 'handle-cases'; readonly caseKind: CaseKind }
  /** A successful refund: the transaction's refunded amount and refund status move. */
  | { readonly type: 'refund'; readonly full: boolean }
  /** Stored for the record only. */
  | { readonly type: 'none'; readonly reason: string }

/** push_status values (oceanpayment-api.md). */
export const PUSH_STATUS = { failed: '0', succeeded: '1', inDispute: '2' } as const

const OPENING: Readonly<Record<string, { caseKind: CaseKind; messageKind: NoticeMessageKind }>> = {
  chargeBack: { caseKind: 'chargeback', messageKind: 'chargeback' },
  retrieval: { caseKind: 'retrieval', messageKind: 'retrieval' },
  fraud: { caseKind: 'fraud', messageKind: 'fraud' },
}

const CLOSING: Readonly<Record<string, CaseKind>> = {
  're-presentment': 'chargeback',
  'reversal-retrieval': 'retrieval',
}

const DISPUTE_TYPES = new Set(['dispute', 'disputes-period'])

/**
 * Why some notices change nothing. ARN is the acquirer reference number of a refund, given so the cardholder can
 * trace it with the issuer: information, not work. highRisk is a risk warning on a payment: it is neither one of
 * the to-do kinds (SPEC §3.1) nor one of the message types (SPEC §3.2), so it is kept for support, not shown.
 */
const INFORMATIONAL: Readonly<Record<string, string>> = {
  ARN: 'ARN: a refund reference for the cardholder, nothing for the merchant to handle',
  highRisk: 'highRisk: a risk warning, neither a to-do kind nor a message type',
}

export function effectOf(noticeType: string, pushStatus: string): NoticeEffect {
  const informational = INFORMATIONAL[noticeType]
  if (informational !== undefined) return { type: 'none', reason: informational }

  if (noticeType === 'refund' || noticeType === 'partialRefund') {
    // Only a refund that went through takes money back; a failed one leaves the payment as it was.
    return pushStatus === PUSH_STATUS.succeeded
      ? { type: 'refund', full: noticeType === 'refund' }
      : { type: 'none', reason: 'refund did not succeed' }
  }

  const opening = OPENING[noticeType]
  if (opening !== undefined) {
    // "In dispute" turns the notice into a dispute the merchant must answer; "failed" means it did not happen.
    if (pushStatus === PUSH_STATUS.inDispute) return { type: 'open-case', caseKind: 'dispute' }
    if (pushStatus === PUSH_STATUS.succeeded) return { type: 'open-case', ...opening }
    return { type: 'none', reason: `${noticeType} with push_status ${pushStatus || '(empty)'} did not take effect` }
  }

  const closing = CLOSING[noticeType]
  if (closing !== undefined) return { type: 'handle-cases', caseKind: closing }

  if (DISPUTE_TYPES.has(noticeType)) {
    // Still in dispute: a case to answer; failed or succeeded: the dispute is decided, so its case is closed.
    return pushStatus === PUSH_STATUS.inDispute
      ? { type: 'open-case', caseKind: 'dispute' }
      : { type: 'handle-cases', caseKind: 'dispute' }
  }

  return { type: 'none', reason: `unknown notice_type ${noticeType}` }
}
