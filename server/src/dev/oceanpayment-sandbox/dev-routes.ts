/**
 * Development endpoints of the sandbox (JSON, under /sandbox/oceanpayment/dev): make Oceanpayment's side of the
 * world happen on demand — raise a chargeback/dispute/retrieval/fraud case on a payment, set a merchant's refund
 * balance — and see what notifications were sent. Mounted only with the sandbox, so never in production.
 */
import type { FastifyInstance } from 'fastify'
import type { SandboxContext } from './context'
import { parseAmount, formatAmount } from './money'
import { raiseCase } from './raise-case'
import { CASE_NOTICE_TYPES, type CaseNoticeType } from './store/cases'
import { listNotifications } from './store/notifications'
import { getBalance, setBalance } from './store/terminals'
import { AppError } from '../../errors'

const errorResponse = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, requestId: { type: 'string' } },
    },
  },
}

export function registerDevRoutes(app: FastifyInstance, ctx: SandboxContext, ready: () => Promise<void>): void {
  app.post<{ Body: { payment_id: string; notice_type: CaseNoticeType; details?: string } }>(
    '/dev/cases',
    {
      schema: {
        summary: 'Raise a business-order case on a sandbox payment (queues its notification)',
        body: {
          type: 'object',
          required: ['payment_id', 'notice_type'],
          additionalProperties: false,
          properties: {
            payment_id: { type: 'string', minLength: 1, maxLength: 50 },
            notice_type: { type: 'string', enum: [...CASE_NOTICE_TYPES] },
            details: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
        response: {
          201: {
            type: 'object',
            properties: {
              case_id: { type: 'string' },
              payment_id: { type: 'string' },
              terminal: { type: 'string' },
              notice_type: { type: 'string' },
              details: { type: 'string' },
            },
          },
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request, reply) => {
      await ready()
      const raised = await raiseCase(ctx, {
        paymentId: request.body.payment_id,
        noticeType: request.body.notice_type,
        details: request.body.details,
      })
      return reply.code(201).send({
        case_id: raised.caseId,
        payment_id: raised.paymentId,
        terminal: raised.terminal,
        notice_type: raised.noticeType,
        details: raised.details,
      })
    },
  )

  app.put<{ Body: { account: string; currency: string; amount: string } }>(
    '/dev/balances',
    {
      schema: {
        summary: "Set a merchant account's refund balance in one currency (refunds beyond it fail when they settle)",
        body: {
          type: 'object',
          required: ['account', 'currency', 'amount'],
          additionalProperties: false,
          properties: {
            account: { type: 'string', pattern: '^[0-9]{6}$' },
            currency: { type: 'string', pattern: '^[A-Z]{3}$' },
            amount: { type: 'string', pattern: '^[0-9]{1,15}(\\.[0-9]{1,2})?$' },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: { account: { type: 'string' }, currency: { type: 'string' }, amount: { type: 'string' } },
          },
        },
      },
    },
    async (request) => {
      await ready()
      const { account, currency, amount } = request.body
      const minor = parseAmount(amount, currency)
      if (minor === undefined) throw new AppError(400, 'VALIDATION_FAILED', `amount has too many decimals for ${currency}`)
      await setBalance(ctx.db, { account, currency, availableMinor: minor }, { onlyIfMissing: false })
      const stored = (await getBalance(ctx.db, account, currency)) ?? minor
      return { account, currency, amount: formatAmount(stored, currency) }
    },
  )

  app.get<{ Querystring: { payment_id?: string } }>(
    '/dev/notifications',
    {
      schema: {
        summary: 'Business-order notifications the sandbox queued, with their delivery state',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { payment_id: { type: 'string', minLength: 1, maxLength: 50 } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              notifications: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    notification_id: { type: 'string' },
                    payment_id: { type: 'string' },
                    notice_type: { type: 'string' },
                    push_id: { type: 'string' },
                    url: { type: 'string' },
                    state: { type: 'string' },
                    attempts: { type: 'integer' },
                    last_status: { type: ['integer', 'null'] },
                    created_at: { type: 'string' },
                    delivered_at: { type: ['string', 'null'] },
                  },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      await ready()
      const rows = await listNotifications(ctx.db, { paymentId: request.query.payment_id })
      return {
        notifications: rows.map((row) => ({
          notification_id: row.notificationId,
          payment_id: row.paymentId,
          notice_type: row.noticeType,
          push_id: row.pushId,
          url: row.url,
          state: row.state,
          attempts: row.attempts,
          last_status: row.lastStatus,
          created_at: row.createdAt.toISOString(),
          delivered_at: row.deliveredAt?.toISOString() ?? null,
        })),
      }
    },
  )
}
