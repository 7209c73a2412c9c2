/** Merchants and their terminals: who this server serves. */
import type { Queryable } from '../db'

export interface MerchantRow {
  account: string
  name: string
}

export interface TerminalRow {
  terminal: string
  account: string
  name: string
}

export function merchantsRepository(db: Queryable) {
  return {
    async find(account: string): Promise<MerchantRow | undefined> {
      const { rows } = await db.query<MerchantRow>('select account, name from merchants where account = $1', [account])
      return rows[0]
    },

    async list(): Promise<MerchantRow[]> {
      const { rows } = await db.query<MerchantRow>('select account, name from merchants order by account')
      return rows
    },

    async terminals(account: string): Promise<TerminalRow[]> {
      const { rows } = await db.query<TerminalRow>(
        'select terminal, account, name from terminals where account = $1 order by terminal',
        [account],
      )
      return rows
    },

    /** Creates the merchant if missing; `name` replaces the current one only when given. */
    async upsert(merchant: { account: string; name?: string }): Promise<void> {
      await db.query(
        `insert into merchants (account, name) values ($1, coalesce($2, $1))
         on conflict (account) do update set name = coalesce($2, merchants.name)`,
        [merchant.account, merchant.name ?? null],
      )
    },

    /** Creates the terminal if missing; `name` replaces the current one only when given. */
    async upsertTerminal(terminal: { terminal: string; account: string; name?: string }): Promise<void> {
      await db.query(
        `insert into terminals (terminal, account, name) values ($1, $2, coalesce($3, $1))
         on conflict (terminal) do update set name = coalesce($3, terminals.name)
         where terminals.account = $2`,
        [terminal.terminal, terminal.account, terminal.name ?? null],
      )
    },
  }
}

export type MerchantsRepository = ReturnType<typeof merchantsRepository>
