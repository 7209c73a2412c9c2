/**
 * The emulator's subscribe-message state (migration 0015): the grants its wx.requestSubscribeMessage emulation gave
 * per (openid, template) — its OWN count, as WeChat keeps its own, so a server that counted wrong meets 43101 here
 * as it would there — the choices kept for always, what it received (the "phone"), and the daily call counter
 * behind 45009. A grant is used in one statement, so two server processes never both spend the last one.
 */
import { beijingDate } from '@contract/beijing-time'
import type { Db } from '../../db'

export type EmuChoice = 'accept' | 'reject'

export interface ReceivedMessage {
  id: string
  openid: string
  templateId: string
  page: string | null
  data: Record<string, { value: string }>
  miniprogramState: string
  lang: string
  /** Epoch milliseconds. */
  receivedAt: number
}

interface ReceivedRow {
  id: string
  openid: string
  template_id: string
  page: string | null
  data: Record<string, { value: string }> | string
  miniprogram_state: string
  lang: string
  received_at: Date | string
}

export function subscribeStore(db: Db) {
  return {
    /** Kept choices of one user, by template (wx.getSetting's itemSettings). */
    async keptChoices(appId: string, openid: string): Promise<Record<string, EmuChoice>> {
      const { rows } = await db.query<{ template_id: string; kept_choice: EmuChoice }>(
        `select template_id, kept_choice from wechat_emu_subscribe_grants
         where appid = $1 and openid = $2 and kept_choice is not null`,
        [appId, openid],
      )
      return Object.fromEntries(rows.map((row) => [row.template_id, row.kept_choice]))
    },

    /** One answer of the sheet: an accept is one more grant; `keep` remembers the choice for always. */
    async answer(appId: string, openid: string, templateId: string, choice: EmuChoice, keep: boolean): Promise<void> {
      await db.query(
        `insert into wechat_emu_subscribe_grants (appid, openid, template_id, remaining, kept_choice)
         values ($1, $2, $3, $4, $5)
         on conflict (appid, openid, template_id) do update set
           remaining = wechat_emu_subscribe_grants.remaining + excluded.remaining,
           kept_choice = coalesce(excluded.kept_choice, wechat_emu_subscribe_grants.kept_choice)`,
        [appId, openid, templateId, choice === 'accept' ? 1 : 0, keep ? choice : null],
      )
    },

    /** Uses one grant; false when the user has none left for this template. */
    async useGrant(appId: string, openid: string, templateId: string): Promise<boolean> {
      const { rows } = await db.query(
        `update wechat_emu_subscribe_grants set remaining = remaining - 1
         where appid = $1 and openid = $2 and template_id = $3 and remaining > 0 returning 1`,
        [appId, openid, templateId],
      )
      return rows.length > 0
    },

    async remaining(appId: string, openid: string, templateId: string): Promise<number> {
      const { rows } = await db.query<{ remaining: number }>(
        'select remaining from wechat_emu_subscribe_grants where appid = $1 and openid = $2 and template_id = $3',
        [appId, openid, templateId],
      )
      return Number(rows[0]?.remaining ?? 0)
    },

    /** Counts one call of the Beijing day; true while the day's count is within `limit`. */
    async withinDailyQuota(bucket: string, limit: number, now: number): Promise<boolean> {
      const { rows } = await db.query<{ calls: number }>(
        `insert into wechat_emu_daily_calls (bucket, day, calls) values ($1, $2, 1)
         on conflict (bucket, day) do update set calls = wechat_emu_daily_calls.calls + 1
         returning calls`,
        [bucket, beijingDate(now)],
      )
      return Number(rows[0]?.calls ?? 1) <= limit
    },

    async receive(message: Omit<ReceivedMessage, 'id' | 'receivedAt'> & { appId: string }, now: number): Promise<void> {
      await db.query(
        `insert into wechat_emu_subscribe_received (appid, openid, template_id, page, data, miniprogram_state, lang, received_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          message.appId,
          message.openid,
          message.templateId,
          message.page,
          JSON.stringify(message.data),
          message.miniprogramState,
          message.lang,
          new Date(now).toISOString(),
        ],
      )
    },

    /** Newest first; one user's when `openid` is given. */
    async received(appId: string, openid: string | undefined, limit: number): Promise<ReceivedMessage[]> {
      const { rows } = await db.query<ReceivedRow>(
        `select id::text as id, openid, template_id, page, data, miniprogram_state, lang, received_at
         from wechat_emu_subscribe_received
         where appid = $1 and ($2::text is null or openid = $2)
         order by id desc limit $3`,
        [appId, openid ?? null, limit],
      )
      return rows.map((row) => ({
        id: row.id,
        openid: row.openid,
        templateId: row.template_id,
        page: row.page,
        data: typeof row.data === 'string' ? (JSON.parse(row.data) as ReceivedMessage['data']) : row.data,
        miniprogramState: row.miniprogram_state,
        lang: row.lang,
        receivedAt: new Date(row.received_at).getTime(),
      }))
    },
  }
}

export type SubscribeStore = ReturnType<typeof subscribeStore>
