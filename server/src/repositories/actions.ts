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

/** A payment as an action needs it, locked for the length of the caller's transaction. */
export interface ActionPaymentRow {
  payment_id: string
  terminal: string
  order_number: string
  payment_time: Date
  status: 'success' | 'failure' | 'pending'
  txn_type: 'sale' | 'authorization'
  auth_status: 'pending' | 'captured' | 'voided' | null
  card_brand: string | null
  currency: string
  amount_minor: string
  refunded_minor: string
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

    /**
     * Like settle, but only while the action is still open (pending/unknown): of a notice and a query settling the
     * same refund at once, one wins and the other gets undefined (so the result message is made once).
     */
    async settleOpen(id: string, outcome: ActionOutcome): Promise<ActionRow | undefined> {
      const { rows } = await db.query<ActionRow>(
        `update actions set status = $2, failure = $3, gateway_code = coalesce($4, gateway_code),
           gateway_ref = coalesce($5, gateway_ref), next_check_at = $6, updated_at = now()
         where id = $1 and status in ('pending', 'unknown') returning ${COLUMNS}`,
        [id, outcome.status, outcome.failure, outcome.gatewayCode, outcome.gatewayRef, outcome.nextCheckAt],
      )
      return rows[0]
    },

    /** Any merchant's action by id, locked (the reconciler and the notices settle through it). */
    async lock(id: string): Promise<ActionRow | undefined> {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined
      const { rows } = await db.query<ActionRow>(`select ${COLUMNS} from actions where id = $1::uuid for update`, [id])
      return rows[0]
    },

    /** What the payment's refunds not yet decided (pending, unknown) may still take, in its currency. */
    async openRefundsMinor(merchant: string, paymentId: string): Promise<bigint> {
      const { rows } = await db.query<{ total: string }>(
        `select coalesce(sum(amount_minor), 0)::text as total from actions
          where merchant = $1 and payment_id = $2 and kind = 'refund' and status in ('pending', 'unknown')`,
        [merchant, paymentId],
      )
      return BigInt(rows[0]?.total ?? '0')
    },

    /** The account's refunds of the day starting at `dayStart` in a currency that count against its limit. */
    async refundedToday(accountId: string, currency: string, dayStart: Date): Promise<bigint> {
      const { rows } = await db.query<{ total: string }>(
        `select coalesce(sum(amount_minor), 0)::text as total from actions
          where account_id = $1 and currency = $2 and kind = 'refund' and created_at >= $3
            and status in ('pending', 'unknown', 'succeeded')`,
        [accountId, currency, dayStart],
      )
      return BigInt(rows[0]?.total ?? '0')
    },

    /** The account's daily refund limit in a currency, locked so two processes check and insert one at a time. */
    async lockRefundLimit(accountId: string, currency: string): Promise<bigint | undefined> {
      const { rows } = await db.query<{ daily_minor: string }>(
        `select daily_minor::text as daily_minor from refund_limits where account_id = $1 and currency = $2 for update`,
        [accountId, currency],
      )
      return rows[0] === undefined ? undefined : BigInt(rows[0].daily_minor)
    },

    /** An open action older than `before` stops being checked automatically (the admin page flags it). */
    async stopChecking(id: string): Promise<void> {
      await db.query(`update actions set next_check_at = null, updated_at = now() where id = $1 and status in ('pending', 'unknown')`, [id])
    },

    /**
     * The merchant's payment (undefined for another merchant's or an unknown one); `lock` inside a transaction, so
     * two refunds of one payment check the refundable amount one after the other.
     */
    async payment(merchant: string, paymentId: string, options: { lock?: boolean } = {}): Promise<ActionPaymentRow | undefined> {
      const { rows } = await db.query<ActionPaymentRow>(
        `select payment_id, terminal, order_number, payment_time, status, txn_type, auth_status, card_brand,
                trim(currency) as currency, amount_minor::text as amount_minor, refunded_minor::text as refunded_minor
           from transactions where account = $1 and payment_id = $2${options.lock === true ? ' for update' : ''}`,
        [merchant, paymentId],
      )
      return rows[0]
    },

    /** A capture or void went through: the payment's pre-authorization state (and a capture's amount) follow. */
    async setAuthorization(merchant: string, paymentId: string, change: { status: 'captured'; amountMinor: bigint; at: Date } | { status: 'voided' }): Promise<void> {
      if (change.status === 'captured') {
        await db.query(
          `update transactions set auth_status = 'captured', amount_minor = $3, booked_at = coalesce(booked_at, $4), updated_at = now()
            where account = $1 and payment_id = $2 and auth_status = 'pending'`,
          [merchant, paymentId, change.amountMinor.toString(), change.at],
        )
      } else {
        await db.query(
          `update transactions set auth_status = 'voided', updated_at = now() where account = $1 and payment_id = $2 and auth_status = 'pending'`,
          [merchant, paymentId],
        )
      }
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
