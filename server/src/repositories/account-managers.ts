/** 客户经理 of a merchant, and the merchant's name, for the Me page. */
import type { Queryable } from '../db'

export interface AccountManagerRow {
  name: string
  phone: string
  wecom_id: string
  email: string | null
}

export function accountManagersRepository(db: Queryable) {
  return {
    async find(account: string): Promise<AccountManagerRow | undefined> {
      const { rows } = await db.query<AccountManagerRow>(
        'select name, phone, wecom_id, email from account_managers where account = $1',
        [account],
      )
      return rows[0]
    },
  }
}
