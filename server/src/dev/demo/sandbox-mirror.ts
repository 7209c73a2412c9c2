/**
 * Puts the demo merchants' payments of the allowed year into the sandbox's order book, so that what the pages show
 * and what the sandbox knows are the same payments: an action on any demo transaction the list can show (capture a
 * pending pre-authorization, refund, upload tracking) reaches an order the sandbox has. Runs only where the sandbox
 * is mounted, once, when the demo is first loaded.
 */
import type { Db } from '../../db'
import { oneYearBack } from '../../lib/time-range'
import { importSandboxOrders, seedSandbox, type SandboxOrderImport } from '../oceanpayment-sandbox'
import { DEMO_MERCHANT, SECOND_MERCHANT } from '../../config/known-merchants'


interface MirrorRow {
  payment_id: string
  terminal: string
  order_number: string
  currency: string
  amount_minor: string
  payment_time: Date | string
  booked_at: Date | string | null
  status: 'success' | 'failure' | 'pending'
  auth_status: 'pending' | 'captured' | 'voided' | null
  payment_method: string
  card_brand: string | null
  card_country: string | null
  card_masked: string | null
  tracking_number: string | null
  tracking_site: string | null
  failure_code: string | null
  failure_reason: string | null
}

const STATUS = { success: 1, failure: 0, pending: -1 } as const

function toImport(row: MirrorRow): SandboxOrderImport {
  const amountMinor = BigInt(row.amount_minor)
  const order: SandboxOrderImport = {
    paymentId: row.payment_id,
    terminal: row.terminal,
    orderNumber: row.order_number,
    currency: row.currency,
    amountMinor,
    createdAt: new Date(row.payment_time),
    paymentStatus: STATUS[row.status],
    paymentMethod: row.payment_method,
    cardType: row.card_brand ?? '',
    cardCountry: row.card_country ?? '',
    cardNumber: row.card_masked ?? '',
  }
  if (row.status === 'failure' && row.failure_code !== null) {
    order.paymentDetails = `${row.failure_code}:${row.failure_reason ?? ''}`
  }
  if (row.auth_status !== null) {
    order.authStatus = row.auth_status
    if (row.auth_status === 'captured') order.capturedMinor = amountMinor
    // Captured when booked: the sandbox's capture time is the row's 记账时间.
    if (row.auth_status === 'captured' && row.booked_at !== null) order.authChangedAt = new Date(row.booked_at)
  }
  if (row.tracking_number !== null) {
    order.trackingNumber = row.tracking_number
    order.trackingSite = row.tracking_site ?? ''
    order.trackingHandler = 'merchant'
  }
  return order
}

/** @returns how many payments the sandbox received */
export async function mirrorDemoPaymentsIntoSandbox(db: Db, now: Date): Promise<number> {
  const merchants = [DEMO_MERCHANT, SECOND_MERCHANT]
  // Registers the terminals without inventing a history for them: the demo's own payments are their history.
  await seedSandbox(db, { now, merchants, ordersPerTerminal: 0 })
  // The year the transactions list allows (lib/time-range.ts): every payment an action may be asked for. The
  // sandbox loads them set-based (importSandboxOrders), so a year costs about what 45 days did row by row.
  const since = oneYearBack(now)
  const { rows } = await db.query<MirrorRow>(
    `select payment_id, terminal, order_number, currency, amount_minor, payment_time, booked_at, status, auth_status,
            payment_method, card_brand, card_country, card_masked, tracking_number, tracking_site,
            failure_code, failure_reason
       from transactions
      where account = any($1) and payment_time >= $2
      order by payment_time`,
    [merchants.map((merchant) => merchant.account), since],
  )
  const { inserted } = await importSandboxOrders(db, rows.map(toImport))
  return inserted
}
