/** One store per file with E1's generated demo data (140105 and 150207), migrated, plus app helpers. */
import { migrate } from '../../../server/src/db/migrate'
import type { Db } from '../../../server/src/db'
import { loadDemoData } from '../../../server/src/dev/demo/load-demo-data'
import type { TransactionRow } from '../../../server/src/repositories/transactions'
import { oneYearBack } from '../../../server/src/lib/time-range'

export const DEMO = '140105'
export const OTHER = '150207'

export async function seededDb(db: Db, now: Date): Promise<void> {
  await migrate(db)
  await loadDemoData(db, { size: 1500, secondSize: 300, now, seed: 7 })
}

/** Every transaction of a merchant inside the default range (one year back … now), straight from the table. */
export async function allTransactions(db: Db, account: string, now: Date): Promise<TransactionRow[]> {
  const { rows } = await db.query<TransactionRow>(
    `select * from transactions where account = $1 and payment_time >= $2 and payment_time <= $3`,
    [account, oneYearBack(now), now],
  )
  return rows
}
