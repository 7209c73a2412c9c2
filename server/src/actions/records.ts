/** An action row as the routes answer it (contract/actions.ts ActionRecord). */
import type { ActionRecord } from '@contract/actions'
import { toBeijingIso } from '@contract/beijing-time'
import { money } from '../money'
import type { ActionRow } from '../repositories/actions'

export function toActionRecord(row: ActionRow): ActionRecord {
  return {
    id: row.id,
    kind: row.kind,
    paymentId: row.payment_id,
    orderNumber: row.order_number,
    amount: row.currency === null || row.amount_minor === null ? null : money(row.currency, row.amount_minor),
    status: row.status,
    failure: row.status === 'failed' ? row.failure : null,
    gatewayCode: row.gateway_code,
    actor: { username: row.username, maskedPhone: row.masked_phone },
    createdAt: toBeijingIso(row.created_at),
    updatedAt: toBeijingIso(row.updated_at),
  }
}
