/**
 * Business-order notifications in: the webhook route and the periodic gap fill, registered together as one
 * plugin. Outbound calls (the business-orders and refund queries) go through the app's routing transport, so in
 * development they reach the built-in sandbox without a port.
 */
import type { FastifyInstance } from 'fastify'
import type { ServerConfig } from '../config/index'
import type { Db } from '../db'
import { routingTransport, type Transport } from '../outbound/transport'
import { oceanpaymentWebhookRoutes } from '../routes/webhooks/oceanpayment'
import { gatewayClients, refundLookupFor, runGapFill } from './gap-fill'
import { startGapFillJob, type GapFillJob } from './gap-fill-job'

export { applyWaitingNotices, recordNotice } from './apply'
export { runGapFill, type GapFillOptions, type GapFillReport } from './gap-fill'

export interface NotificationsPluginOptions {
  db: Db
  config: Pick<ServerConfig, 'oceanpayment' | 'gapFillIntervalSeconds'>
  /** Defaults to routingTransport(app); tests inject a fake. */
  transport?: Transport
}

export async function notificationsPlugin(app: FastifyInstance, options: NotificationsPluginOptions): Promise<void> {
  const { db, config } = options
  const transport = options.transport ?? routingTransport(app)
  const refundLookup = refundLookupFor(gatewayClients(config, transport, app.log))

  await app.register(oceanpaymentWebhookRoutes, { db, config, refundLookup })

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
