/**
 * Decides pending refunds whose time has come: paid from the merchant account's balance in the refund's currency
 * (success), or failed when the balance is short. (Oceanpayment keeps retrying a short refund for up to 30 days;
 * the sandbox decides at once so the failure path can be seen and tested.) Each decision queues its notification
 * in the same transaction. Called lazily before every sandbox answer and by the plugin's timer.
 */
import type { SandboxContext } from './context'
import { enqueueBusinessNotice } from './notices'
import { paymentFactsOf, type BusinessRecord } from './store/cases'
import { findOrder } from './store/orders'
import { debitBalance, finishRefund, lockDueRefunds } from './store/refunds'
import { findTerminal } from './store/terminals'

const BATCH = 50

/**
 * @param options.wait the answer path waits for refunds the background tick is deciding right now, so an answer
 *   never shows a due refund as still pending (see lockDueRefunds).
 * @returns how many refunds were decided
 */
export async function settleDueRefunds(ctx: SandboxContext, options: { wait?: boolean } = {}): Promise<number> {
  let decided = 0
  for (;;) {
    const count = await ctx.db.transaction(async (tx) => {
      const at = ctx.now()
      const due = await lockDueRefunds(tx, at, BATCH, options.wait === true)
      for (const refund of due) {
        const terminal = await findTerminal(tx, refund.terminal)
        const order = await findOrder(tx, refund.terminal, refund.paymentId)
        if (terminal === undefined || order === undefined) continue
        const paid = await debitBalance(tx, terminal.account, refund.currency, refund.amountMinor)
        const details = paid ? 'Refund succeeded' : 'Refund failed: insufficient account balance'
        await finishRefund(tx, refund.refundId, { status: paid ? 'success' : 'failure', details, at })
        const record: BusinessRecord = {
          kind: 'refund',
          pushId: refund.refundId,
          ...paymentFactsOf(order),
          noticeType: refund.refundType === 1 ? 'refund' : 'partialRefund',
          pushStatus: paid ? 1 : 0,
          pushDetails: details,
          refundNumber: refund.refundNumber,
          refundReference: refund.refundReference,
          pushAt: at,
        }
        await enqueueBusinessNotice(tx, terminal, record, { url: ctx.settings.noticeUrl, at })
      }
      return due.length
    })
    decided += count
    if (count < BATCH) break
  }
  if (decided > 0) ctx.notifier.kick()
  return decided
}
