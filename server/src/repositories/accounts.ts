/**
 * Mini-program accounts (SPEC §2) in the store. The 10-per-merchant limit lives in the schema (slots 1..10,
 * unique per merchant); creation takes the merchant row's lock so concurrent creators queue rather than race for a
 * slot. Disabling or deleting an account removes its sessions in the same transaction, so they end at once.
 */
import { randomUUID } from 'node:crypto'
import type { AccountPermission } from '@contract/admin'
import type { Db, Queryable } from '../db'

/** What an administrator sets on an account. */
export interface AccountFields {
  phone: string
  username: string
  position: string
  enabled: boolean
  permissions: AccountPermission[]
}

export interface AccountRow extends AccountFields {
  id: string
  merchant: string
  createdAt: Date
  updatedAt: Date
}

export type CreateResult =
  | { kind: 'created'; account: AccountRow }
  | { kind: 'no-merchant' }
  | { kind: 'limit-reached' }
  | { kind: 'phone-taken' }

export type UpdateResult = { kind: 'updated'; account: AccountRow } | { kind: 'not-found' } | { kind: 'phone-taken' }

/** An enabled account together with its merchant's name: what login needs. */
export interface LoginAccountRow extends AccountRow {
  merchantName: string
}

interface DbRow {
  id: string
  merchant: string
  phone: string
  username: string
  position: string
  enabled: boolean
  permissions: string[]
  created_at: Date | string
  updated_at: Date | string
}

const COLUMNS = 'id, merchant, phone, username, position, enabled, permissions, created_at, updated_at'

const WITH_MERCHANT = `select a.id, a.merchant, a.phone, a.username, a.position, a.enabled, a.permissions,
         a.created_at, a.updated_at, m.name as merchant_name
  from miniprogram_accounts a join merchants m on m.account = a.merchant`

function toAccount(row: DbRow): AccountRow {
  return {
    id: row.id,
    merchant: row.merchant,
    phone: row.phone,
    username: row.username,
    position: row.position,
    enabled: row.enabled,
    permissions: row.permissions as AccountPermission[],
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }
}

/** PostgreSQL's unique_violation, as both drivers report it. */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown }
  if (e?.code !== '23505') return false
  return e.constraint === constraint || (typeof e.message === 'string' && e.message.includes(constraint))
}

async function phoneTaken(tx: Queryable, merchant: string, phone: string, exceptId?: string): Promise<boolean> {
  const { rows } = await tx.query(
    'select 1 from miniprogram_accounts where merchant = $1 and phone = $2 and ($3::uuid is null or id <> $3::uuid)',
    [merchant, phone, exceptId ?? null],
  )
  return rows.length > 0
}

export function accountsRepository(db: Db) {
  return {
    async list(merchant: string): Promise<AccountRow[]> {
      const { rows } = await db.query<DbRow>(
        `select ${COLUMNS} from miniprogram_accounts where merchant = $1 order by created_at, slot`,
        [merchant],
      )
      return rows.map(toAccount)
    },

    async find(merchant: string, id: string): Promise<AccountRow | undefined> {
      const { rows } = await db.query<DbRow>(`select ${COLUMNS} from miniprogram_accounts where merchant = $1 and id = $2`, [
        merchant,
        id,
      ])
      return rows[0] === undefined ? undefined : toAccount(rows[0])
    },

    /** How many accounts each merchant has (merchants without any are absent). */
    async countsByMerchant(): Promise<Map<string, number>> {
      const { rows } = await db.query<{ merchant: string; n: number }>(
        'select merchant, count(*)::int as n from miniprogram_accounts group by merchant',
      )
      return new Map(rows.map((row) => [row.merchant, row.n]))
    },

    async create(merchant: string, fields: AccountFields): Promise<CreateResult> {
      try {
        return await db.transaction(async (tx): Promise<CreateResult> => {
          // Serialises creators of one merchant (PGlite has one connection and needs no lock, but accepts it).
          const { rows: found } = await tx.query('select account from merchants where account = $1 for update', [merchant])
          if (found.length === 0) return { kind: 'no-merchant' }
          if (await phoneTaken(tx, merchant, fields.phone)) return { kind: 'phone-taken' }
          const { rows } = await tx.query<DbRow>(
            `insert into miniprogram_accounts (id, merchant, slot, phone, username, position, enabled, permissions)
             select $1, $2, free.slot, $3, $4, $5, $6, $7
             from generate_series(1, 10) as free (slot)
             where free.slot not in (select slot from miniprogram_accounts where merchant = $2)
             order by free.slot
             limit 1
             returning ${COLUMNS}`,
            [randomUUID(), merchant, fields.phone, fields.username, fields.position, fields.enabled, fields.permissions],
          )
          return rows[0] === undefined ? { kind: 'limit-reached' } : { kind: 'created', account: toAccount(rows[0]) }
        })
      } catch (error) {
        // Only reachable if the lock were bypassed: the constraints still decide, and the answer stays precise.
        if (isUniqueViolation(error, 'miniprogram_accounts_slot_key')) return { kind: 'limit-reached' }
        if (isUniqueViolation(error, 'miniprogram_accounts_phone_key')) return { kind: 'phone-taken' }
        throw error
      }
    },

    async update(merchant: string, id: string, patch: Partial<AccountFields>): Promise<UpdateResult> {
      try {
        return await db.transaction(async (tx): Promise<UpdateResult> => {
          const { rows: current } = await tx.query<DbRow>(
            `select ${COLUMNS} from miniprogram_accounts where merchant = $1 and id = $2 for update`,
            [merchant, id],
          )
          if (current[0] === undefined) return { kind: 'not-found' }
          if (patch.phone !== undefined && (await phoneTaken(tx, merchant, patch.phone, id))) return { kind: 'phone-taken' }
          const { rows } = await tx.query<DbRow>(
            `update miniprogram_accounts set
               phone = coalesce($3, phone),
               username = coalesce($4, username),
               position = coalesce($5, position),
               enabled = coalesce($6, enabled),
               permissions = coalesce($7, permissions),
               updated_at = now()
             where merchant = $1 and id = $2
             returning ${COLUMNS}`,
            [
              merchant,
              id,
              patch.phone ?? null,
              patch.username ?? null,
              patch.position ?? null,
              patch.enabled ?? null,
              patch.permissions ?? null,
            ],
          )
          const account = toAccount(rows[0])
          // A disabled account, or one whose phone changed hands, must not keep a live session.
          if (!account.enabled || (patch.phone !== undefined && patch.phone !== current[0].phone)) {
            await tx.query('delete from sessions where account_id = $1', [id])
          }
          return { kind: 'updated', account }
        })
      } catch (error) {
        if (isUniqueViolation(error, 'miniprogram_accounts_phone_key')) return { kind: 'phone-taken' }
        throw error
      }
    },

    /** Its sessions go with it (foreign key, on delete cascade). @returns false when there was no such account. */
    async remove(merchant: string, id: string): Promise<boolean> {
      const { rows } = await db.query('delete from miniprogram_accounts where merchant = $1 and id = $2 returning id', [
        merchant,
        id,
      ])
      return rows.length > 0
    },

    /** Enabled accounts bound to `phone`, in any merchant, with the merchant's name. */
    async findEnabledByPhone(phone: string): Promise<LoginAccountRow[]> {
      const { rows } = await db.query<DbRow & { merchant_name: string }>(
        `${WITH_MERCHANT} where a.phone = $1 and a.enabled order by a.merchant`,
        [phone],
      )
      return rows.map((row) => ({ ...toAccount(row), merchantName: row.merchant_name }))
    },

    /** One account by id with its merchant's name (the logged-in user's profile). */
    async findWithMerchant(id: string): Promise<LoginAccountRow | undefined> {
      const { rows } = await db.query<DbRow & { merchant_name: string }>(`${WITH_MERCHANT} where a.id = $1`, [id])
      return rows[0] === undefined ? undefined : { ...toAccount(rows[0]), merchantName: rows[0].merchant_name }
    },

    /**
     * The openid WeChat gave at this account's login: where its subscribe messages go (docs/push.md). Kept in
     * this column only, never selected into an AccountRow, so it reaches no response.
     */
    async setOpenid(id: string, openid: string): Promise<void> {
      await db.query('update miniprogram_accounts set openid = $2 where id = $1 and openid is distinct from $2', [id, openid])
    },
  }
}

export type AccountsRepository = ReturnType<typeof accountsRepository>
