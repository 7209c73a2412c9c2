/**
 * Raises a business-order case on a payment, as Oceanpayment does when an issuer files a chargeback, a retrieval
 * request, a fraud report or a dispute: the case joins the business-orders (or disputed-orders) list and a signed
 * notification is queued. Used by the dev endpoint POST /sandbox/oceanpayment/dev/cases and by tests.
 */
import { AppError } from '../../errors'
import { newId, type SandboxContext } from './context'
import { enqueueBusinessNotice } from './notices'
import { insertCase, paymentFactsOf, type BusinessRecord, type CaseNoticeType, type SandboxCase } from './store/cases'
import { findOrderAnywhere } from './store/orders'
import { findTerminal } from './store/terminals'

const DETAILS: Record<CaseNoticeType, string> = {
  chargeBack: '4837:No cardholder authorization',
  're-presentment': 'Re-presentment submitted by the merchant',
  retrieval: '6305:Cardholder does not agree with billed amount',
  'reversal-retrieval': 'Retrieval request withdrawn by issuer',
  fraud: '10.4:Other fraud - card absent environment',
  highRisk: 'Risk review: order flagged as high risk',
  dispute: '13.1:Merchandise not received',
  'disputes-period': '13.3:Not as described, within dispute period',
}

/**
 * Disputes travel as chargeBack notifications in dispute state (push_status 2): the notification's notice types
 * (oceanpayment-api.md) have no "dispute" of their own.
 */
function notifiedAs(noticeType: CaseNoticeType): { noticeType: string; pushStatus: 0 | 1 | 2 } {
  if (noticeType === 'dispute' || noticeType === 'disputes-period') return { noticeType: 'chargeBack', pushStatus: 2 }
  return { noticeType, pushStatus: 1 }
}

export interface RaisedCase {
  caseId: string
  paymentId: string
  terminal: string
  noticeType: CaseNoticeType
  details: string
}

export async function raiseCase(
  ctx: SandboxContext,
  input: { paymentId: string; noticeType: CaseNoticeType; details?: string },
): Promise<RaisedCase> {
  const raised = await ctx.db.transaction(async (tx) => {
    const order = await findOrderAnywhere(tx, input.paymentId)
    if (order === undefined) throw new AppError(404, 'NOT_FOUND', `no sandbox payment ${input.paymentId}`)
    if (order.paymentStatus !== 1) {
      throw new AppError(409, 'CONFLICT', `payment ${input.paymentId} did not succeed: nothing to dispute`)
    }
    const terminal = await findTerminal(tx, order.terminal)
    if (terminal === undefined) throw new AppError(404, 'NOT_FOUND', `no sandbox terminal ${order.terminal}`)
    const at = ctx.now()
    const notified = notifiedAs(input.noticeType)
    const item: SandboxCase = {
      caseId: newId('CS'),
      paymentId: order.paymentId,
      terminal: order.terminal,
      noticeType: input.noticeType,
      pushStatus: notified.pushStatus,
      details: input.details ?? DETAILS[input.noticeType],
      amountMinor: order.amountMinor,
      currency: order.currency,
      exceptionAt: at,
      reviewedAt: at,
    }
    await insertCase(tx, item)
    const record: BusinessRecord = {
      kind: 'case',
      pushId: item.caseId,
      ...paymentFactsOf(order),
      noticeType: notified.noticeType,
      pushStatus: notified.pushStatus,
      pushDetails: item.details,
      refundNumber: null,
      refundReference: null,
      pushAt: at,
    }
    await enqueueBusinessNotice(tx, terminal, record, { url: ctx.settings.noticeUrl, at })
    return { caseId: item.caseId, paymentId: item.paymentId, terminal: item.terminal, noticeType: item.noticeType, details: item.details }
  })
  ctx.notifier.kick()
  return raised
}
