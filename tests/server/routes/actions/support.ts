/**
 * Test support for the action routes: the real app with the real sandbox mounted, listening on a real port, and
 * the app's gateway clients pointed at that port — so refund, capture and void travel over real HTTP through the
 * SDK, and the sandbox's fault injection (POST /sandbox/oceanpayment/dev/faults) really times them out. One
 * merchant (the sandbox test terminal's 995378) and payments written to both books (the assistant's and the sandbox's).
 */
import { randomBytes } from 'node:crypto'
import { createServer, type AddressInfo } from 'node:net'
import type { LightMyRequestResponse } from 'fastify'
import type { AccountPermission } from '@contract/admin'
import { buildApp, type App } from '../../../../server/src/app'
import type { Db } from '../../../../server/src/db'
import { migrate } from '../../../../server/src/db/migrate'
import { devStandIns } from '../../../../server/src/dev'
import { importSandboxOrders, seedSandbox } from '../../../../server/src/dev/oceanpayment-sandbox'
import { createLogger } from '../../../../server/src/logging/logger'
import { merchantsRepository } from '../../../../server/src/repositories/merchants'
import { captureLogs, testConfig } from '../../harness'
import { loginAs, signedRequest, type TestSession } from '../../support/signed-client'

export const MERCHANT = '995378'
export const TERMINAL = '99537801'
export const OTHER_MERCHANT = '150207'
export const OTHER_TERMINAL = '15020701'
/** Short, so timeout tests are quick; the sandbox holds a "timeout" fault far longer. */
export const GATEWAY_TIMEOUT_MS = 400
export const PIN = '246810'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export interface ActionsApp {
  app: App
  db: Db
  /** The app's clock (the sandbox's too): real time plus an offset the test can push. */
  now(): number
  advance(ms: number): void
  sandbox: string
  close(): Promise<void>
}

/** `migrated: false` when the caller already migrated `db` (a second pool on the same schema). */
export async function openActionsApp(db: Db, options: { migrated?: boolean; rateLimit?: { limit: number; windowSeconds: number } } = {}): Promise<ActionsApp> {
  if (options.migrated !== true) {
    await migrate(db)
    // A small sandbox book (the mounted sandbox seeds only terminals without orders).
    await seedSandbox(db, { ordersPerTerminal: 1 })
  }
  const port = await freePort()
  let offset = 0
  const now = (): number => Date.now() + offset
  const config = testConfig({
    OCEANPAYMENT_API_BASE: `http://127.0.0.1:${port}/sandbox/oceanpayment`,
    ACTION_GATEWAY_TIMEOUT_MS: String(GATEWAY_TIMEOUT_MS),
    ACTION_RECONCILE_INTERVAL_SECONDS: '0',
    GAP_FILL_INTERVAL_SECONDS: '0',
  })
  const { destination } = captureLogs()
  const app = buildApp({
    config,
    db,
    clock: now,
    logger: createLogger({ level: 'warn', destination }),
    standIns: devStandIns,
    actions: { recheckMs: 0, runReconcilerAtStart: false, rateLimit: options.rateLimit ?? { limit: 10_000, windowSeconds: 60 } },
  })
  await app.listen({ port, host: '127.0.0.1' })
  return {
    app,
    db,
    now,
    advance: (ms) => {
      offset += ms
    },
    sandbox: `http://127.0.0.1:${port}/sandbox/oceanpayment`,
    close: () => app.close(),
  }
}

export interface PaymentSpec {
  merchant?: string
  terminal?: string
  kind?: 'sale' | 'authorization'
  status?: 'success' | 'failure' | 'pending'
  authStatus?: 'pending' | 'captured' | 'voided' | null
  currency?: string
  amountMinor: bigint
  cardBrand?: string
  /** Default: an hour ago. */
  at?: Date
}

/** A payment in both books; returns its payment_id. */
export async function addPayment(db: Db, spec: PaymentSpec): Promise<string> {
  const merchant = spec.merchant ?? MERCHANT
  const terminal = spec.terminal ?? TERMINAL
  const paymentId = `T${randomBytes(6).toString('hex').toUpperCase()}`
  const orderNumber = `ORD-${paymentId}`
  const kind = spec.kind ?? 'sale'
  const status = spec.status ?? 'success'
  const authStatus = kind === 'authorization' ? (spec.authStatus ?? 'pending') : null
  const currency = spec.currency ?? 'USD'
  const at = spec.at ?? new Date(Date.now() - 3_600_000)
  const merchants = merchantsRepository(db)
  await merchants.upsert({ account: merchant })
  await merchants.upsertTerminal({ terminal, account: merchant })
  await db.query(
    `insert into transactions (payment_id, account, terminal, order_number, payment_time, txn_type, status, auth_status,
       payment_method, card_brand, currency, amount_minor, booking_currency, booking_amount_minor)
     values ($1, $2, $3, $4, $5, $6, $7, $8, 'Credit Card', $9, $10, $11, $10, $11)`,
    [paymentId, merchant, terminal, orderNumber, at, kind, status, authStatus, spec.cardBrand ?? 'Visa', currency, spec.amountMinor.toString()],
  )
  await importSandboxOrders(db, [
    {
      paymentId,
      terminal,
      orderNumber,
      currency,
      amountMinor: spec.amountMinor,
      createdAt: at,
      paymentStatus: status === 'success' ? 1 : status === 'failure' ? 0 : -1,
      cardType: spec.cardBrand ?? 'Visa',
      ...(authStatus === null ? {} : { authStatus, capturedMinor: authStatus === 'captured' ? spec.amountMinor : undefined }),
    },
  ])
  return paymentId
}

export async function session(t: ActionsApp, phone: string, permissions?: AccountPermission[], merchant = MERCHANT): Promise<TestSession> {
  return loginAs(t.app, t.db, { merchant, phone, permissions })
}

export async function setPin(t: ActionsApp, s: TestSession, pin = PIN): Promise<LightMyRequestResponse> {
  return signedRequest(t.app, s, { method: 'PUT', url: '/api/actions/pin', body: { pin }, timestamp: t.now() })
}

export function newKey(): string {
  return `key_${randomBytes(12).toString('hex')}`
}

/** POST a money action with an Idempotency-Key (undefined: none). */
export function act(
  t: ActionsApp,
  s: TestSession,
  url: string,
  body: unknown,
  key: string | undefined = newKey(),
): Promise<LightMyRequestResponse> {
  return signedRequest(t.app, s, {
    method: 'POST',
    url,
    body,
    headers: key === undefined ? {} : { 'idempotency-key': key },
    timestamp: t.now(),
  })
}

export function get(t: ActionsApp, s: TestSession, url: string): Promise<LightMyRequestResponse> {
  return signedRequest(t.app, s, { method: 'GET', url, timestamp: t.now() })
}

/** Queues a sandbox fault for the next call of `operation`. */
export async function fault(t: ActionsApp, body: { operation: string; mode: 'slow' | '5xx' | 'timeout'; ms?: number; execute?: boolean }): Promise<void> {
  const response = await fetch(`${t.sandbox}/dev/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (response.status !== 201) throw new Error(`fault not queued: ${response.status} ${await response.text()}`)
}

export async function actionRows(db: Db, paymentId: string): Promise<Array<{ id: string; kind: string; status: string; failure: string | null; amount_minor: string | null }>> {
  const { rows } = await db.query<{ id: string; kind: string; status: string; failure: string | null; amount_minor: string | null }>(
    `select id::text as id, kind, status, failure, amount_minor::text as amount_minor from actions where payment_id = $1 order by created_at`,
    [paymentId],
  )
  return rows
}

export async function sandboxRefunds(db: Db, paymentId: string): Promise<Array<{ refund_number: string | null; status: string }>> {
  const { rows } = await db.query<{ refund_number: string | null; status: string }>(
    `select refund_number, status from sandbox_refunds where payment_id = $1`,
    [paymentId],
  )
  return rows
}

export async function transactionRefunded(db: Db, paymentId: string): Promise<bigint> {
  const { rows } = await db.query<{ refunded_minor: string }>(`select refunded_minor::text as refunded_minor from transactions where payment_id = $1`, [paymentId])
  return BigInt(rows[0]?.refunded_minor ?? '-1')
}
