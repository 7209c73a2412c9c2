/**
 * Test support for the Oceanpayment sandbox: a migrated store seeded on a movable clock, the app built by
 * buildTestApp with the sandbox mounted by hand (short refund delay and notification retries, a capturing
 * notice transport), and helpers to find seeded payments of a given kind and to post signed form calls.
 */
import type { AddressInfo } from 'node:net'
import type { Db } from '../../../../server/src/db'
import { migrate } from '../../../../server/src/db/migrate'
import { OPERATIONS, signRequest, type OperationName } from '../../../../server/src/gateway'
import type { HttpRequest, HttpResponse, Transport } from '../../../../server/src/outbound/transport'
import { oceanpaymentSandbox, seedSandbox } from '../../../../server/src/dev/oceanpayment-sandbox'
import { buildTestApp, testConfig, type TestApp } from '../../harness'

export const TEST_TERMINAL = { account: '995378', terminal: '99537801', secureCode: '12345678' } as const
export const NOTICE_URL = 'http://merchant.test/webhooks/oceanpayment'
export const SETTLE_DELAY_MS = 60_000

/** A clock that runs with real time (so retry timers fire) from a fixed start, and can be pushed forward. */
export function movableClock(start = Date.parse('2025-06-15T04:00:00Z')) {
  const began = Date.now()
  let offset = 0
  return {
    now: (): Date => new Date(start + (Date.now() - began) + offset),
    advance: (ms: number): void => {
      offset += ms
    },
  }
}

/** Records every notification POST and answers from a script (default: receive-ok). */
export function noticeReceiver(answers: Array<HttpResponse | Error> = []) {
  const received: HttpRequest[] = []
  const transport: Transport = async (request) => {
    received.push(request)
    const next = answers.shift()
    if (next instanceof Error) throw next
    return next ?? { status: 200, headers: {}, body: 'receive-ok' }
  }
  return { received, transport }
}

export interface SandboxUnderTest extends TestApp {
  db: Db
  clock: ReturnType<typeof movableClock>
  received: HttpRequest[]
  /** Base URL of the sandbox when listening (http://127.0.0.1:port/sandbox/oceanpayment). */
  baseUrl: string
}

export async function openSandbox(
  db: Db,
  options: {
    listen?: boolean
    answers?: Array<HttpResponse | Error>
    retryDelaysMs?: number[]
    clock?: ReturnType<typeof movableClock>
    seed?: boolean
  } = {},
): Promise<SandboxUnderTest> {
  await migrate(db)
  const clock = options.clock ?? movableClock()
  if (options.seed !== false) await seedSandbox(db, { now: clock.now(), ordersPerTerminal: 40 })
  const receiver = noticeReceiver(options.answers)
  // The built-in mount is switched off so this test's own settings (clock, delays, transport) are the only sandbox.
  const test = buildTestApp(db, { ...testConfig(), sandboxesMounted: false })
  await test.app.register(oceanpaymentSandbox, {
    prefix: '/sandbox/oceanpayment',
    db,
    noticeUrl: NOTICE_URL,
    transport: receiver.transport,
    now: clock.now,
    refundSettleDelayMs: SETTLE_DELAY_MS,
    tickMs: 50,
    notifications: { retryDelaysMs: options.retryDelaysMs ?? [20, 20, 20, 20] },
    seed: false,
  })
  let baseUrl = ''
  if (options.listen === true) {
    await test.app.listen({ port: 0, host: '127.0.0.1' })
    baseUrl = `http://127.0.0.1:${(test.app.server.address() as AddressInfo).port}/sandbox/oceanpayment`
  } else {
    await test.app.ready()
  }
  return { ...test, db, clock, received: receiver.received, baseUrl }
}

/** Posts a form call signed with `secureCode` (signValue computed unless given), returns the raw answer. */
export async function postForm(
  sandbox: SandboxUnderTest,
  operation: OperationName,
  params: Record<string, string>,
  options: { secureCode?: string; signValue?: string; credentials?: { account: string; terminal: string } } = {},
) {
  const full = { ...(options.credentials ?? { account: TEST_TERMINAL.account, terminal: TEST_TERMINAL.terminal }), ...params }
  const signValue = options.signValue ?? signRequest(operation, full, options.secureCode ?? TEST_TERMINAL.secureCode)
  const response = await sandbox.app.inject({
    method: 'POST',
    url: `/sandbox/oceanpayment${OPERATIONS[operation].path}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...full, signValue }).toString(),
  })
  return response
}

/** One seeded payment of the test terminal matching `where` (SQL over sandbox_orders o). */
export async function findPayment(
  db: Db,
  where: string,
  terminal: string = TEST_TERMINAL.terminal,
): Promise<{ payment_id: string; order_number: string; currency: string; amount_minor: string }> {
  const { rows } = await db.query<{ payment_id: string; order_number: string; currency: string; amount_minor: string }>(
    `select o.payment_id, o.order_number, o.currency, o.amount_minor::text as amount_minor from sandbox_orders o
     where o.terminal = $1 and (${where}) order by o.payment_id limit 1`,
    [terminal],
  )
  const row = rows[0]
  if (row === undefined) throw new Error(`no seeded payment where ${where}`)
  return row
}

/** A successful, unrefunded, undisputed card sale (refundable in full). */
export const REFUNDABLE_SALE = `o.payment_status = 1 and o.auth_status is null and o.currency = 'USD'
  and not exists (select 1 from sandbox_refunds r where r.payment_id = o.payment_id)
  and not exists (select 1 from sandbox_cases c where c.payment_id = o.payment_id)`
