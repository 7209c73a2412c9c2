/** SQL of the invitations behind the mini-program code (0016, contract/invitations.ts). */
import type { Queryable } from '../db'

export interface InvitationRow {
  id: string
  token: string
  merchant: string
  merchant_name: string
  account_id: string | null
  username: string | null
  phone: string | null
  created_at: Date
  expires_at: Date
  used_at: Date | null
  url_link: string | null
  url_link_expires_at: Date | null
}

const SELECT = `select i.id::text as id, i.token, i.merchant, m.name as merchant_name, i.account_id::text as account_id,
    a.username, a.phone, i.created_at, i.expires_at, i.used_at, i.url_link, i.url_link_expires_at
  from invitations i join merchants m on m.account = i.merchant
  left join miniprogram_accounts a on a.id = i.account_id`

export function invitationsRepository(db: Queryable) {
  return {
    async insert(item: { id: string; token: string; merchant: string; accountId: string | null; createdAt: Date; expiresAt: Date }): Promise<void> {
      await db.query(
        `insert into invitations (id, token, merchant, account_id, created_at, expires_at) values ($1, $2, $3, $4, $5, $6)`,
        [item.id, item.token, item.merchant, item.accountId, item.createdAt, item.expiresAt],
      )
    },

    async list(merchant: string): Promise<InvitationRow[]> {
      const { rows } = await db.query<InvitationRow>(`${SELECT} where i.merchant = $1 order by i.created_at desc, i.id limit 200`, [merchant])
      return rows
    },

    async find(merchant: string, id: string): Promise<InvitationRow | undefined> {
      const { rows } = await db.query<InvitationRow>(`${SELECT} where i.merchant = $1 and i.id = $2`, [merchant, id])
      return rows[0]
    },

    async findByToken(token: string): Promise<InvitationRow | undefined> {
      const { rows } = await db.query<InvitationRow>(`${SELECT} where i.token = $1`, [token])
      return rows[0]
    },

    /** Uses the invitation up, once: only while unused and unexpired (one statement, safe across processes). */
    async use(id: string, accountId: string, now: Date): Promise<boolean> {
      const { rows } = await db.query(
        `update invitations set used_at = $3, used_by = $2 where id = $1 and used_at is null and expires_at > $3 returning id`,
        [id, accountId, now],
      )
      return rows.length > 0
    },

    async setUrlLink(id: string, urlLink: string, expiresAt: Date): Promise<void> {
      await db.query('update invitations set url_link = $2, url_link_expires_at = $3 where id = $1', [id, urlLink, expiresAt])
    },

    async accountOf(merchant: string, accountId: string): Promise<boolean> {
      const { rows } = await db.query('select 1 from miniprogram_accounts where merchant = $1 and id = $2', [merchant, accountId])
      return rows.length > 0
    },

    async merchantExists(merchant: string): Promise<boolean> {
      const { rows } = await db.query('select 1 from merchants where account = $1', [merchant])
      return rows.length > 0
    },
  }
}
