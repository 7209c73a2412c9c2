/**
 * SQL of the scheduler (issue 15): its lease (one holder across all server processes, the same SQL on PGlite and
 * PostgreSQL), the cases due a deadline reminder, and the figures of a merchant's morning summary.
 */
import type { Queryable } from '../db'
import { expirySql } from './transactions'

export interface ReminderCandidate {
  caseId: string
  account: string
  paymentId: string
  orderNumber: string | null
  kind: 'chargeback' | 'retrieval'
  currency: string
  amountMinor: string
  reasonCode: string | null
  reason: string | null
  deadlineAt: Date
}

export interface SummaryFigures {
  success: Array<{ currency: string; count: number; minor: string }>
  newCases: number
  expiringAuthorizations: number
  deadlinesWithin: number
}

interface CandidateRow {
  case_id: string
  account: string
  payment_id: string
  order_number: string | null
  kind: 'chargeback' | 'retrieval'
  currency: string
  amount_minor: string
  reason_code: string | null
  reason: string | null
  deadline_at: Date
}

export function schedulerRepository(db: Queryable) {
  return {
    /**
     * Takes or renews the lease `name` until `until` when it is free, expired, or already this holder's. One
     * statement: of two processes racing for a free lease, exactly one gets the row.
     */
    async acquireLease(name: string, holder: string, now: Date, until: Date): Promise<boolean> {
      const { rows } = await db.query<{ holder: string }>(
        `insert into scheduler_leases (name, holder, expires_at) values ($1, $2, $3)
         on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
           where scheduler_leases.expires_at <= $4 or scheduler_leases.holder = excluded.holder
         returning holder`,
        [name, holder, until, now],
      )
      return rows[0]?.holder === holder
    },

    /** Gives the lease up (a process closing), so another process takes over at its next tick. */
    async releaseLease(name: string, holder: string): Promise<void> {
      await db.query('delete from scheduler_leases where name = $1 and holder = $2', [name, holder])
    },

    /** Open chargebacks and retrievals whose deadline is still ahead and at most `withinMs` away. */
    async reminderCandidates(now: Date, withinMs: number): Promise<ReminderCandidate[]> {
      const { rows } = await db.query<CandidateRow>(
        `select c.id::text as case_id, c.account, c.payment_id, t.order_number, c.kind, c.currency,
                c.amount_minor::text as amount_minor, c.reason_code, c.reason, c.deadline_at
           from order_cases c left join transactions t on t.payment_id = c.payment_id
          where c.status = 'open' and c.kind in ('chargeback', 'retrieval')
            and c.deadline_at > $1 and c.deadline_at <= $2
          order by c.deadline_at, c.id`,
        [now, new Date(now.getTime() + withinMs)],
      )
      return rows.map((row) => ({
        caseId: row.case_id,
        account: row.account,
        paymentId: row.payment_id,
        orderNumber: row.order_number,
        kind: row.kind,
        currency: row.currency.trim(),
        amountMinor: row.amount_minor,
        reasonCode: row.reason_code,
        reason: row.reason,
        deadlineAt: row.deadline_at,
      }))
    },

    /** Merchants without a message under `summary:<account>:<day>` yet. */
    async merchantsWithoutSummary(sourceKeyPrefix: string, day: string): Promise<string[]> {
      const { rows } = await db.query<{ account: string }>(
        `select m.account from merchants m
          where not exists (select 1 from messages x where x.source_key = $1 || m.account || ':' || $2)
          order by m.account`,
        [sourceKeyPrefix, day],
      )
      return rows.map((row) => row.account)
    },

    /**
     * One merchant's figures: successful payments and new cases in [from, to) (yesterday, Beijing time), and as of
     * `now` the pending pre-authorizations expiring within `expiringMs` and the open cases due within `dueMs`.
     */
    async summaryFigures(
      account: string,
      window: { from: Date; to: Date },
      now: Date,
      expiringMs: number,
      dueMs: number,
    ): Promise<SummaryFigures> {
      const { rows: success } = await db.query<{ currency: string; count: number; minor: string }>(
        `select currency, count(*)::int as count, sum(amount_minor)::text as minor from transactions
          where account = $1 and status = 'success' and payment_time >= $2 and payment_time < $3
          group by currency order by currency`,
        [account, window.from, window.to],
      )
      const { rows: cases } = await db.query<{ n: number }>(
        'select count(*)::int as n from order_cases where account = $1 and opened_at >= $2 and opened_at < $3',
        [account, window.from, window.to],
      )
      const expiry = expirySql('t.card_brand', 't.payment_time')
      const { rows: expiring } = await db.query<{ n: number }>(
        `select count(*)::int as n from transactions t
          where t.account = $1 and t.auth_status = 'pending' and ${expiry} > $2 and ${expiry} <= $3`,
        [account, now, new Date(now.getTime() + expiringMs)],
      )
      const { rows: due } = await db.query<{ n: number }>(
        `select count(*)::int as n from order_cases
          where account = $1 and status = 'open' and deadline_at > $2 and deadline_at <= $3`,
        [account, now, new Date(now.getTime() + dueMs)],
      )
      return {
        success: success.map((row) => ({ currency: row.currency.trim(), count: Number(row.count), minor: row.minor })),
        newCases: Number(cases[0]?.n ?? 0),
        expiringAuthorizations: Number(expiring[0]?.n ?? 0),
        deadlinesWithin: Number(due[0]?.n ?? 0),
      }
    },
  }
}
