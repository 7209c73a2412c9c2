/**
 * Fills the sandbox's order book: the known terminals (server/src/config/known-merchants.ts) with their secureCodes and
 * refund balances, and for every terminal that has no orders yet a deterministic history over the last ~90 days
 * (seeded PRNG, clock injectable): successful and failed payments, retried orders, pending, captured and voided
 * pre-authorizations, offline WeChat Pay / Alipay payments, refunds, chargebacks, retrievals, fraud, high-risk
 * and dispute cases. IDs derive from the terminal and a counter, so two processes seeding at once insert the same
 * rows and the second one's inserts are no-ops.
 */
import type { Db, Queryable } from '../../db'
import { KNOWN_MERCHANTS, type KnownMerchant } from '../../config/known-merchants'
import { DAY_MS } from '@contract/beijing-time'
import { CURRENCY_CODES, currencyDecimals } from '@contract/money'
import { createPrng, type Prng } from './prng'
import { CASE_NOTICE_TYPES, insertCase, type CaseNoticeType } from './store/cases'
import { countOrders, insertOrder, insertOrders, type AuthStatus, type SandboxOrder } from './store/orders'
import { insertRefund } from './store/refunds'
import { setBalance, upsertTerminal } from './store/terminals'

export interface SeedOptions {
  /** "Now" for the generated history (default: the real time). */
  now?: Date
  /** Changes every generated value; the default gives the documented book. */
  seed?: string
  /** Payments per terminal (default 150). */
  ordersPerTerminal?: number
  /** Default: KNOWN_MERCHANTS. */
  merchants?: readonly KnownMerchant[]
}

export interface SeedResult {
  terminals: number
  orders: number
  refunds: number
  cases: number
}

/** Refund balance every account starts with, per currency (in major units). */
const OPENING_BALANCE = BigInt(1_000_000)

const HISTORY_DAYS = 90

const CARD_BRANDS = [
  { type: 'VISA', bin: '411111' },
  { type: 'VISA', bin: '453201' },
  { type: 'MasterCard', bin: '555555' },
  { type: 'MasterCard', bin: '222300' },
  { type: 'JCB', bin: '353011' },
  { type: 'AmericanExpress', bin: '378282' },
] as const
const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'JP', 'HK', 'AU', 'CA', 'SE', 'SG', 'NL', 'IT'] as const
const FAILURES = [
  '80001:Insufficient funds',
  '80002:Do not honor',
  '80003:Expired card',
  '80004:Invalid card number',
  '80005:Suspected fraud',
  '80006:3-D Secure authentication failed',
] as const
const CASE_DETAILS: Record<CaseNoticeType, string> = {
  chargeBack: '4853:Cardholder dispute - not as described',
  're-presentment': 'Re-presentment submitted with delivery proof',
  retrieval: '6321:Cardholder does not recognize transaction',
  'reversal-retrieval': 'Retrieval request withdrawn by issuer',
  fraud: '10.4:Other fraud - card absent environment',
  highRisk: 'Risk review: mismatched billing and IP country',
  dispute: '13.1:Merchandise not received',
  'disputes-period': '13.3:Not as described, within dispute period',
}

function minorAmount(prng: Prng, currency: string): bigint {
  // Roughly 5 to 600 in major units, whole yen for zero-decimal currencies.
  const major = prng.int(5, 600)
  const exponent = currencyDecimals(currency)
  return exponent === 0 ? BigInt(major * 100) : BigInt(major * 100 + prng.int(0, 99))
}

function paymentId(terminal: string, seq: number): string {
  return `${terminal}${String(seq).padStart(6, '0')}`
}

interface Generated {
  orders: SandboxOrder[]
  refunds: Parameters<typeof insertRefund>[1][]
  cases: Parameters<typeof insertCase>[1][]
}

/** The history of one terminal. Pure: the same inputs always give the same rows. */
export function generateTerminalHistory(terminal: string, options: { now: Date; seed: string; count: number }): Generated {
  const prng = createPrng(`${options.seed}:${terminal}`)
  const now = options.now.getTime()
  const generated: Generated = { orders: [], refunds: [], cases: [] }
  let seq = 0
  const at = (ms: number): Date => new Date(Math.min(ms, now))

  for (let i = 0; i < options.count; i += 1) {
    seq += 1
    const createdAt = new Date(now - prng.int(60, HISTORY_DAYS * 24 * 60 * 60) * 1000)
    const currency = prng.chance(0.45) ? 'USD' : prng.pick(CURRENCY_CODES)
    const amountMinor = minorAmount(prng, currency)
    const wallet = prng.chance(0.15)
    const method = wallet ? prng.pick(['WeChat Pay', 'Alipay'] as const) : 'Credit Card'
    const brand = prng.pick(CARD_BRANDS)
    const roll = prng.next()
    const status = roll < 0.78 ? 1 : roll < 0.95 ? 0 : -1
    const preauth = !wallet && status === 1 && prng.chance(0.15)
    let authStatus: AuthStatus | null = null
    let capturedMinor: bigint | null = null
    if (preauth) {
      const ageDays = (now - createdAt.getTime()) / DAY_MS
      // Authorizations expire after about a month: only recent ones can still be open.
      const kind = ageDays < 30 && prng.chance(0.8) ? 'pending' : prng.pick(['captured', 'captured', 'voided'] as const)
      authStatus = kind
      if (kind === 'captured') capturedMinor = prng.chance(0.3) ? (amountMinor * BigInt(8)) / BigInt(10) : amountMinor
    }
    const order: SandboxOrder = {
      paymentId: paymentId(terminal, seq),
      terminal,
      orderNumber: `SO${terminal.slice(-4)}${String(i + 1).padStart(6, '0')}`,
      currency,
      amountMinor,
      paymentStatus: status,
      paymentDetails: status === 1 ? '00000:Approved' : status === 0 ? prng.pick(FAILURES) : '-1:Processing',
      paymentMethod: method,
      channel: wallet && prng.chance(0.5) ? 'offline' : 'online',
      cardType: wallet ? '' : brand.type,
      cardCountry: wallet ? 'CN' : prng.pick(COUNTRIES),
      cardNumber: wallet ? '' : `${brand.bin}******${String(prng.int(0, 9999)).padStart(4, '0')}`,
      authStatus,
      authorizedMinor: preauth ? amountMinor : null,
      capturedMinor,
      authChangedAt: authStatus === 'captured' || authStatus === 'voided' ? at(createdAt.getTime() + DAY_MS) : null,
      trackingNumber: null,
      trackingSite: null,
      trackingHandler: null,
      trackingAt: null,
      createdAt,
    }
    const settledSale = status === 1 && (authStatus === null || authStatus === 'captured')
    if (settledSale && now - createdAt.getTime() > 3 * DAY_MS && prng.chance(0.6)) {
      order.trackingNumber = `1Z${String(prng.int(100_000_000, 999_999_999))}`
      order.trackingSite = 'https://www.ups.com'
      order.trackingHandler = 'warehouse'
      order.trackingAt = at(createdAt.getTime() + 2 * DAY_MS)
    }
    generated.orders.push(order)

    // A declined card is often retried and then paid: same merchant order number, a new payment.
    if (status === 0 && prng.chance(0.3)) {
      seq += 1
      generated.orders.push({
        ...order,
        paymentId: paymentId(terminal, seq),
        paymentStatus: 1,
        paymentDetails: '00000:Approved',
        createdAt: at(createdAt.getTime() + 5 * 60 * 1000),
      })
    }

    if (settledSale && prng.chance(0.1)) {
      const received = capturedMinor ?? amountMinor
      const full = prng.chance(0.5)
      const refundAmount = full ? received : (received * BigInt(prng.int(10, 60))) / BigInt(100)
      const requestedAt = at(createdAt.getTime() + prng.int(1, 20) * DAY_MS)
      const failed = prng.chance(0.1)
      if (refundAmount > BigInt(0) && requestedAt.getTime() < now) {
        generated.refunds.push({
          refundId: `RF${order.paymentId}`,
          paymentId: order.paymentId,
          terminal,
          refundNumber: `RN${order.orderNumber}`,
          refundReference: null,
          refundType: full ? 1 : 2,
          amountMinor: refundAmount,
          currency,
          description: full ? 'Customer returned the goods' : 'Partial refund: item missing',
          status: failed ? 'failure' : 'success',
          details: failed ? 'Refund failed: insufficient account balance' : 'Refund succeeded',
          requestedAt,
          settleAt: at(requestedAt.getTime() + DAY_MS),
          settledAt: at(requestedAt.getTime() + DAY_MS),
        })
      }
    }
  }

  // Cases: every notice type at least once per terminal (on successful sales, oldest first), then a few more.
  const candidates = generated.orders.filter((o) => o.paymentStatus === 1 && o.authStatus !== 'pending' && o.authStatus !== 'voided')
  const types: CaseNoticeType[] = [...CASE_NOTICE_TYPES]
  for (let extra = 0; extra < Math.floor(candidates.length / 12); extra += 1) types.push(prng.pick(CASE_NOTICE_TYPES))
  types.forEach((noticeType, index) => {
    const order = candidates[(index * 7) % Math.max(candidates.length, 1)]
    if (order === undefined) return
    const exceptionAt = at(order.createdAt.getTime() + prng.int(2, 40) * DAY_MS)
    generated.cases.push({
      caseId: `CS${order.paymentId}${String(index).padStart(3, '0')}`,
      paymentId: order.paymentId,
      terminal,
      noticeType,
      pushStatus: noticeType === 'dispute' || noticeType === 'disputes-period' ? 2 : 1,
      details: CASE_DETAILS[noticeType],
      amountMinor: order.amountMinor,
      currency: order.currency,
      exceptionAt,
      reviewedAt: at(exceptionAt.getTime() + prng.int(0, 2) * DAY_MS),
    })
  })
  return generated
}

async function seedTerminals(tx: Queryable, merchants: readonly KnownMerchant[]): Promise<number> {
  let count = 0
  for (const merchant of merchants) {
    for (const terminal of merchant.terminals) {
      await upsertTerminal(tx, {
        account: merchant.account,
        terminal: terminal.terminal,
        secureCode: terminal.secureCode,
        name: terminal.name,
      })
      count += 1
    }
    for (const currency of CURRENCY_CODES) {
      const availableMinor = OPENING_BALANCE * BigInt(10) ** BigInt(currencyDecimals(currency))
      await setBalance(tx, { account: merchant.account, currency, availableMinor }, { onlyIfMissing: true })
    }
  }
  return count
}

/**
 * Idempotent: terminals are upserted, balances set only where missing, and history generated only for terminals
 * that have no orders (so a book the lead imported with importSandboxOrders is left as it is).
 */
export async function seedSandbox(db: Db, options: SeedOptions = {}): Promise<SeedResult> {
  const now = options.now ?? new Date()
  const seed = options.seed ?? 'oceanpayment-sandbox'
  const count = options.ordersPerTerminal ?? 150
  const merchants = options.merchants ?? KNOWN_MERCHANTS
  const result: SeedResult = { terminals: 0, orders: 0, refunds: 0, cases: 0 }
  result.terminals = await db.transaction((tx) => seedTerminals(tx, merchants))
  for (const merchant of merchants) {
    for (const { terminal } of merchant.terminals) {
      await db.transaction(async (tx) => {
        if ((await countOrders(tx, terminal)) > 0) return
        const history = generateTerminalHistory(terminal, { now, seed, count })
        for (const order of history.orders) if (await insertOrder(tx, order)) result.orders += 1
        for (const refund of history.refunds) if (await insertRefund(tx, refund)) result.refunds += 1
        for (const item of history.cases) if (await insertCase(tx, item)) result.cases += 1
      })
    }
  }
  return result
}

/** A payment to load into the book; omitted fields take the values of a plain successful card sale. */
export interface SandboxOrderImport {
  paymentId: string
  terminal: string
  orderNumber: string
  currency: string
  amountMinor: bigint
  createdAt: Date
  paymentStatus?: -1 | 0 | 1
  paymentDetails?: string
  paymentMethod?: string
  channel?: 'online' | 'offline'
  cardType?: string
  cardCountry?: string
  /** Must already be masked (first six, last four). */
  cardNumber?: string
  /** Set for pre-authorizations; 'captured' needs capturedMinor. */
  authStatus?: AuthStatus
  capturedMinor?: bigint
  /**
   * When the authorization was captured or voided (default: createdAt). For a captured one this is its 记账时间,
   * the booking time the assistant's row holds (transactions.booked_at), so both sides tell the same time.
   */
  authChangedAt?: Date
  trackingNumber?: string
  trackingSite?: string
  trackingHandler?: string
}

/**
 * Loads payments (e.g. the demo merchant's transactions) into the book in one transaction. The terminal must be
 * known to the sandbox (seedSandbox adds the known ones). Payments already present are left unchanged.
 * @returns how many were inserted and how many were already there
 */
export async function importSandboxOrders(
  db: Db,
  orders: readonly SandboxOrderImport[],
): Promise<{ inserted: number; skipped: number }> {
  const rows: SandboxOrder[] = orders.map((input) => {
    const status = input.paymentStatus ?? 1
    return {
      paymentId: input.paymentId,
      terminal: input.terminal,
      orderNumber: input.orderNumber,
      currency: input.currency,
      amountMinor: input.amountMinor,
      paymentStatus: status,
      paymentDetails: input.paymentDetails ?? (status === 1 ? '00000:Approved' : status === 0 ? '80002:Do not honor' : '-1:Processing'),
      paymentMethod: input.paymentMethod ?? 'Credit Card',
      channel: input.channel ?? 'online',
      cardType: input.cardType ?? '',
      cardCountry: input.cardCountry ?? '',
      cardNumber: input.cardNumber ?? '',
      authStatus: input.authStatus ?? null,
      authorizedMinor: input.authStatus === undefined ? null : input.amountMinor,
      capturedMinor: input.capturedMinor ?? null,
      authChangedAt: input.authStatus === undefined || input.authStatus === 'pending' ? null : (input.authChangedAt ?? input.createdAt),
      trackingNumber: input.trackingNumber ?? null,
      trackingSite: input.trackingSite ?? null,
      trackingHandler: input.trackingHandler ?? null,
      trackingAt: input.trackingNumber === undefined ? null : input.createdAt,
      createdAt: input.createdAt,
    }
  })
  // One transaction, set-based (store/orders.ts insertOrders): a year of demo payments in a few statements.
  const inserted = await db.transaction((tx) => insertOrders(tx, rows))
  return { inserted, skipped: orders.length - inserted }
}
