/**
 * SQL of the notifications feature: the notifications table, and the cases, messages and refund figures a notice
 * changes. Every write is idempotent by a unique key (notifications (account, push_id, notice_type), order_cases
 * (account, kind, external_id), messages source_key), so deliveries repeated or racing across processes change
 * things once.
 */
import type { Queryable } from '../db'
import type { MessageKind } from '@contract/messages'
import type { CaseKind } from '@contract/transactions'
import type { DeadlineReminderHours } from '@contract/subscriptions'
import { addRefund } from './transaction-refunds'

/** A business-order notice as this server keeps it (notifications/notice.ts builds it from what Oceanpayment sends). */
export type NoticeSource = 'notification' | 'query'

export interface BusinessNotice {
  readonly account: string
  readonly terminal: string
  /** Oceanpayment's id of the notice; for refunds the refund ID. */
  readonly pushId: string
  readonly noticeType: string
  /** '0' failed, '1' succeeded, '2' in dispute. */
  readonly pushStatus: string
  readonly pushDetails: string
  readonly paymentId: string
  readonly orderNumber: string
  /** order_currency / order_amount as received (decimal string). */
  readonly currency?: string
  readonly amount?: string
  /** Only when the notice itself states the refunded amount. */
  readonly refundCurrency?: string
  readonly refundAmount?: string
  readonly refundNumber?: string
  readonly refundReference?: string
  readonly cardType?: string
  readonly cardCountry?: string
  /** push_dateTime, when present and valid. */
  readonly pushedAt?: Date
  /** payment_cpdTime: by when the merchant must answer the case, when present and valid. */
  readonly cpdTime?: Date
}

/** What a message made from a notice is about (notifications/message-facts.ts derives it from the notice). */
export interface MessageFacts {
  paymentId: string
  orderNumber: string | undefined
  amount: { currency: string; minor: bigint } | undefined
  reasonCode: string | undefined
  reason: string | undefined
  deadlineAt: Date | undefined
}

/** A deadline reminder: which one (hours before the deadline) of which kind of case (0016). */
export interface StoredReminder {
  hours: DeadlineReminderHours
  caseKind: 'chargeback' | 'retrieval'
}

/** The morning summary's figures as stored (messages.summary, jsonb): amounts in minor units as strings. */
export interface StoredSummary {
  day: string
  successCount: number
  successAmounts: Array<{ currency: string; minor: string }>
  newCases: number
  expiringAuthorizations: number
  deadlinesWithin72h: number
}

export type StoredEffect = 'applied' | 'waiting' | 'none'

export interface TransactionFacts {
  currency: string
  amountMinor: bigint
}

interface NotificationRow {
  id: string
  account: string
  terminal: string
  push_id: string
  notice_type: string
  push_status: string
  push_details: string
  payment_id: string
  order_number: string
  currency: string | null
  amount: string | null
  refund_currency: string | null
  refund_amount: string | null
  refund_number: string | null
  refund_reference: string | null
  card_type: string | null
  card_country: string | null
  pushed_at: Date | null
  cpd_time: Date | null
  source: NoticeSource
}

export interface WaitingNotice {
  id: string
  source: NoticeSource
  notice: BusinessNotice
}

function orUndefined<T>(value: T | null): T | undefined {
  return value === null ? undefined : value
}

function toNotice(row: NotificationRow): BusinessNotice {
  return {
    account: row.account,
    terminal: row.terminal,
    pushId: row.push_id,
    noticeType: row.notice_type,
    pushStatus: row.push_status,
    pushDetails: row.push_details,
    paymentId: row.payment_id,
    orderNumber: row.order_number,
    currency: orUndefined(row.currency),
    amount: orUndefined(row.amount),
    refundCurrency: orUndefined(row.refund_currency),
    refundAmount: orUndefined(row.refund_amount),
    refundNumber: orUndefined(row.refund_number),
    refundReference: orUndefined(row.refund_reference),
    cardType: orUndefined(row.card_type),
    cardCountry: orUndefined(row.card_country),
    pushedAt: orUndefined(row.pushed_at),
    cpdTime: orUndefined(row.cpd_time),
  }
}

const COLUMNS = `id::text as id, account, terminal, push_id, notice_type, push_status, push_details, payment_id,
  order_number, currency, amount, refund_currency, refund_amount, refund_number, refund_reference, card_type,
  card_country, pushed_at, cpd_time, source`

export function notificationsRepository(db: Queryable) {
  return {
    async exists(notice: Pick<BusinessNotice, 'account' | 'pushId' | 'noticeType'>): Promise<boolean> {
      const { rows } = await db.query(
        'select 1 from notifications where account = $1 and push_id = $2 and notice_type = $3',
        [notice.account, notice.pushId, notice.noticeType],
      )
      return rows.length > 0
    },

    /** @returns the new row's id, or undefined when this notice was already stored (a repeated delivery). */
    async insert(notice: BusinessNotice, source: NoticeSource, receivedAt: Date): Promise<string | undefined> {
      const { rows } = await db.query<{ id: string }>(
        `insert into notifications (account, terminal, push_id, notice_type, push_status, push_details, payment_id,
           order_number, currency, amount, refund_currency, refund_amount, refund_number, refund_reference,
           card_type, card_country, pushed_at, source, effect, received_at, cpd_time)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 'waiting', $19, $20)
         on conflict (account, push_id, notice_type) do nothing
         returning id::text as id`,
        [
          notice.account,
          notice.terminal,
          notice.pushId,
          notice.noticeType,
          notice.pushStatus,
          notice.pushDetails,
          notice.paymentId,
          notice.orderNumber,
          notice.currency ?? null,
          notice.amount ?? null,
          notice.refundCurrency ?? null,
          notice.refundAmount ?? null,
          notice.refundNumber ?? null,
          notice.refundReference ?? null,
          notice.cardType ?? null,
          notice.cardCountry ?? null,
          notice.pushedAt ?? null,
          source,
          receivedAt,
          notice.cpdTime ?? null,
        ],
      )
      return rows[0]?.id
    },

    async setEffect(id: string, effect: StoredEffect, at: Date): Promise<void> {
      await db.query(
        `update notifications set effect = $2, applied_at = case when $2 = 'applied' then $3::timestamptz end
          where id = $1`,
        [id, effect, at],
      )
    },

    async setRefund(id: string, refund: { currency: string; amount: string }): Promise<void> {
      await db.query('update notifications set refund_currency = $2, refund_amount = $3 where id = $1', [
        id,
        refund.currency,
        refund.amount,
      ])
    },

    /** Oldest first, so a case is opened before the notice that closes it is applied. */
    async listWaiting(limit: number): Promise<WaitingNotice[]> {
      const { rows } = await db.query<NotificationRow>(
        `select ${COLUMNS} from notifications where effect = 'waiting' order by id limit $1`,
        [limit],
      )
      return rows.map((row) => ({ id: row.id, source: row.source, notice: toNotice(row) }))
    },

    /** Locks a waiting notice for applying; undefined when another process applied it meanwhile. */
    async lockWaiting(id: string): Promise<WaitingNotice | undefined> {
      const { rows } = await db.query<NotificationRow>(
        `select ${COLUMNS} from notifications where id = $1 and effect = 'waiting' for update`,
        [id],
      )
      const row = rows[0]
      return row === undefined ? undefined : { id: row.id, source: row.source, notice: toNotice(row) }
    },

    async merchantExists(account: string): Promise<boolean> {
      const { rows } = await db.query('select 1 from merchants where account = $1', [account])
      return rows.length > 0
    },

    /** The payment, locked so concurrent refunds on it add up; undefined when this merchant has no such payment. */
    async lockTransaction(account: string, paymentId: string): Promise<TransactionFacts | undefined> {
      const { rows } = await db.query<{ currency: string; amount_minor: string }>(
        `select currency, amount_minor::text as amount_minor from transactions
          where payment_id = $1 and account = $2 for update`,
        [paymentId, account],
      )
      const row = rows[0]
      return row === undefined ? undefined : { currency: row.currency.trim(), amountMinor: BigInt(row.amount_minor) }
    },

    async openCase(item: {
      account: string
      paymentId: string
      kind: CaseKind
      reasonCode: string | undefined
      reason: string | undefined
      currency: string
      amountMinor: bigint
      openedAt: Date
      deadlineAt: Date | undefined
      source: NoticeSource
      externalId: string
    }): Promise<boolean> {
      const { rows } = await db.query(
        `insert into order_cases (account, payment_id, kind, status, reason_code, reason, currency, amount_minor,
           opened_at, source, external_id, deadline_at)
         values ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, $10, $11)
         on conflict (account, kind, external_id) do nothing
         returning id`,
        [
          item.account,
          item.paymentId,
          item.kind,
          item.reasonCode ?? null,
          item.reason ?? null,
          item.currency,
          item.amountMinor.toString(),
          item.openedAt,
          item.source,
          item.externalId,
          item.deadlineAt ?? null,
        ],
      )
      return rows.length > 0
    },

    /** @returns how many open cases were closed. */
    async handleCases(account: string, paymentId: string, kind: CaseKind, at: Date): Promise<number> {
      const { rows } = await db.query(
        `update order_cases set status = 'handled', handled_at = $4
          where account = $1 and payment_id = $2 and kind = $3 and status = 'open'
          returning id`,
        [account, paymentId, kind, at],
      )
      return rows.length
    },

    /**
     * Every message of a merchant goes through here (notices, refund results, reminders, summaries): its facts only,
     * the client words it in the reader's language (0011). One per source_key, so a repeat changes nothing.
     */
    async addMessage(item: {
      account: string
      kind: MessageKind
      /** What the message is about; undefined for a summary (about no one payment). */
      facts: MessageFacts | undefined
      createdAt: Date
      sourceKey: string
      /** Only for kind 'refund'. */
      refundOutcome?: 'succeeded' | 'failed'
      /** Only for kind 'reminder' (0016). */
      reminder?: StoredReminder
      /** Only for kind 'summary' (0016). */
      summary?: StoredSummary
    }): Promise<boolean> {
      const { facts } = item
      const { rows } = await db.query(
        `insert into messages (account, kind, payment_id, order_number, currency, amount_minor, reason_code, reason,
           deadline_at, created_at, source_key, refund_outcome, reminder_hours, reminder_case_kind, summary)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         on conflict (source_key) do nothing
         returning id`,
        [
          item.account,
          item.kind,
          facts?.paymentId ?? null,
          facts?.orderNumber ?? null,
          facts?.amount?.currency ?? null,
          facts?.amount?.minor.toString() ?? null,
          facts?.reasonCode ?? null,
          facts?.reason ?? null,
          facts?.deadlineAt ?? null,
          item.createdAt,
          item.sourceKey,
          item.refundOutcome ?? null,
          item.reminder?.hours ?? null,
          item.reminder?.caseKind ?? null,
          item.summary === undefined ? null : JSON.stringify(item.summary),
        ],
      )
      return rows.length > 0
    },

    /**
     * Adds a refund notice's refund to the payment, through the one refund ledger keyed by its refund_id (the
     * notice's push_id), so the action reconciler reading the same refund by Refund Query does not add it again.
     */
    async applyRefund(account: string, paymentId: string, refundId: string, refund: { full: true } | { full: false; minor: bigint }): Promise<void> {
      await addRefund(db, { account, paymentId, refundId, amount: refund, source: 'notice' })
    },
  }
}

export type NotificationsRepository = ReturnType<typeof notificationsRepository>
