/**
 * Tracking uploads as the server checks them (contract/actions.ts TrackingUploadItem): number 1–200 characters
 * (several separated by commas), carrier website 1–100, handler 1–15, each trimmed. Pure, shared by the single
 * upload on the detail and the quick entry on the list.
 */
import type { TrackingUploadItem } from '@contract/actions'

export type TrackingField = 'number' | 'site' | 'handler'

export const TRACKING_LIMITS: Readonly<Record<TrackingField, number>> = { number: 200, site: 100, handler: 15 }

/** The carrier website and handler one batch shares (remembered while the quick entry is open). */
export interface TrackingCommon {
  trackingSite: string
  handler: string
}

const within = (text: string, max: number) => text.trim().length >= 1 && text.trim().length <= max

/** The SDK's carrier-website rule (server/src/gateway/operations.ts SITE): a URL or a bare domain. */
const SITE = /^(https?:\/\/)?[A-Za-z0-9.-]+(:\d+)?(\/\S*)?$/

/** The fields that would be refused, in the form's order; empty when the item can be sent. */
export function trackingProblems(item: Omit<TrackingUploadItem, 'paymentId'>): TrackingField[] {
  const problems: TrackingField[] = []
  if (!within(item.trackingNumber, TRACKING_LIMITS.number)) problems.push('number')
  if (!within(item.trackingSite, TRACKING_LIMITS.site) || !SITE.test(item.trackingSite.trim())) problems.push('site')
  if (!within(item.handler, TRACKING_LIMITS.handler)) problems.push('handler')
  return problems
}

/** The batch to send: rows with a number, in list order, with the shared site and handler; trimmed. */
export function trackingBatch(numbers: Readonly<Record<string, string>>, order: readonly string[], common: TrackingCommon): TrackingUploadItem[] {
  return order
    .filter((paymentId) => (numbers[paymentId] ?? '').trim() !== '')
    .map((paymentId) => ({
      paymentId,
      trackingNumber: numbers[paymentId].trim(),
      trackingSite: common.trackingSite.trim(),
      handler: common.handler.trim(),
    }))
}
