/**
 * The Oceanpayment sandbox as a Fastify plugin: Oceanpayment's order-management paths (form posts answered in
 * XML; health and BIN as JSON with credential headers), the dev endpoints, and the background work — deciding
 * refunds when due and delivering notifications. The app mounts it under /sandbox/oceanpayment outside
 * production. It touches the store only once a sandbox request arrives or, at start, if its tables exist, so an
 * app whose store is not migrated (or is down) still starts.
 */
import formbody from '@fastify/formbody'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../../db'
import { OPERATIONS, type OperationName } from '../../gateway'
import type { Transport } from '../../outbound/transport'
import { admit } from './authenticate'
import type { SandboxContext } from './context'
import { registerDevRoutes } from './dev-routes'
import { createFaultBoard, registerFaultRoutes, underFault } from './faults'
import { createNotifier, type NotifierOptions } from './notifier'
import { customsSubmission, preAuthorization, trackingUpload } from './operations/actions'
import { cardBin, healthCheck } from './operations/checkout'
import { businessOrdersQuery, disputedOrdersQuery, orderStatus, successfulOrdersQuery } from './operations/queries'
import { refundQuery, refundRequest } from './operations/refunds'
import type { OperationHandler } from './operations/types'
import { routeSchema, sandboxValidatorCompiler } from './request-schemas'
import { renderAnswer } from './respond'
import { seedSandbox, type SeedOptions } from './seed'
import { settleDueRefunds } from './settlement'

export interface OceanpaymentSandboxOptions {
  db: Db
  /** Where business-order notifications go (config.oceanpayment.sandboxNoticeUrl). */
  noticeUrl: string
  /** How notifications are sent; the app passes routingTransport(app) so its own URL needs no port. */
  transport: Transport
  /** The sandbox's clock (default: real time). */
  now?: () => Date
  /** How long a refund stays pending (default 30 s). */
  refundSettleDelayMs?: number
  /** How often due refunds are decided in the background (default 1 s). */
  tickMs?: number
  notifications?: Pick<NotifierOptions, 'maxAttempts' | 'retryDelaysMs' | 'timeoutMs'>
  /** Seeds the book on first use (default on); false when a test or the lead seeds it. */
  seed?: SeedOptions | false
}

const HANDLERS: Record<OperationName, OperationHandler> = {
  orderStatus,
  successfulOrders: successfulOrdersQuery,
  businessOrders: businessOrdersQuery,
  disputedOrders: disputedOrdersQuery,
  preAuthorization,
  refund: refundRequest,
  refundQuery,
  trackingUpload,
  customsSubmission,
  healthCheck,
  cardBin,
}

const XML = 'text/xml; charset=utf-8'

async function tablesExist(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ present: boolean }>(`select to_regclass('sandbox_notifications') is not null as present`)
  return rows[0]?.present === true
}

export async function oceanpaymentSandbox(app: FastifyInstance, options: OceanpaymentSandboxOptions): Promise<void> {
  const now = options.now ?? (() => new Date())
  const notifier = createNotifier({
    db: options.db,
    transport: options.transport,
    now,
    logger: app.log,
    ...options.notifications,
  })
  const ctx: SandboxContext = {
    db: options.db,
    now,
    settings: { refundSettleDelayMs: options.refundSettleDelayMs ?? 30_000, noticeUrl: options.noticeUrl },
    notifier,
  }

  let timer: NodeJS.Timeout | undefined
  let closed = false
  let ticking = false
  const tick = async (): Promise<void> => {
    if (ticking || closed) return
    ticking = true
    try {
      await settleDueRefunds(ctx)
    } catch (error) {
      app.log.warn({ err: error }, 'sandbox refund settlement failed')
    } finally {
      ticking = false
    }
  }
  const startBackground = (): void => {
    if (timer !== undefined || closed) return
    timer = setInterval(() => void tick(), options.tickMs ?? 1_000)
    timer.unref()
    notifier.resume()
  }

  let seeded: Promise<void> | undefined
  const ready = (): Promise<void> => {
    seeded ??= (async () => {
      if (options.seed !== false) await seedSandbox(options.db, { now: now(), ...options.seed })
      startBackground()
    })().catch((error: unknown) => {
      seeded = undefined // let the next request try again (e.g. the store was briefly down)
      throw error
    })
    return seeded
  }

  app.addHook('onReady', async () => {
    // Resume deliveries left by an earlier process, without holding up start-up or failing it.
    tablesExist(options.db).then(
      (present) => {
        if (present && !closed) startBackground()
      },
      (error: unknown) => app.log.debug({ err: error }, 'sandbox tables not checked at start'),
    )
  })
  app.addHook('onClose', async () => {
    closed = true
    if (timer !== undefined) clearInterval(timer)
    notifier.stop()
  })

  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody)

  const faults = createFaultBoard()
  const serve = (operation: OperationName) => async (request: FastifyRequest, reply: FastifyReply) => {
    const fault = faults.take(operation)
    const run = () => answer(operation, request)
    if (fault !== undefined) return underFault(fault, request, reply, run)
    return reply.type(XML).send(await run())
  }
  /** The XML answer to one call (executing it); the caller decides whether it is sent. */
  const answer = async (operation: OperationName, request: FastifyRequest): Promise<string> => {
    let caller
    let params = {}
    try {
      await ready()
      // Lazy evaluation: every answer reflects refunds that became due since the last tick (waiting for the tick
      // if it is deciding them at this moment).
      await settleDueRefunds(ctx, { wait: true })
      const admission = await admit(options.db, operation, request.body, request.headers)
      params = admission.params
      if (!admission.admitted) {
        // Field names and codes only: values may be secret (signValue) or personal (pay_userId).
        request.log.info({ operation, code: admission.answer.code, rule: admission.rule }, 'sandbox request rejected')
        return renderAnswer(operation, admission.answer, { params })
      }
      caller = admission.caller
      const verdict = await HANDLERS[operation](ctx, caller, admission.params)
      request.log.info({ operation, terminal: caller.terminal, code: verdict.code }, 'sandbox request answered')
      return renderAnswer(operation, verdict, { caller, params })
    } catch (error) {
      request.log.error({ err: error, operation }, 'sandbox request failed')
      return renderAnswer(operation, { code: '99' }, { caller, params })
    }
  }

  // Own context: the schema-shape validator applies to Oceanpayment's paths only, the dev routes keep Fastify's.
  await app.register(async (operations) => {
    operations.setValidatorCompiler(sandboxValidatorCompiler)
    for (const operation of Object.keys(OPERATIONS) as OperationName[]) {
      operations.post(OPERATIONS[operation].path, { schema: routeSchema(operation), attachValidation: true }, serve(operation))
    }
  })
  registerDevRoutes(app, ctx, ready)
  registerFaultRoutes(app, faults)
}
