/**
 * The admin's side of acting from the phone: a merchant's action log filtered and paged (newest first, keyset on
 * created_at, id: the 0013 index actions_merchant_time_idx), each account's action PIN state, the PIN reset and the
 * daily refund limits (0013 action_pins, refund_limits).
 */
import type { Queryable } from '../db'
import type { ActionKind, ActionStatus } from '@contract/actions'
import type { ActionRow } from './actions'

export interface ActionLogFilter {
  merchant: string
  from?: Date
  to?: Date
  kind?: ActionKind
  status?: ActionStatus
  userId?: string
  /** Rows strictly after this key (older), newest first. */
  after?: { time: string; id: string }
  limit: number
}

export interface PinStateRow {
  account_id: string
  locked: boolean
}

export interface RefundLimitRow {
  account_id: string
  currency: string
  daily_minor: string
}

const COLUMNS = `id::text as id, merchant, account_id::text as account_id, username, masked_phone, kind, payment_id,
  order_number, currency, amount_minor::text as amount_minor, status, failure, gateway_code, gateway_ref, detail,
  request_id, idempotency_key, created_at, updated_at, next_check_at,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as sort_key`

export function adminActionsRepository(db: Queryable) {
  return {
    async log(filter: ActionLogFilter): Promise<Array<ActionRow & { sort_key: string }>> {
      const where = ['merchant = $1']
      const params: unknown[] = [filter.merchant]
      const add = (clause: (placeholder: string) => string, value: unknown) => {
        params.push(value)
        where.push(clause(`$${params.length}`))
      }
      if (filter.from !== undefined) add((p) => `created_at >= ${p}`, filter.from)
      if (filter.to !== undefined) add((p) => `created_at <= ${p}`, filter.to)
      if (filter.kind !== undefined) add((p) => `kind = ${p}`, filter.kind)
      if (filter.status !== undefined) add((p) => `status = ${p}`, filter.status)
      if (filter.userId !== undefined) add((p) => `account_id = ${p}::uuid`, filter.userId)
      if (filter.after !== undefined) {
        params.push(filter.after.time, filter.after.id)
        where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`)
      }
      params.push(filter.limit)
      const { rows } = await db.query<ActionRow & { sort_key: string }>(
        `select ${COLUMNS} from actions where ${where.join(' and ')} order by created_at desc, id desc limit $${params.length}`,
        params,
      )
      return rows
    },

    /** PIN state of the merchant's accounts that have set one. */
    async pinStates(merchant: string): Promise<PinStateRow[]> {
      const { rows } = await db.query<PinStateRow>(
        `select p.account_id::text as account_id, p.locked_at is not null as locked
           from action_pins p join miniprogram_accounts a on a.id = p.account_id where a.merchant = $1`,
        [merchant],
      )
      return rows
    },

    /** Deletes the account's PIN (set anew on next use), which also lifts a lock. */
    async resetPin(accountId: string): Promise<void> {
      await db.query('delete from action_pins where account_id = $1::uuid', [accountId])
    },

    async refundLimits(merchant: string): Promise<RefundLimitRow[]> {
      const { rows } = await db.query<RefundLimitRow>(
        `select l.account_id::text as account_id, l.currency, l.daily_minor::text as daily_minor
           from refund_limits l join miniprogram_accounts a on a.id = l.account_id where a.merchant = $1
          order by l.currency`,
        [merchant],
      )
      return rows
    },

    /** Replaces the account's limits with these (none: no limit). */
    async replaceRefundLimits(accountId: string, limits: ReadonlyArray<{ currency: string; dailyMinor: bigint }>): Promise<void> {
      await db.query('delete from refund_limits where account_id = $1::uuid', [accountId])
      for (const limit of limits) {
        await db.query('insert into refund_limits (account_id, currency, daily_minor) values ($1::uuid, $2, $3)', [
          accountId,
          limit.currency,
          limit.dailyMinor.toString(),
        ])
      }
    },
  }
}
