/**
 * The one table of Oceanpayment's order-management functions: where each is sent, which parameters it takes and
 * their rules (seed 003 and oceanpayment-api.md), which values its signValue covers, whether it may be retried,
 * and the XML it answers with. The client, the validator, the signer and the sandbox all read this table, so a
 * correction — above all to a rule marked ASSUMED — is a one-line change here.
 */

export type OperationName =
  | 'orderStatus'
  | 'successfulOrders'
  | 'businessOrders'
  | 'disputedOrders'
  | 'preAuthorization'
  | 'refund'
  | 'refundQuery'
  | 'trackingUpload'
  | 'customsSubmission'
  | 'healthCheck'
  | 'cardBin'

export const OPERATION_NAMES: readonly OperationName[] = [
  'orderStatus',
  'successfulOrders',
  'businessOrders',
  'disputedOrders',
  'preAuthorization',
  'refund',
  'refundQuery',
  'trackingUpload',
  'customsSubmission',
  'healthCheck',
  'cardBin',
]

/** Which base URL an operation goes to (config: OCEANPAYMENT_QUERY_BASE, _SECURE_BASE, _CHECKOUT_BASE, _CARD_BIN_BASE). */
export type HostName = 'query' | 'secure' | 'checkout' | 'cardBin'

/**
 * 'form': application/x-www-form-urlencoded with account, terminal and signValue in the body.
 * 'json-with-credential-headers': a JSON body, with account, terminal and secureCode as HTTP headers (no signValue).
 */
export type Encoding = 'form' | 'json-with-credential-headers'

export interface FormatRule {
  readonly regex: RegExp
  /** Human description used in error messages, e.g. "yyyy-mm-dd HH:mm:ss". */
  readonly description: string
}

/** A comma-separated list inside one parameter (order numbers, tracking numbers, card BINs). */
export interface ListRule {
  /** Undefined: only the field's own maxLength limits the count. */
  readonly maxItems?: number
  readonly itemMinLength: number
  readonly itemMaxLength: number
  readonly itemFormat?: FormatRule
}

export interface FieldRule {
  readonly required?: boolean
  /** In characters (code points). Checked only when the field is present. */
  readonly minLength?: number
  readonly maxLength?: number
  readonly format?: FormatRule
  readonly enum?: readonly string[]
  readonly list?: ListRule
  /** An amount that must be greater than zero (a refund or capture of 0 means nothing). */
  readonly positive?: boolean
}

/** Exactly one of the fields must be present (the seed's "pick one of two"). */
export interface ExactlyOneGroup {
  readonly fields: readonly [string, string]
}

export interface ResponseSpec {
  /** Root element of the XML answer. */
  readonly root: string
  /** Element holding the result code; codes are looked up in RESULT_CODES. */
  readonly resultField: string
  readonly detailsField: string
  /** Oceanpayment's order status answer carries no result code when it succeeds: absent means '00'. */
  readonly resultOptional?: boolean
  /** Scalar children of the root that the SDK returns. */
  readonly fields: readonly string[]
  /** Repeated record elements, if the answer is a list. */
  readonly records?: { readonly element: string; readonly fields: readonly string[] }
  /**
   * The values a response signValue covers, between account + terminal (always the caller's own credentials, so a
   * response for another terminal fails too) and secureCode. `root`: signValue is a child of the root; `record`:
   * each record carries its own signValue. Undefined: the answer is not signed.
   */
  readonly signature?: { readonly root?: readonly string[]; readonly record?: readonly string[] }
}

export type Params = Readonly<Record<string, string | undefined>>

export interface OperationSpec {
  readonly name: OperationName
  readonly path: string
  readonly host: HostName
  readonly encoding: Encoding
  readonly fields: Readonly<Record<string, FieldRule>>
  readonly exactlyOne?: readonly ExactlyOneGroup[]
  /**
   * The values between account + terminal and secureCode in the request signValue, in order; absent optional
   * fields contribute nothing. Undefined for the JSON calls, which carry secureCode in a header instead.
   */
  readonly signedFields?: (params: Params) => readonly string[]
  /**
   * May be re-sent after a timeout or a transport failure. Only read-only queries: a refund, capture/void,
   * tracking or customs call that timed out may have been executed, and re-sending it could act twice.
   */
  readonly retryable: boolean
  readonly response: ResponseSpec
}

const DATE_TIME: FormatRule = {
  regex: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/,
  description: 'yyyy-mm-dd HH:mm:ss',
}
const DIGITS: FormatRule = { regex: /^\d+$/, description: 'digits only' }
/** Amounts are decimal strings, never floating point: up to 2 decimals, no sign, no exponent. */
const AMOUNT: FormatRule = { regex: /^(0|[1-9]\d*)(\.\d{1,2})?$/, description: 'a decimal amount such as 10 or 9.90' }
/** A domain, as the health examination expects it: no scheme, no path. */
const DOMAIN: FormatRule = {
  regex: /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))+$/,
  description: 'a domain name without https:// or a path',
}
/** The Postman example puts the tracking site as a URL; a bare domain is accepted too. */
const SITE: FormatRule = {
  regex: /^(https?:\/\/)?[A-Za-z0-9.-]+(:\d+)?(\/\S*)?$/,
  description: 'a carrier website (URL or domain)',
}

/** Common parameters of every call; they come from the client's credentials, not from the caller's params. */
export const COMMON_FIELDS: Readonly<Record<'account' | 'terminal', FieldRule>> = {
  account: { required: true, minLength: 6, maxLength: 6, format: { regex: /^\d{6}$/, description: '6 digits' } },
  terminal: { required: true, minLength: 8, maxLength: 12, format: { regex: /^\d{8,12}$/, description: '8 to 12 digits' } },
}

const dateRange = {
  order_beginDate: { required: true, minLength: 19, maxLength: 19, format: DATE_TIME },
  order_endDate: { required: true, minLength: 19, maxLength: 19, format: DATE_TIME },
} as const satisfies Record<string, FieldRule>

const pages: FieldRule = { maxLength: 5, format: DIGITS }

/** Values of the named params in order, leaving out absent and empty ones (Oceanpayment's rule for optional fields). */
function present(params: Params, names: readonly string[]): string[] {
  return names.map((name) => params[name] ?? '').filter((value) => value !== '')
}

/** Header fields of every list answer (Oceanpayment's successful-orders example). */
const LIST_HEADER = ['account', 'terminal', 'signValue', 'results', 'details', 'count', 'totalpages', 'pages'] as const

export const ORDER_STATUS_RECORD_FIELDS = [
  'account',
  'terminal',
  'signValue',
  'order_number',
  'order_currency',
  'order_amount',
  'order_sourceUrl',
  'order_notes',
  'methods',
  'payment_id',
  'payment_results',
  'payment_details',
  'payment_risk',
  'payment_authCode',
  'payment_eci',
  'payment_dateTime',
  'auth_status',
  'payment_debitTime',
  'pay_barCode',
  'refund_status',
  'chargeBack_status',
  'duplicate_status',
  'update_status',
] as const

export const SUCCESSFUL_ORDER_FIELDS = [
  'account',
  'terminal',
  'payment_id',
  'order_number',
  'order_currency',
  'order_amount',
  'methods',
  'payment_dateTime',
] as const

/** ASSUMED: mirrors the business-order notification's fields. */
export const BUSINESS_ORDER_FIELDS = [
  'payment_id',
  'order_number',
  'order_currency',
  'order_amount',
  'order_notes',
  'card_type',
  'card_country',
  'payment_dateTime',
  'payment_debitTime',
  'push_dateTime',
  'refund_number',
  'refund_reference',
  'notice_type',
  'push_status',
  'push_details',
  'push_id',
  'payment_cpdTime',
] as const

/** ASSUMED: Oceanpayment does not publish the disputed-orders record. */
export const DISPUTED_ORDER_FIELDS = [
  'payment_id',
  'order_number',
  'order_currency',
  'order_amount',
  'card_type',
  'card_country',
  'payment_dateTime',
  'notice_type',
  'dispute_amount',
  'dispute_currency',
  'dispute_reason',
  'dispute_dateTime',
  'dispute_deadline',
] as const

/** ASSUMED: the refund query record. refund_status: -1 processing, 1 succeeded, 0 failed. */
export const REFUND_RECORD_FIELDS = [
  'refund_id',
  'refund_number',
  'refund_reference',
  'payment_id',
  'order_number',
  'refund_type',
  'refund_currency',
  'refund_amount',
  'refund_status',
  'refund_details',
  'refund_dateTime',
] as const

/** ASSUMED: the card BIN record. */
export const CARD_BIN_RECORD_FIELDS = ['card_bin', 'card_brand', 'card_type', 'card_level', 'card_country', 'issuer'] as const

const listResponse = (recordFields: readonly string[]): ResponseSpec => ({
  root: 'response',
  resultField: 'results',
  detailsField: 'details',
  fields: LIST_HEADER,
  records: { element: 'orderInfo', fields: recordFields },
  // ASSUMED response rule: account + terminal + results + count + pages + secureCode.
  signature: { root: ['results', 'count', 'pages'] },
})

export const OPERATIONS: Readonly<Record<OperationName, OperationSpec>> = {
  orderStatus: {
    name: 'orderStatus',
    path: '/service/check/normal',
    host: 'query',
    encoding: 'form',
    fields: {
      order_number: { required: true, list: { maxItems: 100, itemMinLength: 1, itemMaxLength: 50 } },
    },
    // Checked against Oceanpayment's published example (995378 / 99537801 / ae866).
    signedFields: (p) => present(p, ['order_number']),
    retryable: true,
    response: {
      root: 'response',
      resultField: 'results',
      detailsField: 'details',
      resultOptional: true,
      fields: ['results', 'details'],
      records: { element: 'paymentInfo', fields: ORDER_STATUS_RECORD_FIELDS },
      // ASSUMED response rule, per paymentInfo.
      signature: { record: ['order_number', 'order_currency', 'order_amount', 'payment_id', 'payment_results'] },
    },
  },
  successfulOrders: {
    name: 'successfulOrders',
    path: '/service/QueryOrdersList',
    host: 'query',
    encoding: 'form',
    fields: { ...dateRange, pages },
    // begin + end checked against Oceanpayment's example; `pages` when sent is ASSUMED (as business orders).
    signedFields: (p) => present(p, ['order_beginDate', 'order_endDate', 'pages']),
    retryable: true,
    response: listResponse(SUCCESSFUL_ORDER_FIELDS),
  },
  businessOrders: {
    name: 'businessOrders',
    path: '/service/BusinessOrdersList',
    host: 'query',
    encoding: 'form',
    fields: {
      ...dateRange,
      pages,
      count: { maxLength: 3, enum: ['10', '50', '100'] },
      date_type: { maxLength: 3, enum: ['0', '1', '2'] },
    },
    // begin + end + pages checked against Oceanpayment's example; count and date_type not signed: ASSUMED.
    signedFields: (p) => present(p, ['order_beginDate', 'order_endDate', 'pages']),
    retryable: true,
    response: listResponse(BUSINESS_ORDER_FIELDS),
  },
  disputedOrders: {
    name: 'disputedOrders',
    path: '/service/DisputeOrderList',
    host: 'query',
    encoding: 'form',
    fields: {
      ...dateRange,
      pages,
      notice_type: { maxLength: 50, enum: ['disputes-period', 'dispute'] },
      payment_id: { maxLength: 50 },
      order_number: { maxLength: 50 },
    },
    // Checked against Oceanpayment's example (same signValue as business orders): notice_type etc. not signed.
    signedFields: (p) => present(p, ['order_beginDate', 'order_endDate', 'pages']),
    retryable: true,
    response: listResponse(DISPUTED_ORDER_FIELDS),
  },
  preAuthorization: {
    name: 'preAuthorization',
    path: '/gateway/service/auth',
    host: 'secure',
    encoding: 'form',
    fields: {
      // Required for capture/void (1, 2); the offline reverse (3) names the order instead (see validate.ts).
      payment_id: { minLength: 1, maxLength: 50 },
      order_number: { minLength: 1, maxLength: 50 },
      order_amount: { maxLength: 50, format: AMOUNT, positive: true },
      payment_authType: { required: true, minLength: 1, maxLength: 1, enum: ['1', '2', '3'] },
    },
    // Both orders checked against Oceanpayment's examples (Pre-Auth and Void).
    signedFields: (p) =>
      p.payment_authType === '3'
        ? present(p, ['order_number', 'payment_authType'])
        : present(p, ['payment_id', 'payment_authType', 'order_amount']),
    retryable: false,
    response: {
      // Oceanpayment's own example answers with a <respon> root.
      root: 'respon',
      // ASSUMED result element names.
      resultField: 'auth_results',
      detailsField: 'auth_details',
      fields: ['account', 'terminal', 'signValue', 'payment_id', 'order_number', 'payment_authType', 'order_amount', 'auth_results', 'auth_details'],
      // ASSUMED response rule.
      signature: { root: ['payment_id', 'payment_authType', 'auth_results'] },
    },
  },
  refund: {
    name: 'refund',
    path: '/service/applyRefund',
    host: 'query',
    encoding: 'form',
    fields: {
      payment_id: { required: true, minLength: 1, maxLength: 50 },
      refund_number: { maxLength: 50 },
      refund_type: { required: true, minLength: 1, maxLength: 1, enum: ['1', '2'] },
      refund_amount: { required: true, minLength: 1, maxLength: 10, format: AMOUNT, positive: true },
      refund_description: { required: true, minLength: 1, maxLength: 100 },
      refund_reference: { maxLength: 50 },
    },
    // Checked against Oceanpayment's example (without refund_number); refund_reference is not signed.
    signedFields: (p) =>
      present(p, ['payment_id', 'refund_number', 'refund_type', 'refund_amount', 'refund_description']),
    retryable: false,
    response: {
      root: 'response',
      // ASSUMED result element names.
      resultField: 'refund_results',
      detailsField: 'refund_details',
      fields: ['account', 'terminal', 'signValue', 'payment_id', 'refund_id', 'refund_number', 'refund_reference', 'refund_results', 'refund_details'],
      // ASSUMED response rule.
      signature: { root: ['payment_id', 'refund_id', 'refund_results'] },
    },
  },
  refundQuery: {
    name: 'refundQuery',
    path: '/service/queryRefund',
    host: 'query',
    encoding: 'form',
    fields: {
      refund_id: { minLength: 1, maxLength: 500 },
      refund_number: { minLength: 1, maxLength: 50 },
    },
    exactlyOne: [{ fields: ['refund_id', 'refund_number'] }],
    // refund_id checked against Oceanpayment's example; refund_number in its place is ASSUMED.
    signedFields: (p) => present(p, ['refund_id', 'refund_number']),
    retryable: true,
    response: {
      root: 'response',
      resultField: 'results',
      detailsField: 'details',
      fields: ['account', 'terminal', 'signValue', 'results', 'details'],
      records: { element: 'refundInfo', fields: REFUND_RECORD_FIELDS },
      // ASSUMED response rule, per refundInfo.
      signature: { record: ['refund_id', 'refund_number', 'refund_amount', 'refund_status'] },
    },
  },
  trackingUpload: {
    name: 'trackingUpload',
    path: '/service/uploadTrackingNo',
    host: 'query',
    encoding: 'form',
    fields: {
      payment_id: { minLength: 1, maxLength: 50 },
      order_number: { minLength: 1, maxLength: 50 },
      // The 200 characters cover the whole comma-separated list.
      tracking_number: { minLength: 1, maxLength: 200, list: { itemMinLength: 1, itemMaxLength: 200 } },
      tracking_site: { required: true, minLength: 1, maxLength: 100, format: SITE },
      tracking_handler: { required: true, minLength: 1, maxLength: 15 },
    },
    exactlyOne: [{ fields: ['payment_id', 'order_number'] }],
    // ASSUMED request rule (Oceanpayment's Postman example reuses another call's signValue).
    signedFields: (p) =>
      present(p, ['payment_id', 'order_number', 'tracking_number', 'tracking_site', 'tracking_handler']),
    retryable: false,
    response: {
      root: 'response',
      resultField: 'tracking_results',
      // ASSUMED details element.
      detailsField: 'tracking_details',
      fields: ['account', 'terminal', 'signValue', 'order_number', 'payment_id', 'tracking_results', 'tracking_details'],
      // ASSUMED response rule.
      signature: { root: ['payment_id', 'order_number', 'tracking_results'] },
    },
  },
  customsSubmission: {
    name: 'customsSubmission',
    path: '/gateway/service/customsUpload',
    host: 'secure',
    encoding: 'form',
    fields: {
      type: { maxLength: 500, enum: ['1', '2'] },
      payment_id: { maxLength: 50 },
      pay_userId: { maxLength: 50 },
      pay_userName: { maxLength: 50 },
      price: { required: true, minLength: 1, maxLength: 100, format: AMOUNT, positive: true },
      total_amount: { required: true, minLength: 1, maxLength: 100, format: AMOUNT, positive: true },
      customs: { required: true, minLength: 1, maxLength: 100 },
      customs_number: { required: true, minLength: 1, maxLength: 100 },
      customs_name: { required: true, minLength: 1, maxLength: 100 },
      sub_order_number: { maxLength: 100 },
      shipping_fee: { required: true, minLength: 1, maxLength: 100, format: AMOUNT },
      order_notes: { maxLength: 500 },
    },
    // Checked against Oceanpayment's example.
    signedFields: (p) => present(p, ['payment_id', 'type', 'pay_userId', 'pay_userName']),
    retryable: false,
    response: {
      root: 'response',
      // ASSUMED result element names.
      resultField: 'customs_results',
      detailsField: 'customs_details',
      fields: ['account', 'terminal', 'signValue', 'payment_id', 'sub_order_number', 'customs_results', 'customs_details'],
      // ASSUMED response rule.
      signature: { root: ['payment_id', 'customs_results'] },
    },
  },
  healthCheck: {
    name: 'healthCheck',
    path: '/pinc/check-account',
    host: 'checkout',
    encoding: 'json-with-credential-headers',
    fields: {
      site: { required: true, minLength: 1, maxLength: 500, format: DOMAIN },
      key: { maxLength: 256 },
    },
    retryable: true,
    response: {
      root: 'response',
      resultField: 'results',
      detailsField: 'details',
      // ASSUMED answer shape; unsigned (the call authenticates with the secureCode header).
      fields: ['results', 'details', 'site', 'site_status', 'key_status'],
    },
  },
  cardBin: {
    name: 'cardBin',
    path: '/pinc/check-card-bin',
    host: 'cardBin',
    encoding: 'json-with-credential-headers',
    fields: {
      // Passed to the validator as a comma-separated list; sent as a JSON array.
      card_bin: { required: true, list: { maxItems: 100, itemMinLength: 6, itemMaxLength: 6, itemFormat: { regex: /^\d{6}$/, description: '6 digits' } } },
    },
    retryable: true,
    response: {
      root: 'response',
      resultField: 'results',
      detailsField: 'details',
      fields: ['results', 'details'],
      // ASSUMED answer shape; unsigned.
      records: { element: 'cardBinInfo', fields: CARD_BIN_RECORD_FIELDS },
    },
  },
}

/** Signed fields of Oceanpayment's notifications (oceanpayment-api.md), between account + terminal and secureCode. */
export const NOTIFICATION_SIGNED_FIELDS = {
  businessOrder: ['order_number', 'payment_id', 'push_id', 'push_status', 'push_details'],
  payment: [
    'order_number',
    'order_currency',
    'order_amount',
    'order_notes',
    'card_number',
    'payment_id',
    'payment_authType',
    'payment_status',
    'payment_details',
    'payment_risk',
  ],
} as const satisfies Record<string, readonly string[]>

export type NotificationKind = keyof typeof NOTIFICATION_SIGNED_FIELDS
