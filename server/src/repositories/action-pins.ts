/** The action PIN of each account (0013 action_pins): its slow salted hash and the count of wrong tries in a row. */
import type { Queryable } from '../db'

export interface ActionPinRow {
  pin_hash: string
  failed_tries: number
  locked: boolean
}

export function actionPinsRepository(db: Queryable) {
  return {
    /** `lock`: inside a transaction, so two wrong tries at once both count. */
    async find(accountId: string, options: { lock?: boolean } = {}): Promise<ActionPinRow | undefined> {
      const { rows } = await db.query<ActionPinRow>(
        `select pin_hash, failed_tries, locked_at is not null as locked from action_pins where account_id = $1${options.lock === true ? ' for update' : ''}`,
        [accountId],
      )
      return rows[0]
    },

    /** @returns false when a PIN is already set (only the admin's reset, which deletes the row, allows a new one). */
    async create(accountId: string, pinHash: string): Promise<boolean> {
      const { rows } = await db.query(
        `insert into action_pins (account_id, pin_hash) values ($1, $2) on conflict (account_id) do nothing returning account_id`,
        [accountId, pinHash],
      )
      return rows.length > 0
    },

    /** Counts a wrong try; the `maxTries`-th locks the PIN. @returns the tries counted so far. */
    async wrongTry(accountId: string, maxTries: number): Promise<number> {
      const { rows } = await db.query<{ failed_tries: number }>(
        `update action_pins set failed_tries = failed_tries + 1,
           locked_at = case when failed_tries + 1 >= $2 then now() else locked_at end, updated_at = now()
         where account_id = $1 returning failed_tries`,
        [accountId, maxTries],
      )
      return rows[0]?.failed_tries ?? maxTries
    },

    async rightTry(accountId: string): Promise<void> {
      await db.query(`update action_pins set failed_tries = 0, updated_at = now() where account_id = $1 and failed_tries > 0`, [accountId])
    },
  }
}
