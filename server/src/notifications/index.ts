/**
 * Business-order notices in, the periodic half: the gap fill, run every GAP_FILL_INTERVAL_SECONDS, asks
 * Oceanpayment for the notices of the last days that the webhook (routes/webhooks) did not receive. Outbound calls
 * (the business-orders and refund queries) go through the app's routing transport, so in development they reach
 * the built-in sandbox without a port.
 */
import type { FastifyInstance } from 'fastify'
import type { ServerConfig } from '../config'
import type { Db } from '../db'
import { routingTransport, type Transport } from '../outbound/transport'
import type { RefundLookup } from './apply'
import { gatewayClients } from '../outbound/gateway-clients'
import { refundLookupFor, runGapFill } from './gap-fill'
import { startGapFillJob, type GapFillJob } from './gap-fill-job'

export { applyWaitingNotices, recordNotice } from './apply'
export { runGapFill, type GapFillOptions, type GapFillReport } from './gap-fill'

export interface GapFillPluginOptions {
  db: Db
  config: Pick<ServerConfig, 'oceanpayment' | 'gapFillIntervalSeconds'>
  /** Defaults to routingTransport(app); tests inject a fake. */
  transport?: Transport
}

/** How a refund notice without its amount learns it: Oceanpayment's Refund Query, through the app's transport. */
export function refundLookupOf(app: FastifyInstance, config: Pick<ServerConfig, 'oceanpayment'>, transport?: Transport): RefundLookup {
  return refundLookupFor(gatewayClients(config, transport ?? routingTransport(app), app.log))
}

export async function gapFillPlugin(app: FastifyInstance, options: GapFillPluginOptions): Promise<void> {
  const { db, config } = options
  const transport = options.transport ?? routingTransport(app)
  let job: GapFillJob | undefined
  app.addHook('onReady', async () => {
    if (config.gapFillIntervalSeconds === 0) return
    job = startGapFillJob({
      intervalSeconds: config.gapFillIntervalSeconds,
      run: () => runGapFill({ db, config, transport, logger: app.log }),
      onError: (error) => app.log.error({ err: error }, 'gap fill failed'),
    })
  })
  app.addHook('onClose', async () => {
    await job?.stop()
  })
}
