/**
 * Removes the demo merchants' business (transactions, their cases, batches, balances, notices) and the demo
 * announcements, so `demo:generate --reset` can load a new generation. Merchants, terminals, account managers and
 * mini-program accounts stay. Everything goes in one transaction.
 */
import type { Db } from '../../db'
import { DEMO_ACCOUNTS } from './load-demo-data'

export async function resetDemoData(db: Db): Promise<{ transactions: number }> {
  return db.transaction(async (tx) => {
    const accounts = [...DEMO_ACCOUNTS]
    // message_reads go with their messages (on delete cascade).
    await tx.query(
      `delete from messages where account = any($1::text[]) or (account is null and source_key like 'demo:%')`,
      [accounts],
    )
    await tx.query('delete from order_cases where account = any($1::text[])', [accounts])
    const { rows } = await tx.query<{ count: number }>(
      `with deleted as (delete from transactions where account = any($1::text[]) returning 1)
       select count(*)::int as count from deleted`,
      [accounts],
    )
    await tx.query('delete from settlement_batches where account = any($1::text[])', [accounts])
    await tx.query('delete from fund_balances where account = any($1::text[])', [accounts])
    // The start-up steps that followed the old data (accounts, sandbox mirror) run again for the new.
    await tx.query("delete from app_meta where key like 'demo.step.%'")
    return { transactions: rows[0]?.count ?? 0 }
  })
}
