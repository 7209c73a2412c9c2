/**
 * Typed parameters and results of the gateway client's methods. Parameter names are Oceanpayment's own, so a
 * reader can hold them against its documentation; account, terminal and signValue are added by the client.
 * Every value is a string (amounts are decimal strings, never numbers).
 */
import type {
  BUSINESS_ORDER_FIELDS,
  CARD_BIN_RECORD_FIELDS,
  DISPUTED_ORDER_FIELDS,
  ORDER_STATUS_RECORD_FIELDS,
  REFUND_RECORD_FIELDS,
  SUCCESSFUL_ORDER_FIELDS,
} from './operations'

export type Row<F extends readonly string[]> = { readonly [K in F[number]]: string }

/** What every answer has: its result code, Oceanpayment's explanation, its scalar fields and its records. */
export interface GatewayResult<R extends Readonly<Record<string, string>> = Readonly<Record<string, string>>> {
  readonly resultCode: string
  readonly details: string
  /** Scalar elements of the answer named in the operation's response spec ('' when absent). */
  readonly fields: Readonly<Record<string, string>>
  readonly records: readonly R[]
}

export interface OrderStatusParams {
  /** Up to 100 order numbers. */
  readonly order_number: readonly string[]
}
export interface DateRangeParams {
  /** yyyy-mm-dd HH:mm:ss */
  readonly order_beginDate: string
  readonly order_endDate: string
  readonly pages?: string
}
export type SuccessfulOrdersParams = DateRangeParams
export interface BusinessOrdersParams extends DateRangeParams {
  readonly count?: '10' | '50' | '100'
  /** 0 review time, 1 transaction time, 2 exception time */
  readonly date_type?: '0' | '1' | '2'
}
export interface DisputedOrdersParams extends DateRangeParams {
  readonly notice_type?: 'disputes-period' | 'dispute'
  readonly payment_id?: string
  readonly order_number?: string
}
/** 1 capture, 2 void (by payment, optional partial amount); 3 offline reverse (by order, full amount). */
export type PreAuthorizationParams =
  | { readonly payment_authType: '1' | '2'; readonly payment_id: string; readonly order_amount?: string }
  | { readonly payment_authType: '3'; readonly order_number: string }
export interface RefundParams {
  readonly payment_id: string
  /** Required by this SDK (optional for Oceanpayment): the idempotency key that keeps a refund from being sent twice. */
  readonly refund_number: string
  /** 1 full, 2 partial */
  readonly refund_type: '1' | '2'
  /** Decimal string, e.g. "12.50". */
  readonly refund_amount: string
  readonly refund_description: string
  readonly refund_reference?: string
}
export type RefundQueryParams = { readonly refund_id: string } | { readonly refund_number: string }
export type TrackingUploadParams = ({ readonly payment_id: string } | { readonly order_number: string }) & {
  /** One or several tracking numbers (sent comma-separated, 200 characters in all). */
  readonly tracking_number?: string | readonly string[]
  readonly tracking_site: string
  readonly tracking_handler: string
}
export interface CustomsSubmissionParams {
  /** 1 submit, 2 resubmit */
  readonly type?: '1' | '2'
  readonly payment_id?: string
  /** ID card number: personal data, never logged. */
  readonly pay_userId?: string
  readonly pay_userName?: string
  readonly price: string
  readonly total_amount: string
  readonly customs: string
  readonly customs_number: string
  readonly customs_name: string
  readonly sub_order_number?: string
  readonly shipping_fee: string
  readonly order_notes?: string
}
export interface HealthCheckParams {
  /** Domain without https:// */
  readonly site: string
  readonly key?: string
}
export interface CardBinParams {
  /** Up to 100 six-digit BINs. */
  readonly card_bin: readonly string[]
}

export type OrderStatusResult = GatewayResult<Row<typeof ORDER_STATUS_RECORD_FIELDS>>
export type SuccessfulOrdersResult = GatewayResult<Row<typeof SUCCESSFUL_ORDER_FIELDS>>
export type BusinessOrdersResult = GatewayResult<Row<typeof BUSINESS_ORDER_FIELDS>>
export type DisputedOrdersResult = GatewayResult<Row<typeof DISPUTED_ORDER_FIELDS>>
export type RefundQueryResult = GatewayResult<Row<typeof REFUND_RECORD_FIELDS>>
export type CardBinResult = GatewayResult<Row<typeof CARD_BIN_RECORD_FIELDS>>
export type ActionResult = GatewayResult<Readonly<Record<string, never>>>

/**
 * A refund request only starts a refund (its result comes later through Refund Query or a notification).
 * `resolvedBy: 'refund-query'` means the answer was lost or ambiguous and the outcome was read back by
 * refund_number instead of re-sending; `status` is then the refund's current refund_status.
 */
export interface RefundResult {
  readonly resolvedBy: 'response' | 'refund-query'
  readonly resultCode: string
  readonly details: string
  readonly paymentId: string
  readonly refundId: string
  readonly refundNumber: string
  readonly status?: string
}

export interface GatewayClient {
  orderStatus(params: OrderStatusParams): Promise<OrderStatusResult>
  successfulOrders(params: SuccessfulOrdersParams): Promise<SuccessfulOrdersResult>
  businessOrders(params: BusinessOrdersParams): Promise<BusinessOrdersResult>
  disputedOrders(params: DisputedOrdersParams): Promise<DisputedOrdersResult>
  preAuthorization(params: PreAuthorizationParams): Promise<ActionResult>
  /** Never sent twice for one refund_number by this client; see RefundResult and GatewayRefundOutcomeUnknownError. */
  refund(params: RefundParams): Promise<RefundResult>
  refundQuery(params: RefundQueryParams): Promise<RefundQueryResult>
  trackingUpload(params: TrackingUploadParams): Promise<ActionResult>
  customsSubmission(params: CustomsSubmissionParams): Promise<ActionResult>
  healthCheck(params: HealthCheckParams): Promise<ActionResult>
  cardBin(params: CardBinParams): Promise<CardBinResult>
}
