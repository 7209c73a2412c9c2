/** Pre-authorization (capture, void, offline reverse), tracking upload and customs submission. */
import { newId, reject, type Answer } from '../context'
import { formatAmount, parseAmount } from '../money'
import { hasFirstSubmission, insertDeclaration } from '../store/customs'
import { findOrder, latestOrderByNumber, setAuthStatus, setTracking } from '../store/orders'
import type { OperationHandler } from './types'

const WALLETS = new Set(['WeChat Pay', 'Alipay'])

export const preAuthorization: OperationHandler = async (ctx, caller, params) => {
  const type = params.payment_authType
  const echo = { payment_id: params.payment_id ?? '', order_number: params.order_number ?? '', payment_authType: type ?? '' }
  return ctx.db.transaction(async (tx): Promise<Answer> => {
    const at = ctx.now()
    if (type === '3') {
      const order = await latestOrderByNumber(tx, caller.terminal, params.order_number ?? '', { lock: true })
      if (order === undefined) return reject('30', 'no payment for this order_number on this terminal', echo)
      const fields = { ...echo, payment_id: order.paymentId }
      if (order.channel !== 'offline' || !WALLETS.has(order.paymentMethod)) {
        return reject('42', 'reverse (3) is only for offline WeChat Pay and Alipay payments', fields)
      }
      if (order.paymentStatus === 0 || order.authStatus !== null || order.refundedMinor + order.refundPendingMinor > BigInt(0)) {
        return reject('42', 'the payment was already reversed, refunded or failed', fields)
      }
      await setAuthStatus(tx, order.paymentId, { status: 'reversed', at })
      return { code: '00', details: 'Reversed', fields: { ...fields, order_amount: formatAmount(order.amountMinor, order.currency) } }
    }
    const order = await findOrder(tx, caller.terminal, params.payment_id ?? '', { lock: true })
    if (order === undefined) return reject('30', 'no payment with this payment_id on this terminal', echo)
    const fields = { ...echo, order_number: order.orderNumber }
    if (order.authStatus !== 'pending' || order.paymentStatus !== 1) {
      const state = order.authStatus === null ? 'not a pre-authorization' : order.authStatus
      return reject('42', `the payment is not an open pre-authorization (${state})`, fields)
    }
    const authorized = order.authorizedMinor ?? order.amountMinor
    if (type === '2') {
      await setAuthStatus(tx, order.paymentId, { status: 'voided', at })
      return { code: '00', details: 'Authorization cancelled', fields: { ...fields, order_amount: formatAmount(authorized, order.currency) } }
    }
    const amount = params.order_amount ? parseAmount(params.order_amount, order.currency) : authorized
    if (amount === undefined || amount <= BigInt(0)) {
      return reject('12', `order_amount must be a positive amount in ${order.currency}`, fields)
    }
    if (amount > authorized) {
      return reject('42', `order_amount exceeds the authorized ${formatAmount(authorized, order.currency)} ${order.currency}`, fields)
    }
    await setAuthStatus(tx, order.paymentId, { status: 'captured', capturedMinor: amount, at })
    return { code: '00', details: 'Authorization confirmed', fields: { ...fields, order_amount: formatAmount(amount, order.currency) } }
  })
}

export const trackingUpload: OperationHandler = async (ctx, caller, params) => {
  const echo = { payment_id: params.payment_id ?? '', order_number: params.order_number ?? '' }
  return ctx.db.transaction(async (tx): Promise<Answer> => {
    const order = params.payment_id
      ? await findOrder(tx, caller.terminal, params.payment_id, { lock: true })
      : await latestOrderByNumber(tx, caller.terminal, params.order_number ?? '', { successfulOnly: true, lock: true })
    if (order === undefined || order.paymentStatus !== 1) {
      return reject('30', 'no successful payment with this payment_id / order_number on this terminal', echo)
    }
    await setTracking(tx, order.paymentId, {
      number: params.tracking_number || null,
      site: params.tracking_site ?? '',
      handler: params.tracking_handler ?? '',
      at: ctx.now(),
    })
    // '01' is the code Oceanpayment publishes for an accepted upload.
    return { code: '01', details: 'Tracking information saved', fields: { payment_id: order.paymentId, order_number: order.orderNumber } }
  })
}

export const customsSubmission: OperationHandler = async (ctx, caller, params) => {
  const subOrderNumber = params.sub_order_number ?? ''
  const echo = { payment_id: params.payment_id ?? '', sub_order_number: subOrderNumber }
  // Optional in the seed, but without it the sandbox cannot tell which payment is declared.
  if (!params.payment_id) return reject('10', 'payment_id is required to identify the payment to declare', echo)
  const type = params.type === '2' ? 2 : 1
  return ctx.db.transaction(async (tx): Promise<Answer> => {
    const order = await findOrder(tx, caller.terminal, params.payment_id ?? '', { lock: true })
    if (order === undefined || order.paymentStatus !== 1) {
      return reject('30', 'no successful payment with this payment_id on this terminal', echo)
    }
    const submitted = await hasFirstSubmission(tx, order.paymentId, subOrderNumber)
    if (type === 1 && submitted) return reject('43', 'customs were already submitted for this order; resubmit with type 2', echo)
    if (type === 2 && !submitted) return reject('44', 'nothing to resubmit: submit with type 1 first', echo)
    const inserted = await insertDeclaration(tx, {
      declarationId: newId('CU'),
      paymentId: order.paymentId,
      subOrderNumber,
      type,
      customs: params.customs ?? '',
      customsNumber: params.customs_number ?? '',
      customsName: params.customs_name ?? '',
      price: params.price ?? '',
      totalAmount: params.total_amount ?? '',
      shippingFee: params.shipping_fee ?? '',
      submittedAt: ctx.now(),
    })
    if (!inserted) return reject('43', 'customs were already submitted for this order; resubmit with type 2', echo)
    return { code: '00', details: type === 1 ? 'Customs submitted' : 'Customs resubmitted', fields: echo }
  })
}
