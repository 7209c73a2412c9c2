/**
 * Acting from the phone (SPEC §4, issue 13): the wire shapes of the action routes, shared by the mini-program and
 * the server. Every route here is a signed `/api` route (docs/signed-requests.md), checks the account's permission
 * (contract/admin.ts ACCOUNT_PERMISSIONS) and the merchant's ownership of the payment, and refuses extra fields.
 *
 * Amounts travel as decimal strings in major units with exactly the currency's decimals or fewer (contract/money.ts
 * CURRENCY_DECIMALS; "10", "10.5" and "10.50" are USD amounts, "10.505" is refused), never as numbers.
 */
import type { AccountPermission } from './admin'
import type { BeijingTime, Money } from './money'

/* ───────────────────────── Vocabulary ───────────────────────── */

/** What an account can do from the phone, each guarded by the permission of the same name in ACCOUNT_PERMISSIONS. */
export const ACTION_KINDS = ['refund', 'capture', 'void', 'tracking', 'order-query', 'card-bin', 'health-check'] as const
export type ActionKind = (typeof ACTION_KINDS)[number]

/** The permission each action needs (one table: the server guards by it, the client hides buttons by it). */
export const ACTION_PERMISSION: Readonly<Record<ActionKind, AccountPermission>> = {
  refund: 'refund',
  capture: 'capture',
  void: 'void',
  tracking: 'tracking',
  'order-query': 'order-query',
  'card-bin': 'card-bin',
  'health-check': 'health-check',
}

/** Actions that move money: they need the action PIN and an Idempotency-Key, and are reconciled, never resent. */
export const MONEY_ACTIONS = ['refund', 'capture', 'void'] as const satisfies readonly ActionKind[]
export type MoneyAction = (typeof MONEY_ACTIONS)[number]

/**
 * Header every money-moving request carries (Stripe's rule): the same key with the same body answers the first
 * result again; with another body, 409 IDEMPOTENCY_KEY_REUSED. 8–64 characters of [A-Za-z0-9_-]; kept ≥ 24 h.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key'
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_-]{8,64}$'

/** The action PIN: 6 digits, set by the account on first use; 5 wrong tries lock it until the ODPM admin resets it. */
export const ACTION_PIN_PATTERN = '^[0-9]{6}$'
export const ACTION_PIN_MAX_TRIES = 5

/**
 * Where an action stands. `pending`: Oceanpayment accepted it and the result comes later (a refund); `unknown`:
 * the call timed out or failed ambiguously — it is never resent, but reconciled with Refund Query / Order Status
 * Query until final (one still unknown after 24 h is flagged on the admin page).
 */
export const ACTION_STATUSES = ['pending', 'unknown', 'succeeded', 'failed'] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]

/**
 * Why an action failed or was refused, as the client words it (one sentence per code in both languages). Oceanpayment
 * codes are mapped to these by one table on the server; the raw code travels in `gatewayCode` for support.
 */
export const ACTION_FAILURES = [
  'not-permitted', // the account lacks the action's permission (the attempt is still audited)
  'amount-exceeds-refundable', // more than 可退款金额
  'amount-exceeds-authorized', // capture above the authorized amount
  'not-refundable', // state does not allow a refund (failed, pending, fully refunded, an uncaptured authorization)
  'not-pending-authorization', // capture/void of an authorization that is not pending
  'daily-limit-exceeded', // the account's daily refund total in this currency would be passed
  'insufficient-balance', // Oceanpayment: the merchant's balance cannot cover it
  'gateway-rejected', // Oceanpayment refused it for a reason not mapped more precisely (see gatewayCode)
  'gateway-unavailable', // Oceanpayment did not answer: nothing was sent, or (status unknown) it is being checked
  'payment-not-found', // one item of a batch (tracking upload) names a payment this merchant does not have
] as const
export type ActionFailure = (typeof ACTION_FAILURES)[number]

/* ───────────────────────── Action PIN ───────────────────────── */

/** `GET /api/actions/pin` */
export interface ActionPinState {
  /** false until the account sets it (first money-moving action). */
  set: boolean
  /** true after ACTION_PIN_MAX_TRIES wrong tries in a row; only the ODPM admin can lift it. */
  locked: boolean
  triesLeft: number
}

/** `PUT /api/actions/pin` → 204; 409 CONFLICT when one is already set (only the admin resets it). */
export interface SetActionPinRequest {
  pin: string
}

/* ───────────────────────── Money-moving actions ───────────────────────── */

/**
 * `POST /api/transactions/:paymentId/refunds` with header Idempotency-Key → 201 ActionRecord (status `pending`,
 * or `unknown` when Oceanpayment's answer was lost). Wrong PIN: 403 ACTION_PIN_WRONG (the key is not consumed).
 */
export interface RefundRequest {
  amount: string
  /** Sent to Oceanpayment as refund_description: 1–100 characters. */
  reason: string
  pin: string
}

/** `POST /api/transactions/:paymentId/capture` with Idempotency-Key → 201 ActionRecord. */
export interface CaptureRequest {
  /** ≤ the authorized amount; the full amount when equal. */
  amount: string
  pin: string
}

/** `POST /api/transactions/:paymentId/void` with Idempotency-Key → 201 ActionRecord. */
export interface VoidRequest {
  pin: string
}

/** One attempt at an action, as the audit log keeps it and the routes answer it. */
export interface ActionRecord {
  id: string
  kind: ActionKind
  paymentId: string | null
  orderNumber: string | null
  /** Refund or capture amount; null for the others. */
  amount: Money | null
  status: ActionStatus
  /** Why it failed or was refused; null unless status is `failed`. */
  failure: ActionFailure | null
  /** Oceanpayment's result code, when it answered (for support). */
  gatewayCode: string | null
  /** Who did it, as staff see each other: username and masked phone. */
  actor: { username: string; maskedPhone: string }
  createdAt: BeijingTime
  updatedAt: BeijingTime
}

/** `GET /api/actions/:id` → ActionRecord: the client polls a pending/unknown action until it is final. */

/** `GET /api/transactions/:paymentId/actions` → 操作记录 of one payment, newest first. */
export interface PaymentActionsResponse {
  items: ActionRecord[]
}

/**
 * What the transaction detail may offer, for this account and this payment's state (`GET
 * /api/transactions/:paymentId/actions/available`): the client shows exactly these buttons.
 */
export interface AvailableActions {
  /** Present when a refund is allowed: at most `refundable` (可退款金额). */
  refund: { max: Money } | null
  /** Present for a pending pre-authorization the account may capture. */
  capture: { max: Money; expiresAt: BeijingTime | null; daysLeft: number | null } | null
  void: { expiresAt: BeijingTime | null; daysLeft: number | null } | null
  tracking: boolean
}

/* ───────────────────────── Tracking ───────────────────────── */

/** One order's tracking (Tracking Numbers Upload: re-upload overwrites). */
export interface TrackingUploadItem {
  paymentId: string
  /** Up to 200 characters, several numbers separated by commas. */
  trackingNumber: string
  /** Carrier website, 1–100 characters. */
  trackingSite: string
  /** 1–15 characters. */
  handler: string
}

/** `POST /api/tracking-uploads` → 200: one result per item, in order (1–50 items; each its own call). */
export interface TrackingUploadRequest {
  items: TrackingUploadItem[]
}
export interface TrackingUploadResponse {
  results: ActionRecord[]
}

/* ───────────────────────── Tools (工具) ───────────────────────── */

/** `POST /api/tools/order-status` (permission order-query): live Order Status Query, 1–100 order numbers. */
export interface OrderLookupRequest {
  orderNumbers: string[]
}
export interface OrderLookupRow {
  orderNumber: string
  paymentId: string | null
  amount: Money | null
  /** payment_results: -1 pending, 1 success, 0 failure. */
  status: 'pending' | 'success' | 'failure' | 'not-found'
  /** payment_details (`code:description`), as Oceanpayment gave it. */
  details: string | null
}
export interface OrderLookupResponse {
  orders: OrderLookupRow[]
}

/** `POST /api/tools/card-bins` (permission card-bin): 1–100 six-digit BINs. */
export interface CardBinRequest {
  bins: string[]
}
export interface CardBinRow {
  bin: string
  brand: string | null
  type: string | null
  level: string | null
  country: string | null
  issuer: string | null
}
export interface CardBinResponse {
  bins: CardBinRow[]
}

/** `POST /api/tools/health-check` (permission health-check): the site's domain, without https:// or a path. */
export interface HealthCheckRequest {
  site: string
}
export interface HealthCheckResponse {
  site: string
  /** Oceanpayment's result code and text. */
  result: string
  details: string | null
  siteStatus: string | null
  keyStatus: string | null
}

/* ───────────────────────── Admin ───────────────────────── */

/**
 * `GET /admin/api/merchants/{account}/actions?from&to&kind&status&userId&cursor&limit` → { items, nextCursor };
 * `…/actions.csv` the same rows as CSV. `POST /admin/api/merchants/{account}/users/{id}/pin-reset` → 204.
 * `PUT /admin/api/merchants/{account}/users/{id}/refund-limits` body { limits: Money[] } (per currency, [] = none)
 * → 200 { limits } as stored (each amount with exactly the currency's decimals). Every account the admin API answers
 * carries its PIN state and limits (contract/admin.ts AdminAccountActions).
 */
export interface AdminActionRecord extends ActionRecord {
  userId: string
  requestId: string
  /** true for an `unknown` action older than 24 h: reconcile by hand with Oceanpayment, never resent automatically. */
  needsAttention: boolean
}
export interface AdminActionsPage {
  items: AdminActionRecord[]
  nextCursor: string | null
}
export interface RefundLimitsRequest {
  limits: Money[]
}
