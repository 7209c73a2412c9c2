import { openDb } from '../server/src/db'
import { listTransactions } from '../server/src/services/transactions'
const main = async () => {
  const db = await openDb({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/test_bench' } as never)
  const { rows: [b] } = await db.query<{ batch_no: string; currency: string }>("select batch_no, currency from settlement_batches where account='140105' order by batch_no desc limit 1 offset 5")
  console.log(b)
  const rec = { ...db, query: async (sql: string, params: unknown[]) => { const r = await db.query('explain (analyze) ' + sql, params); console.log(r.rows.map((x: any) => x['QUERY PLAN']).join('\n')); return db.query(sql, params) } }
  await listTransactions(rec as never, '140105', { batchNo: b!.batch_no, bookingCurrency: b!.currency } as never, { now: new Date() })
  await db.close()
}
main()
