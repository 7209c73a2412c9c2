/**
 * Tracking Numbers Upload from the phone (contract/actions.ts TrackingUpload*): 1–50 orders, each its own call by
 * payment_id, each its own audit row, answered in order. A payment the merchant does not have (unknown, or another
 * merchant's) fails as not found without a call. On success the number and site are stored on the transaction, so
 * the "tracking missing" list no longer shows it. Re-upload overwrites, at Oceanpayment and here.
 *
 * The SDK does not retry a trackingUpload that timed out (OPERATIONS.trackingUpload.retryable = false, like every
 * call that changes something). Re-sending would be harmless — an upload overwrites — but the item is answered
 * failed (gateway-unavailable) instead, and the user sends it again: nothing is stored here that Oceanpayment may
 * not have.
 */
import type { FastifyRequest } from 'fastify'
import type { ActionFailure, ActionRecord, TrackingUploadItem, TrackingUploadResponse } from '@contract/actions'
import { transactionTrackingRepository } from '../repositories/transaction-tracking'
import { newAttempt, recordAttempt, requirePermission, type Actor } from './attempt'
import { toActionRecord } from './action-record'
import { requireValidParams } from './boundary'
import { gatewayFailure, noTerminalFailure } from './gateway-failure'
import { hitRateLimit, type ToolsDeps } from './tools-deps'

const WIRE_NAMES = { payment_id: 'paymentId', tracking_number: 'trackingNumber', tracking_site: 'trackingSite', tracking_handler: 'handler' }

function paramsOf(item: TrackingUploadItem) {
  return { payment_id: item.paymentId, tracking_number: item.trackingNumber, tracking_site: item.trackingSite, tracking_handler: item.handler }
}

export async function uploadTracking(deps: ToolsDeps, request: FastifyRequest, items: readonly TrackingUploadItem[]): Promise<TrackingUploadResponse> {
  items.forEach((item, index) => requireValidParams('trackingUpload', paramsOf(item), WIRE_NAMES, `items[${index}].`))
  await hitRateLimit(deps, request)
  const actor = await requirePermission(deps.db, request, 'tracking')
  const results: ActionRecord[] = []
  for (const item of items) results.push(await uploadOne(deps, request, actor, item))
  return { results }
}

async function uploadOne(deps: ToolsDeps, request: FastifyRequest, actor: Actor, item: TrackingUploadItem): Promise<ActionRecord> {
  const merchant = actor.auth.merchantNo
  const tracking = transactionTrackingRepository(deps.db)
  const detail = { trackingNumber: item.trackingNumber, trackingSite: item.trackingSite, handler: item.handler }
  const failed = async (fields: { orderNumber?: string; failure: ActionFailure; gatewayCode?: string | null }) =>
    toActionRecord(
      await recordAttempt(
        deps.db,
        newAttempt(actor, 'tracking', request.id, { paymentId: item.paymentId, status: 'failed', detail, ...fields }),
      ),
    )

  const target = await tracking.target(merchant, item.paymentId)
  if (target === undefined) return failed({ failure: 'payment-not-found' })
  const client = deps.gateways.forTerminal(merchant, target.terminal)
  if (client === undefined) return failed({ orderNumber: target.order_number, failure: noTerminalFailure().failure })
  let gatewayCode: string
  try {
    const answer = await client.trackingUpload({
      payment_id: target.payment_id,
      tracking_number: item.trackingNumber,
      tracking_site: item.trackingSite,
      tracking_handler: item.handler,
    })
    gatewayCode = answer.resultCode
  } catch (error) {
    const mapped = gatewayFailure(error)
    return failed({ orderNumber: target.order_number, failure: mapped.failure, gatewayCode: mapped.gatewayCode })
  }
  const row = await deps.db.transaction(async (tx) => {
    await transactionTrackingRepository(tx).set(merchant, target.payment_id, item.trackingNumber, item.trackingSite)
    return recordAttempt(
      tx,
      newAttempt(actor, 'tracking', request.id, { paymentId: target.payment_id, orderNumber: target.order_number, status: 'succeeded', gatewayCode, detail }),
    )
  })
  return toActionRecord(row)
}
