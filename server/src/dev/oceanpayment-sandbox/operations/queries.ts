/** The four read-only queries: order status, successful orders, business orders, disputed orders. */
import { DAY_MS, formatBeijingDateTime, parseBeijingDateTime } from '@contract/beijing-time'
import { reject } from '../context'
import { formatAmount } from '../money'
import { businessFields } from '../notices'
import { businessRecords, chargebackPayments, disputes, type BusinessDateType } from '../store/cases'
import { ordersByNumbers, successfulOrders, type OrderWithRefunds } from '../store/orders'
import { listHeader, pageNumber, type OperationHandler } from './types'

/** Page sizes the seed does not fix (the sandbox's choice); business orders take theirs from `count`. */
export const SUCCESSFUL_ORDERS_PAGE_SIZE = 50
export const DISPUTED_ORDERS_PAGE_SIZE = 50

const AUTH_STATUS = { pending: '0', captured: '1', voided: '2', reversed: '3' } as const

/** refund_status: 0 none, 1 refund pending, 2 partially refunded, 3 fully refunded. */
function refundStatus(order: OrderWithRefunds): string {
  if (order.refundPendingMinor > BigInt(0)) return '1'
  if (order.refundedMinor === BigInt(0)) return '0'
  const received = order.authStatus === 'captured' ? (order.capturedMinor ?? order.amountMinor) : order.amountMinor
  return order.refundedMinor >= received ? '3' : '2'
}

/**
 * The API's times are whole seconds and its end is inclusive, so the window runs to the last millisecond of the
 * end second: the store keeps milliseconds, and an event at 12:00:05.750 is "at 12:00:05" to a caller.
 */
function window(params: { order_beginDate?: string; order_endDate?: string }): { begin: Date; end: Date } | undefined {
  const begin = parseBeijingDateTime(params.order_beginDate ?? '')
  const end = parseBeijingDateTime(params.order_endDate ?? '')
  return begin && end ? { begin, end: new Date(end.getTime() + 999) } : undefined
}

const BAD_WINDOW = reject('12', 'order_beginDate and order_endDate must be real dates (yyyy-mm-dd HH:mm:ss)')

export const orderStatus: OperationHandler = async (ctx, caller, params) => {
  const numbers = [...new Set((params.order_number ?? '').split(','))]
  const orders = await ordersByNumbers(ctx.db, caller.terminal, numbers)
  if (orders.length === 0) return reject('30', 'no payment found for the given order_number')
  const chargebacks = await chargebackPayments(ctx.db, orders.map((order) => order.paymentId))
  const records = orders.map((order) => ({
    order_number: order.orderNumber,
    order_currency: order.currency,
    order_amount: formatAmount(order.amountMinor, order.currency),
    order_sourceUrl: '',
    order_notes: '',
    methods: order.paymentMethod,
    payment_id: order.paymentId,
    payment_results: String(order.paymentStatus),
    payment_details: order.paymentDetails,
    payment_risk: '',
    payment_authCode: '',
    payment_eci: '',
    payment_dateTime: formatBeijingDateTime(order.createdAt),
    auth_status: order.authStatus === null ? '' : AUTH_STATUS[order.authStatus],
    payment_debitTime: order.paymentStatus === 1 ? formatBeijingDateTime(order.createdAt) : '',
    pay_barCode: '',
    refund_status: refundStatus(order),
    chargeBack_status: chargebacks.has(order.paymentId) ? '1' : '0',
    duplicate_status: '0',
    update_status: '0',
  }))
  return { code: '00', records }
}

export const successfulOrdersQuery: OperationHandler = async (ctx, caller, params) => {
  const range = window(params)
  if (range === undefined) return BAD_WINDOW
  const page = pageNumber(params)
  const result = await successfulOrders(ctx.db, caller.terminal, range, { number: page, size: SUCCESSFUL_ORDERS_PAGE_SIZE })
  return {
    code: '00',
    fields: listHeader(result.total, SUCCESSFUL_ORDERS_PAGE_SIZE, page),
    records: result.records.map((order) => ({
      account: caller.account,
      terminal: caller.terminal,
      payment_id: order.paymentId,
      order_number: order.orderNumber,
      order_currency: order.currency,
      order_amount: formatAmount(order.amountMinor, order.currency),
      methods: order.paymentMethod,
      payment_dateTime: formatBeijingDateTime(order.createdAt),
    })),
  }
}

export const businessOrdersQuery: OperationHandler = async (ctx, caller, params) => {
  const range = window(params)
  if (range === undefined) return BAD_WINDOW
  const page = pageNumber(params)
  const size = Number(params.count ?? '10')
  const dateType = Number(params.date_type ?? '0') as BusinessDateType
  const result = await businessRecords(ctx.db, caller.terminal, { ...range, dateType }, { number: page, size })
  return { code: '00', fields: listHeader(result.total, size, page), records: result.records.map(businessFields) }
}

export const disputedOrdersQuery: OperationHandler = async (ctx, caller, params) => {
  const range = window(params)
  if (range === undefined) return BAD_WINDOW
  const page = pageNumber(params)
  const result = await disputes(
    ctx.db,
    caller.terminal,
    { ...range, noticeType: params.notice_type, paymentId: params.payment_id, orderNumber: params.order_number },
    { number: page, size: DISPUTED_ORDERS_PAGE_SIZE },
  )
  return {
    code: '00',
    fields: listHeader(result.total, DISPUTED_ORDERS_PAGE_SIZE, page),
    records: result.records.map((item) => ({
      payment_id: item.paymentId,
      order_number: item.orderNumber,
      order_currency: item.orderCurrency,
      order_amount: formatAmount(item.orderAmountMinor, item.orderCurrency),
      card_type: item.cardType,
      card_country: item.cardCountry,
      payment_dateTime: formatBeijingDateTime(item.paymentAt),
      notice_type: item.noticeType,
      dispute_amount: formatAmount(item.amountMinor, item.currency),
      dispute_currency: item.currency,
      dispute_reason: item.reason,
      dispute_dateTime: formatBeijingDateTime(item.exceptionAt),
      // The merchant has 20 days to answer a dispute (the sandbox's choice).
      dispute_deadline: formatBeijingDateTime(new Date(item.exceptionAt.getTime() + 20 * DAY_MS)),
    })),
  }
}
