/**
 * Gap filling: a notification Oceanpayment gave up on (our server down through all five attempts) would otherwise
 * be lost. Each run asks the business-orders query, per configured terminal of a merchant this store serves, for
 * the records reviewed in the last few days, pages through all of them, and applies every record not yet seen
 * exactly as a notification would be (same unique keys, so a record a notice already brought changes nothing).
 * Then it applies stored notices that were waiting for their payment.
 */
import type { ServerConfig } from '../config'
import type { Db } from '../db'
import type { GatewayLogger } from '../gateway'
import type { Transport } from '../outbound/transport'
import { gatewayClients } from '../outbound/gateway-clients'
import { applyWaitingNotices, recordNotice, type RecordOutcome, type RefundLookup } from './apply'
import { formatBeijingDateTime } from '@contract/beijing-time'
import { noticeFromFields } from './notice'
import { merchantsRepository } from '../repositories/merchants'

export const GAP_FILL_WINDOW_DAYS = 3
/** The largest page the query offers: fewest round trips. */
const PAGE_SIZE = '100'
/** A guard against an answer that never reports its last page. */
const MAX_PAGES = 1_000

export interface GapFillLogger extends GatewayLogger {
  error(fields: Record<string, unknown>, message: string): void
}

export interface GapFillOptions {
  db: Db
  config: Pick<ServerConfig, 'oceanpayment'>
  transport: Transport
  now?: () => Date
  logger?: GapFillLogger
  windowDays?: number
}

export interface GapFillReport {
  /** Terminals queried (configured, of a merchant in the store). */
  terminals: number
  /** Terminals whose query failed; the next run tries again. */
  failedTerminals: string[]
  /** Records the query returned, over all pages. */
  records: number
  /** Records that were new (stored now), by what they did. */
  stored: Record<Exclude<RecordOutcome, 'duplicate'>, number>
  duplicates: number
  /** Notices that had been waiting and were applied in this run. */
  waitingApplied: number
}

/**
 * What a successful partial refund took back, read with the refund query by refund ID (a refund notice's
 * push_id). Undefined when the terminal is not configured or the refund is not (yet) reported as succeeded.
 */
export function refundLookupFor(clients: ReturnType<typeof gatewayClients>): RefundLookup {
  return async (notice) => {
    const entry = clients.get(`${notice.account}:${notice.terminal}`)
    if (entry === undefined) return undefined
    const result = await entry.client.refundQuery({ refund_id: notice.pushId })
    const record = result.records.find((item) => item.refund_id === notice.pushId) ?? result.records[0]
    if (record === undefined || record.refund_status !== '1' || record.refund_amount === '') return undefined
    return { currency: record.refund_currency || notice.currency || '', amount: record.refund_amount }
  }
}

async function knownAccounts(db: Db): Promise<Set<string>> {
  const merchants = await merchantsRepository(db).list()
  return new Set(merchants.map((merchant) => merchant.account))
}

export async function runGapFill(options: GapFillOptions): Promise<GapFillReport> {
  const { db, config, logger } = options
  const now = options.now ?? (() => new Date())
  const end = now()
  const begin = new Date(end.getTime() - (options.windowDays ?? GAP_FILL_WINDOW_DAYS) * 24 * 60 * 60 * 1000)
  const clients = gatewayClients(config, options.transport, logger)
  const refundLookup = refundLookupFor(clients)
  const accounts = await knownAccounts(db)
  const report: GapFillReport = {
    terminals: 0,
    failedTerminals: [],
    records: 0,
    stored: { applied: 0, waiting: 0, none: 0 },
    duplicates: 0,
    waitingApplied: 0,
  }

  for (const { credential, client } of clients.values()) {
    if (!accounts.has(credential.account)) continue
    report.terminals += 1
    const who = { account: credential.account, terminal: credential.terminal }
    try {
      for (let page = 1, totalPages = 1; page <= totalPages && page <= MAX_PAGES; page += 1) {
        const result = await client.businessOrders({
          order_beginDate: formatBeijingDateTime(begin),
          order_endDate: formatBeijingDateTime(end),
          pages: String(page),
          count: PAGE_SIZE,
          // Review time: a record Oceanpayment has just reviewed is one whose notice may have been lost.
          date_type: '0',
        })
        totalPages = Number.parseInt(result.fields.totalpages ?? '', 10) || 0
        report.records += result.records.length
        for (const record of result.records) {
          // The record carries no account or terminal of its own: it is the answer to this terminal's query.
          const parsed = noticeFromFields({ ...record, ...who }, logger)
          if (!parsed.ok) {
            logger?.warn({ ...who, reason: parsed.reason }, 'business-orders record skipped: invalid fields')
            continue
          }
          const outcome = await recordNotice(db, parsed.notice, 'query', { now, refundLookup, logger })
          if (outcome === 'duplicate') report.duplicates += 1
          else report.stored[outcome] += 1
        }
        if (result.records.length === 0) break
      }
    } catch (error) {
      report.failedTerminals.push(credential.terminal)
      logger?.warn({ ...who, err: error }, 'gap fill: business-orders query failed')
    }
  }

  report.waitingApplied = await applyWaitingNotices(db, { now, refundLookup, logger })
  logger?.info({ ...report }, 'gap fill finished')
  return report
}
