/**
 * Messages a merchant's users see: the merchant's own (account = merchant) and announcements (account null,
 * every merchant's). Read state is per mini-program account (message_reads.user_id).
 */
import type { Queryable } from '../db'
import type { MessageKind } from '@contract/messages'
import type { DeadlineReminderHours } from '@contract/subscriptions'
import type { StoredReminder, StoredSummary } from './notifications'

export interface MessageRow {
  id: string
  kind: MessageKind
  /** zh-CN text (announcements; notice messages made before 0011), else null. */
  title: string | null
  body: string | null
  title_en: string | null
  body_en: string | null
  payment_id: string | null
  order_number: string | null
  currency: string | null
  amount_minor: string | null
  reason_code: string | null
  reason: string | null
  deadline_at: Date | null
  /** Only for kind 'refund' (0013). */
  refund_outcome: 'succeeded' | 'failed' | null
  /** Only for kind 'reminder' (0016). */
  reminder_hours: DeadlineReminderHours | null
  reminder_case_kind: 'chargeback' | 'retrieval' | null
  /** Only for kind 'summary' (0016), parsed from jsonb. */
  summary: StoredSummary | null
  created_at: Date
  read: boolean
  sort_key: string
}

export interface MessageScope {
  account: string
  userId: string
  kind?: MessageKind
  unreadOnly?: boolean
}

/** The columns of the kind-specific facts (0013, 0016): read alike by the messages routes and the push sender. */
export type KindFactsRow = Pick<MessageRow, 'kind' | 'refund_outcome' | 'reminder_hours' | 'reminder_case_kind' | 'summary'>

/** The select list of KindFactsRow (a messages alias `m`), shared so both readers select the same columns. */
export const KIND_FACT_COLUMNS = 'm.refund_outcome, m.reminder_hours, m.reminder_case_kind, m.summary'

/** A reminder's which-and-what, only for kind 'reminder' (null otherwise, and for a row missing either column). */
export function reminderOf(row: KindFactsRow): StoredReminder | null {
  return row.kind === 'reminder' && row.reminder_hours !== null && row.reminder_case_kind !== null
    ? { hours: row.reminder_hours, caseKind: row.reminder_case_kind }
    : null
}

/** The morning summary's stored figures, only for kind 'summary'. */
export function summaryOf(row: KindFactsRow): StoredSummary | null {
  return row.kind === 'summary' ? row.summary : null
}

/** How a refund ended, only for kind 'refund'. */
export function refundOutcomeOf(row: KindFactsRow): 'succeeded' | 'failed' | null {
  return row.kind === 'refund' ? row.refund_outcome : null
}

const VISIBLE = '(m.account = $1 or m.account is null)'
const IS_READ = 'exists (select 1 from message_reads r where r.message_id = m.id and r.user_id = $2)'

function where(scope: MessageScope): { sql: string; params: unknown[] } {
  const params: unknown[] = [scope.account, scope.userId]
  const clauses = [VISIBLE]
  if (scope.kind !== undefined) {
    params.push(scope.kind)
    clauses.push(`m.kind = $${params.length}`)
  }
  if (scope.unreadOnly === true) clauses.push(`not ${IS_READ}`)
  return { sql: clauses.join(' and '), params }
}

const COLUMNS = `m.id::text as id, m.kind, m.title, m.body, m.title_en, m.body_en, m.payment_id, m.order_number,
  m.currency, m.amount_minor::text as amount_minor, m.reason_code, m.reason, m.deadline_at, ${KIND_FACT_COLUMNS},
  m.created_at, ${IS_READ} as read,
  to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as sort_key`

export function messagesRepository(db: Queryable) {
  return {
    /** Newest first; `after` is the last row of the previous page (its created_at key and id). */
    async page(scope: MessageScope, after: { time: string; id: string } | undefined, limit: number): Promise<MessageRow[]> {
      const { sql, params } = where(scope)
      let keyset = ''
      if (after !== undefined) {
        params.push(after.time, after.id)
        keyset = ` and (m.created_at, m.id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`
      }
      params.push(limit)
      // The merchant's messages and the announcements to all (account null) each read newest-first from
      // messages_account_created_idx, then merged: "account = $1 or account is null" as one condition cannot use
      // the index and sorted all of a merchant's notices for each page (8.7 of 50 ms at 8,846 messages).
      const newest = (visible: string) =>
        `(select ${COLUMNS}, m.id as order_id from messages m where ${visible} and ${sql}${keyset}
          order by m.created_at desc, m.id desc limit $${params.length})`
      const { rows } = await db.query<MessageRow & { order_id?: unknown }>(
        `select * from (${newest('m.account = $1')} union all ${newest('m.account is null')}) both_scopes
         order by created_at desc, order_id desc limit $${params.length}`,
        params,
      )
      return rows.map(({ order_id: _order, ...row }) => row)
    },

    async find(account: string, userId: string, id: string): Promise<MessageRow | undefined> {
      const { rows } = await db.query<MessageRow>(`select ${COLUMNS} from messages m where ${VISIBLE} and m.id = $3`, [
        account,
        userId,
        id,
      ])
      return rows[0]
    },

    async unreadByKind(account: string, userId: string): Promise<Array<{ kind: MessageKind; n: number }>> {
      // Visible messages per kind less those the user has read: one pass over the messages and one over the
      // user's reads, instead of probing message_reads once per message (26 → 8 ms at 8,846 messages).
      const { rows } = await db.query<{ kind: MessageKind; n: number }>(
        `select kind, sum(n)::int as n from (
           select m.kind, count(*) as n from messages m where ${VISIBLE} group by m.kind
           union all
           select m.kind, -count(*) from message_reads r join messages m on m.id = r.message_id
            where r.user_id = $2 and ${VISIBLE} group by m.kind
         ) counted
         group by kind having sum(n) > 0`,
        [account, userId],
      )
      return rows
    },

    /** Marks read what the user can see and has not read; returns how many rows this call marked. */
    async markRead(scope: MessageScope & { id?: string }): Promise<number> {
      const { sql, params } = where({ ...scope, unreadOnly: true })
      let only = ''
      if (scope.id !== undefined) {
        params.push(scope.id)
        only = ` and m.id = $${params.length}`
      }
      const { rows } = await db.query<{ message_id: string }>(
        `insert into message_reads (message_id, user_id)
         select m.id, $2 from messages m where ${sql}${only}
         on conflict do nothing
         returning message_id::text`,
        params,
      )
      return rows.length
    },
  }
}
