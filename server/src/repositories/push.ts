/**
 * SQL of the subscribe-message sender (migration 0015): the outbox the messages trigger fills, the send records
 * whose primary key (message, account) makes a message reach a user once at most across server processes, and the
 * stop WeChat's daily quota puts on sending.
 */
import type { MessageKind } from '@contract/messages'
import type { Db, Queryable } from '../db'
import { KIND_FACT_COLUMNS, refundOutcomeOf, reminderOf, summaryOf, type KindFactsRow, type MessageRow } from './messages'
import type { StoredReminder, StoredSummary } from './notifications'
import { subscriptionsRepository } from './subscriptions'

export interface OutboxMessage {
  id: string
  account: string
  kind: MessageKind
  paymentId: string | null
  orderNumber: string | null
  currency: string | null
  amountMinor: string | null
  reasonCode: string | null
  reason: string | null
  deadlineAt: Date | null
  createdAt: Date
  /** Only for kind 'refund'. */
  refundOutcome: 'succeeded' | 'failed' | null
  /** Only for kind 'reminder': which reminder of which kind of case. */
  reminder: StoredReminder | null
  /** Only for kind 'summary': the morning summary's figures (minor units). */
  summary: StoredSummary | null
  queuedAt: Date
}

/** The message's columns as the messages repository reads them, and the outbox's own. */
type OutboxRow = Pick<
  MessageRow,
  'id' | 'kind' | 'payment_id' | 'order_number' | 'currency' | 'amount_minor' | 'reason_code' | 'reason' | 'deadline_at' | 'created_at'
> &
  KindFactsRow & { account: string; queued_at: Date }

export interface Recipient {
  accountId: string
  openid: string
}

/** What a send record ends as (push_sends.status). */
export type SendStatus = 'sent' | 'failed' | 'unknown'

class AlreadySent extends Error {}

export function pushRepository(db: Db) {
  const grants = (q: Queryable) => subscriptionsRepository(q)
  return {
    /**
     * Finishes, in one statement, every queued message whose merchant has nobody who could receive anything now
     * (no enabled account with an openid and a grant left): the common case, and after the demo data or a gap
     * fill many rows at once. A grant given later does not bring an old notice to the phone.
     */
    async finishUnreachable(now: Date): Promise<number> {
      const { rows } = await db.query(
        `update push_outbox o set done_at = $1, leased_until = null
         from messages m
         where m.id = o.message_id and o.done_at is null and (o.leased_until is null or o.leased_until < $1)
           and not exists (
             select 1 from miniprogram_accounts a join subscription_grants g on g.account_id = a.id
             where a.merchant = m.account and a.enabled and a.openid is not null and g.enabled and g.remaining > 0)
         returning 1`,
        [now],
      )
      return rows.length
    },

    /**
     * Takes up to `limit` due outbox rows for `leaseMs` (skipping rows another process holds), oldest first, with
     * their messages.
     */
    async claim(now: Date, leaseMs: number, limit: number): Promise<OutboxMessage[]> {
      const { rows } = await db.query<OutboxRow>(
        `with due as (
           select message_id from push_outbox
           where done_at is null and (leased_until is null or leased_until < $1) and (not_before is null or not_before <= $1)
           order by message_id limit $3
           for update skip locked
         ), taken as (
           update push_outbox o set leased_until = $2 from due where o.message_id = due.message_id
           returning o.message_id, o.queued_at
         )
         select m.id::text as id, m.account, m.kind, m.payment_id, m.order_number, m.currency,
                m.amount_minor::text as amount_minor, m.reason_code, m.reason, m.deadline_at, m.created_at,
                ${KIND_FACT_COLUMNS}, taken.queued_at
         from taken join messages m on m.id = taken.message_id
         order by m.id`,
        [now, new Date(now.getTime() + leaseMs), limit],
      )
      return rows.map((row) => ({
        id: row.id,
        account: row.account,
        kind: row.kind,
        paymentId: row.payment_id,
        orderNumber: row.order_number,
        currency: row.currency,
        amountMinor: row.amount_minor,
        reasonCode: row.reason_code,
        reason: row.reason,
        deadlineAt: row.deadline_at === null ? null : new Date(row.deadline_at),
        createdAt: new Date(row.created_at),
        refundOutcome: refundOutcomeOf(row),
        reminder: reminderOf(row),
        summary: summaryOf(row),
        queuedAt: new Date(row.queued_at),
      }))
    },

    /**
     * The merchant's enabled accounts with an openid, a grant left for the template and the topic switched on,
     * that this message has not been sent to yet.
     */
    async recipients(messageId: string, merchant: string, templateId: string): Promise<Recipient[]> {
      const { rows } = await db.query<{ id: string; openid: string }>(
        `select a.id::text as id, a.openid from miniprogram_accounts a
         join subscription_grants g on g.account_id = a.id and g.template_id = $3
         where a.merchant = $2 and a.enabled and a.openid is not null and g.enabled and g.remaining > 0
           and not exists (select 1 from push_sends s where s.message_id = $1 and s.account_id = a.id)
         order by a.slot`,
        [messageId, merchant, templateId],
      )
      return rows.map((row) => ({ accountId: row.id, openid: row.openid }))
    },

    /**
     * Before WeChat is called: one grant used and the send recorded as 'sending', together. False when there was
     * no grant left or another process already holds this (message, account): then nothing changed.
     */
    async start(messageId: string, accountId: string, templateId: string, now: Date): Promise<boolean> {
      try {
        return await db.transaction(async (tx) => {
          if (!(await grants(tx).consume(accountId, templateId))) return false
          const { rows } = await tx.query(
            `insert into push_sends (message_id, account_id, template_id, status, created_at)
             values ($1, $2, $3, 'sending', $4) on conflict do nothing returning 1`,
            [messageId, accountId, templateId, now],
          )
          // Rolls the grant back too: the other process's send used one already.
          if (rows.length === 0) throw new AlreadySent()
          return true
        })
      } catch (error) {
        if (error instanceof AlreadySent) return false
        throw error
      }
    },

    async finish(messageId: string, accountId: string, status: SendStatus, errcode: number, now: Date): Promise<void> {
      await db.query(
        'update push_sends set status = $3, errcode = $4, answered_at = $5 where message_id = $1 and account_id = $2',
        [messageId, accountId, status, errcode, now],
      )
    },

    /**
     * WeChat answered that it sent nothing and that it may work later (system busy, quota, no token): the record and
     * the grant are undone together, so a later run tries again.
     */
    async undo(messageId: string, accountId: string, templateId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const { rows } = await tx.query(
          `delete from push_sends where message_id = $1 and account_id = $2 and status = 'sending' returning 1`,
          [messageId, accountId],
        )
        if (rows.length > 0) await grants(tx).giveBack(accountId, templateId)
      })
    },

    async giveBack(accountId: string, templateId: string): Promise<void> {
      await grants(db).giveBack(accountId, templateId)
    },

    async clearGrant(accountId: string, templateId: string): Promise<void> {
      await grants(db).clear(accountId, templateId)
    },

    async done(messageId: string, now: Date): Promise<void> {
      await db.query('update push_outbox set done_at = $2, leased_until = null where message_id = $1', [messageId, now])
    },

    /** Back in the queue, not before `notBefore`. */
    async later(messageId: string, notBefore: Date): Promise<void> {
      await db.query('update push_outbox set leased_until = null, not_before = $2 where message_id = $1', [messageId, notBefore])
    },

    async quotaStoppedUntil(appId: string): Promise<Date | undefined> {
      const { rows } = await db.query<{ stopped_until: Date }>('select stopped_until from push_quota_stops where appid = $1', [appId])
      return rows[0] === undefined ? undefined : new Date(rows[0].stopped_until)
    },

    async stopForQuota(appId: string, until: Date): Promise<void> {
      await db.query(
        `insert into push_quota_stops (appid, stopped_until) values ($1, $2)
         on conflict (appid) do update set stopped_until = greatest(push_quota_stops.stopped_until, excluded.stopped_until)`,
        [appId, until],
      )
    },

    /** The send records of one message (tests, and the log of what became of a push). */
    async sendsOf(messageId: string): Promise<Array<{ accountId: string; status: string; errcode: number | null }>> {
      const { rows } = await db.query<{ account_id: string; status: string; errcode: number | null }>(
        'select account_id::text as account_id, status, errcode from push_sends where message_id = $1 order by created_at',
        [messageId],
      )
      return rows.map((row) => ({ accountId: row.account_id, status: row.status, errcode: row.errcode }))
    },
  }
}

export type PushRepository = ReturnType<typeof pushRepository>
