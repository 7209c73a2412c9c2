/**
 * An action log row (repositories/actions.ts) as the wire shows it (contract/actions.ts ActionRecord, and the admin's
 * AdminActionRecord): amounts back to decimal strings, times to Beijing time. The one conversion, for every route.
 */
import type { ActionRecord, AdminActionRecord } from '@contract/actions'
import { toBeijingIso } from '@contract/beijing-time'
import { money } from '../money'
import type { ActionRow } from '../repositories/actions'

/** An action still `unknown` after this long is flagged for the admin: reconciled by hand, never resent. */
export const NEEDS_ATTENTION_AFTER_MS = 24 * 60 * 60 * 1000

export function toActionRecord(row: ActionRow): ActionRecord {
  return {
    id: row.id,
    kind: row.kind,
    paymentId: row.payment_id,
    orderNumber: row.order_number,
    amount: row.currency === null || row.amount_minor === null ? null : money(row.currency, row.amount_minor),
    status: row.status,
    failure: row.failure,
    gatewayCode: row.gateway_code,
    actor: { username: row.username, maskedPhone: row.masked_phone },
    createdAt: toBeijingIso(row.created_at),
    updatedAt: toBeijingIso(row.updated_at),
  }
}

export function needsAttention(row: Pick<ActionRow, 'status' | 'created_at'>, now: Date): boolean {
  return row.status === 'unknown' && now.getTime() - new Date(row.created_at).getTime() > NEEDS_ATTENTION_AFTER_MS
}

export function toAdminActionRecord(row: ActionRow, now: Date): AdminActionRecord {
  return { ...toActionRecord(row), userId: row.account_id, requestId: row.request_id, needsAttention: needsAttention(row, now) }
}
