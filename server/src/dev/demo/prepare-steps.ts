/**
 * The demo's start-up preparation as resumable steps (issue 12 item 8). A process killed between two steps (kill -9
 * after the demo data's commit, before its accounts exist) must not leave the store half prepared for good, so each
 * step checks its own completion instead of "did this start load the data":
 *
 *   1. demo data      — loaded when the store has no transactions (one transaction: all or nothing);
 *   2. demo accounts  — while the demo merchants have data and the step is not recorded as done;
 *   3. sandbox mirror — likewise.
 *
 * Steps 2 and 3 are idempotent (accounts are matched by phone, sandbox orders by payment id), so a step killed
 * after its work but before its record just runs again. The records are app_meta rows `demo.step.<name>`;
 * resetDemoData removes them with the data they describe.
 */
import type { Db } from '../../db'
import { DEMO_ACCOUNTS } from './load-demo-data'

export const DEMO_STEP_PREFIX = 'demo.step.'

export type DemoStep = 'users' | 'sandbox-mirror'

export async function demoDataPresent(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ present: boolean }>(
    'select exists (select 1 from transactions where account = any($1::text[])) as present',
    [[...DEMO_ACCOUNTS]],
  )
  return rows[0]?.present === true
}

/** Runs `step` unless it is recorded as done; records it once it has finished. Undefined when it was done already. */
export async function runStepOnce<T>(db: Db, name: DemoStep, step: () => Promise<T>): Promise<T | undefined> {
  const key = `${DEMO_STEP_PREFIX}${name}`
  const { rows } = await db.query('select 1 from app_meta where key = $1', [key])
  if (rows.length > 0) return undefined
  const result = await step()
  await db.query('insert into app_meta (key, value) values ($1, $2) on conflict (key) do nothing', [key, new Date().toISOString()])
  return result
}

/** Any fixed number: the advisory lock that lets one process at a time run the demo's steps on PostgreSQL. */
const DEMO_STEPS_LOCK = 7_140_105

/**
 * Runs `work` while no other server process on this PostgreSQL database runs its own (two processes starting at
 * once would both find the accounts step undone). The lock is held by a transaction on one connection while `work`
 * uses the others; it ends with that transaction, also when the process dies. PGlite has one process by design.
 */
export async function oneProcessAtATime(db: Db, work: () => Promise<void>): Promise<void> {
  if (db.kind !== 'postgres') return work()
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [DEMO_STEPS_LOCK])
    await work()
  })
}

/**
 * For the crash test only (tests/server/startup/resumable-start.test.ts): OP_TEST_KILL_AT_STEP=<step> makes the
 * process kill itself with SIGKILL — a real kill -9, no cleanup — once the named point is reached. The stand-ins
 * are never loaded in production, and nothing sets the variable outside that test.
 */
export function killHereInTest(point: string): void {
  if (process.env.OP_TEST_KILL_AT_STEP !== point) return
  process.stderr.write(`OP_TEST_KILL_AT_STEP: killing this process at "${point}"\n`)
  process.kill(process.pid, 'SIGKILL')
}
