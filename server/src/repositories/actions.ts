/**
 * The action log (0013 `actions`): one row per attempt at an action from the phone, allowed or refused, which is
 * also the state of that action while it is reconciled. Every action route writes through here, so an attempt is
 * written exactly once (insert) and only its outcome is updated afterwards (settle).
 */
import type { Queryable } from '../db'
import type { ActionFailure, ActionKind, ActionStatus } from '@contract/actions'

export interface ActionRow {
  id: string
  merchant: string
  account_id: string
  username: string
  masked_phone: string
  kind: ActionKind
  payment_id: string | null
  order_number: string | null
  currency: string | null
  amount_minor: string | null
  status: ActionStatus
  failure: ActionFailure | null
  gateway_code: string | null
  gateway_ref: string | null
  detail: Record<string, unknown>
  request_id: string
  idempotency_key: string | null
  created_at: Date
  updated_at: Date
  next_check_at: Date | null
}

/** What an attempt is when it is first written. */
export interface NewAction {
  id: string
  merchant: string
  accountId: string
  username: string
  maskedPhone: string
  kind: ActionKind
  paymentId: string | null
  orderNumber: string | null
  currency: string | null
  amountMinor: bigint | null
  status: ActionStatus
  failure: ActionFailure | null
  gatewayCode: string | null
  gatewayRef: string | null
  detail: Record<string, unknown>
  requestId: string
  idempotencyKey: string | null
  nextCheckAt: Date | null
}

/** How an attempt ends, or where its reconciliation stands now. */
export interface ActionOutcome {
  status: ActionStatus
  failure: ActionFailure | null
  gatewayCode: string | null
  gatewayRef: string | null
  nextCheckAt: Date | null
}

const COLUMNS = `id::text as id, merchant, account_id::text as account_id, username, masked_phone, kind, payment_id,
  order_number, currency, amount_minor::text as amount_minor, status, failure, gateway_code, gateway_ref, detail,
  request_id, idempotency_key, created_at, updated_at, next_check_at`

export function actionsRepository(db: Queryable) {
  return {
    async insert(action: NewAction): Promise<ActionRow> {
      const { rows } = await db.query<ActionRow>(
        `insert into actions (id, merchant, account_id, username, masked_phone, kind, payment_id, order_number,
           currency, amount_minor, status, failure, gateway_code, gateway_ref, detail, request_id, idempotency_key,
           next_check_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
         returning ${COLUMNS}`,
        [
          action.id,
          action.merchant,
          action.accountId,
          action.username,
          action.maskedPhone,
          action.kind,
          action.paymentId,
          action.orderNumber,
          action.currency,
          action.amountMinor === null ? null : action.amountMinor.toString(),
          action.status,
          action.failure,
          action.gatewayCode,
          action.gatewayRef,
          JSON.stringify(action.detail),
          action.requestId,
          action.idempotencyKey,
          action.nextCheckAt,
        ],
      )
      return rows[0]!
    },

    /** Records where the action stands now; the row of the attempt stays the one row. */
    async settle(id: string, outcome: ActionOutcome): Promise<ActionRow | undefined> {
      const { rows } = await db.query<ActionRow>(
        `update actions set status = $2, failure = $3, gateway_code = coalesce($4, gateway_code),
           gateway_ref = coalesce($5, gateway_ref), next_check_at = $6, updated_at = now()
         where id = $1 returning ${COLUMNS}`,
        [id, outcome.status, outcome.failure, outcome.gatewayCode, outcome.gatewayRef, outcome.nextCheckAt],
      )
      return rows[0]
    },

    /** One action of the merchant's (undefined for another merchant's id: it does not exist for them). */
    async get(merchant: string, id: string): Promise<ActionRow | undefined> {
      const { rows } = await db.query<ActionRow>(`select ${COLUMNS} from actions where merchant = $1 and id = $2::uuid`, [merchant, id])
      return rows[0]
    },

    /** 操作记录 of one payment, newest first. */
    async forPayment(merchant: string, paymentId: string): Promise<ActionRow[]> {
      const { rows } = await db.query<ActionRow>(
        `select ${COLUMNS} from actions where merchant = $1 and payment_id = $2 order by created_at desc, id desc limit 200`,
        [merchant, paymentId],
      )
      return rows
    },

    /** Actions whose outcome is still open and due for a look, oldest first. */
    async due(now: Date, limit: number): Promise<ActionRow[]> {
      const { rows } = await db.query<ActionRow>(
        `select ${COLUMNS} from actions where status in ('pending', 'unknown') and next_check_at <= $1
         order by next_check_at limit $2`,
        [now, limit],
      )
      return rows
    },
  }
}

export type ActionsRepository = ReturnType<typeof actionsRepository>
