/**
 * SQL of the subscribe-message grants (subscription_grants, migration 0015): per account and template, the
 * one-time grants left, the user's own switch and the choice kept for always in WeChat's sheet. Every change is one
 * statement, so concurrent reports and sends never lose a count and `remaining` never goes below 0.
 */
import type { KeptChoice } from '@contract/subscriptions'
import type { Queryable } from '../db'

export interface GrantRow {
  templateId: string
  remaining: number
  enabled: boolean
  keptChoice: KeptChoice | null
}

interface DbRow {
  template_id: string
  remaining: number
  enabled: boolean
  kept_choice: KeptChoice | null
}

export interface GrantReport {
  templateId: string
  /** One more grant (the user accepted this template). */
  accepted: boolean
  /** What wx.getSetting said was kept for always; undefined leaves the stored one, null clears it. */
  keptChoice: KeptChoice | null | undefined
}

export function subscriptionsRepository(db: Queryable) {
  return {
    async grantsOf(accountId: string): Promise<GrantRow[]> {
      const { rows } = await db.query<DbRow>(
        'select template_id, remaining, enabled, kept_choice from subscription_grants where account_id = $1',
        [accountId],
      )
      return rows.map((row) => ({
        templateId: row.template_id,
        remaining: Number(row.remaining),
        enabled: row.enabled,
        keptChoice: row.kept_choice,
      }))
    },

    async report(accountId: string, report: GrantReport, now: Date): Promise<void> {
      const keep = report.keptChoice !== undefined
      await db.query(
        `insert into subscription_grants (account_id, template_id, remaining, kept_choice, updated_at)
         values ($1, $2, $3, $4, $6)
         on conflict (account_id, template_id) do update set
           remaining = subscription_grants.remaining + excluded.remaining,
           kept_choice = case when $5 then excluded.kept_choice else subscription_grants.kept_choice end,
           updated_at = excluded.updated_at`,
        [accountId, report.templateId, report.accepted ? 1 : 0, keep ? report.keptChoice : null, keep, now],
      )
    },

    async setEnabled(accountId: string, templateId: string, enabled: boolean, now: Date): Promise<void> {
      await db.query(
        `insert into subscription_grants (account_id, template_id, enabled, updated_at) values ($1, $2, $3, $4)
         on conflict (account_id, template_id) do update set enabled = excluded.enabled, updated_at = excluded.updated_at`,
        [accountId, templateId, enabled, now],
      )
    },

    /** One grant used, atomically: false when none was left or the topic is switched off. */
    async consume(accountId: string, templateId: string): Promise<boolean> {
      const { rows } = await db.query(
        `update subscription_grants set remaining = remaining - 1
         where account_id = $1 and template_id = $2 and remaining > 0 and enabled
         returning 1`,
        [accountId, templateId],
      )
      return rows.length > 0
    },

    /** A grant WeChat did not use after all (it answered that it sent nothing). */
    async giveBack(accountId: string, templateId: string): Promise<void> {
      await db.query(
        'update subscription_grants set remaining = remaining + 1 where account_id = $1 and template_id = $2',
        [accountId, templateId],
      )
    },

    /** WeChat answered 43101: the user has no grant for this template any more, whatever we counted. */
    async clear(accountId: string, templateId: string): Promise<void> {
      await db.query('update subscription_grants set remaining = 0 where account_id = $1 and template_id = $2', [
        accountId,
        templateId,
      ])
    },
  }
}
