/**
 * The staff tools (工具, contract/actions.ts): live Order Status Query for up to 100 order numbers, card BIN check
 * for up to 100 BINs, and the site health check. Each call is one audit row (kind order-query / card-bin /
 * health-check), allowed or refused; a gateway failure is audited as failed and answered GATEWAY_UNAVAILABLE (502)
 * or GATEWAY_REJECTED (422).
 */
import type { FastifyRequest } from 'fastify'
import type {
  ActionKind,
  CardBinResponse,
  CardBinRow,
  HealthCheckResponse,
  OrderLookupResponse,
  OrderLookupRow,
} from '@contract/actions'
import { GatewayRejectedError, type GatewayClient, type OrderStatusResult } from '../gateway'
import { money } from '../money'
import { toMinorUnits } from '../notifications/amount'
import { newAttempt, recordAttempt, requirePermission, type Actor } from './attempt'
import { requireValidParams } from './boundary'
import { gatewayFailure, noTerminalFailure, type GatewayFailure } from './gateway-failure'
import { hitRateLimit, type ToolsDeps } from './tools-deps'

/** Runs one tool call: rate limit, permission (refusal audited), the gateway call, and its one audit row. */
async function runTool<T>(
  deps: ToolsDeps,
  request: FastifyRequest,
  kind: ActionKind,
  detail: Record<string, unknown>,
  call: (actor: Actor, clients: GatewayClient[]) => Promise<{ answer: T; gatewayCode: string; detail?: Record<string, unknown> }>,
): Promise<T> {
  await hitRateLimit(deps, request)
  const actor = await requirePermission(deps.db, request, kind)
  const clients = deps.gateways.forMerchant(actor.auth.merchantNo)
  const fail = async (failure: GatewayFailure): Promise<never> => {
    await recordAttempt(
      deps.db,
      newAttempt(actor, kind, request.id, { status: 'failed', failure: failure.failure, gatewayCode: failure.gatewayCode, detail }),
    )
    throw failure.error
  }
  if (clients.length === 0) return fail(noTerminalFailure())
  let outcome: Awaited<ReturnType<typeof call>>
  try {
    outcome = await call(actor, clients)
  } catch (error) {
    return fail(gatewayFailure(error))
  }
  await recordAttempt(
    deps.db,
    newAttempt(actor, kind, request.id, { status: 'succeeded', gatewayCode: outcome.gatewayCode, detail: { ...detail, ...outcome.detail } }),
  )
  return outcome.answer
}

const PAYMENT_RESULTS: Readonly<Record<string, OrderLookupRow['status']>> = { '1': 'success', '0': 'failure', '-1': 'pending' }

type OrderRecord = OrderStatusResult['records'][number]

/** Of several payments for one order number (retries of the checkout), the latest; payment_dateTime sorts as text. */
function latest(a: OrderRecord | undefined, b: OrderRecord): OrderRecord {
  return a === undefined || b.payment_dateTime > a.payment_dateTime ? b : a
}

function lookupRow(orderNumber: string, record: OrderRecord | undefined): OrderLookupRow {
  if (record === undefined) return { orderNumber, paymentId: null, amount: null, status: 'not-found', details: null }
  const minor = toMinorUnits(record.order_amount, record.order_currency)
  return {
    orderNumber,
    paymentId: record.payment_id || null,
    amount: minor === undefined ? null : money(record.order_currency, minor),
    status: PAYMENT_RESULTS[record.payment_results] ?? 'pending',
    details: record.payment_details || null,
  }
}

/** `POST /api/tools/order-status`: every terminal of the merchant is asked; an order none knows is 'not-found'. */
export function lookupOrders(deps: ToolsDeps, request: FastifyRequest, orderNumbers: readonly string[]): Promise<OrderLookupResponse> {
  const unique = [...new Set(orderNumbers)]
  requireValidParams('orderStatus', { order_number: unique.join(',') }, { order_number: 'orderNumbers' })
  return runTool(deps, request, 'order-query', { orderNumbers: unique }, async (_actor, clients) => {
    const found = new Map<string, OrderRecord>()
    let gatewayCode = '00'
    for (const client of clients) {
      try {
        const result = await client.orderStatus({ order_number: unique })
        gatewayCode = result.resultCode
        for (const record of result.records) found.set(record.order_number, latest(found.get(record.order_number), record))
      } catch (error) {
        // This terminal knows none of them: the others may.
        if (error instanceof GatewayRejectedError && error.kind === 'not-found') continue
        throw error
      }
    }
    const orders = orderNumbers.map((number) => lookupRow(number, found.get(number)))
    return { answer: { orders }, gatewayCode, detail: { found: orders.filter((row) => row.status !== 'not-found').length } }
  })
}

const orNull = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value)

/** `POST /api/tools/card-bins`: one row per asked BIN, in order. */
export function checkCardBins(deps: ToolsDeps, request: FastifyRequest, bins: readonly string[]): Promise<CardBinResponse> {
  const unique = [...new Set(bins)]
  requireValidParams('cardBin', { card_bin: unique.join(',') }, { card_bin: 'bins' })
  return runTool(deps, request, 'card-bin', { bins: unique }, async (_actor, clients) => {
    const result = await clients[0]!.cardBin({ card_bin: unique })
    const byBin = new Map(result.records.map((record) => [record.card_bin, record]))
    const rows: CardBinRow[] = bins.map((bin) => {
      const record = byBin.get(bin)
      return {
        bin,
        brand: orNull(record?.card_brand),
        type: orNull(record?.card_type),
        level: orNull(record?.card_level),
        country: orNull(record?.card_country),
        issuer: orNull(record?.issuer),
      }
    })
    return { answer: { bins: rows }, gatewayCode: result.resultCode }
  })
}

/** `POST /api/tools/health-check`: the merchant's site, asked through its first configured terminal. */
export function checkHealth(deps: ToolsDeps, request: FastifyRequest, site: string): Promise<HealthCheckResponse> {
  requireValidParams('healthCheck', { site }, { site: 'site' })
  return runTool(deps, request, 'health-check', { site }, async (_actor, clients) => {
    const result = await clients[0]!.healthCheck({ site })
    return {
      answer: {
        site: result.fields.site || site,
        result: result.resultCode,
        details: orNull(result.details),
        siteStatus: orNull(result.fields.site_status),
        keyStatus: orNull(result.fields.key_status),
      },
      gatewayCode: result.resultCode,
    }
  })
}
