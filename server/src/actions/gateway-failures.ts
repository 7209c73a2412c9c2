/**
 * The one table from Oceanpayment's answers to the reasons the client words (contract/actions.ts ACTION_FAILURES).
 * Result codes are the SDK's (gateway/result-codes.ts); a refund that fails after it was accepted has no code,
 * only refund_details, so its reason is read from those words.
 */
import type { ActionFailure } from '@contract/actions'

const BY_RESULT_CODE: Readonly<Record<string, ActionFailure>> = {
  '40': 'not-refundable',
  '41': 'amount-exceeds-refundable',
  '42': 'not-pending-authorization',
}

/** Why Oceanpayment refused an action, from its result code (anything unmapped: gateway-rejected, see gatewayCode). */
export function failureOfResultCode(code: string): ActionFailure {
  return BY_RESULT_CODE[code] ?? 'gateway-rejected'
}

/** Why an accepted refund failed later (Refund Query's refund_details, a refund notice's push_details). */
export function failureOfRefundDetails(details: string): ActionFailure {
  return /insufficient|balance/i.test(details) ? 'insufficient-balance' : 'gateway-rejected'
}
