/**
 * The ODPM admin API for mini-program accounts (SPEC §2), behind a bearer token (ADMIN_TOKEN or the generated
 * DATA_DIR/admin-token):
 *   GET    /admin/api/merchants
 *   GET    /admin/api/merchants/{account}/users
 *   POST   /admin/api/merchants/{account}/users          → 201 with the account
 *   PATCH  /admin/api/merchants/{account}/users/{id}     → 200 with the account
 *   DELETE /admin/api/merchants/{account}/users/{id}     → 204
 * and the admin side of acting from the phone (contract/actions.ts, actions/admin-log.ts):
 *   GET    /admin/api/merchants/{account}/actions        → AdminActionsPage (filters, keyset cursor, newest first)
 *   GET    /admin/api/merchants/{account}/actions.csv    → text/csv, the same filters
 *   POST   /admin/api/merchants/{account}/users/{id}/pin-reset       → 204
 *   PUT    /admin/api/merchants/{account}/users/{id}/refund-limits   → 200 { limits }
 */
import type { FastifyPluginAsync } from 'fastify'
import type { AdminMerchant, CreateAccountRequest, UpdateAccountRequest } from '@contract/admin'
import type { AdminActionsPage, RefundLimitsRequest } from '@contract/actions'
import type { ServerConfig } from '../../config'
import type { Db } from '../../db'
import { AppError } from '../../errors'
import { createAccount, listMerchants, removeAccount, updateAccount } from '../../services/accounts'
import {
  actionLogCsv,
  listActionLog,
  listAccountsWithActions,
  resetActionPin,
  setRefundLimits,
  withActionState,
  type ActionLogQuery,
  type AdminAccount,
} from '../../actions/admin-log'
import { resolveAdminToken, tokensEqual } from '../../auth/admin-token'
import { emptyQuery } from '../read-schemas'
import {
  accountListSchema,
  accountParamsSchema,
  accountSchema,
  actionCsvQuerySchema,
  actionLogPageSchema,
  actionLogQuerySchema,
  createAccountBodySchema,
  merchantListSchema,
  merchantParamsSchema,
  refundLimitsBodySchema,
  refundLimitsReplySchema,
  updateAccountBodySchema,
} from './schemas'
import { rejectUnknownFields } from '../unknown-fields'
import type { WechatLinksApi } from '../../wechat/types'
import { invitationRoutes } from './invitations'

export interface AdminRoutesOptions {
  db: Db
  config: Pick<ServerConfig, 'adminToken' | 'dataDir'>
  /** The mini-program code and URL link of invitations (routes/admin/invitations.ts); without it those routes are absent. */
  wechat?: WechatLinksApi
  /** "Needs attention" is judged against this clock; default the real one. */
  now?: () => Date
}

interface MerchantParams {
  account: string
}

interface AccountParams extends MerchantParams {
  id: string
}

const BEARER = /^Bearer ([^\s]+)$/

export const adminApiRoutes: FastifyPluginAsync<AdminRoutesOptions> = async (app, options) => {
  const { token } = await resolveAdminToken(options.config)

  // Hooks registered here cover only this plugin's routes: the admin API, nothing else.
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('cache-control', 'no-store')
    const presented = BEARER.exec(request.headers.authorization ?? '')?.[1]
    if (presented === undefined || !tokensEqual(presented, token)) {
      void reply.header('www-authenticate', 'Bearer realm="admin"')
      throw new AppError(401, 'UNAUTHORIZED', 'a valid admin bearer token is required (Authorization: Bearer …)')
    }
  })

  app.get<{ Reply: AdminMerchant[] }>('/admin/api/merchants', { schema: { querystring: emptyQuery, response: { 200: merchantListSchema } } }, () =>
    listMerchants(options.db),
  )

  app.get<{ Params: MerchantParams; Reply: AdminAccount[] }>(
    '/admin/api/merchants/:account/users',
    { schema: { params: merchantParamsSchema, querystring: emptyQuery, response: { 200: accountListSchema } } },
    (request) => listAccountsWithActions(options.db, request.params.account),
  )

  app.post<{ Params: MerchantParams; Body: CreateAccountRequest; Reply: AdminAccount }>(
    '/admin/api/merchants/:account/users',
    { schema: { params: merchantParamsSchema, querystring: emptyQuery, body: createAccountBodySchema, response: { 201: accountSchema } } },
    async (request, reply) => {
      const account = await createAccount(options.db, request.params.account, request.body)
      request.log.info({ merchant: account.merchantAccount, userId: account.id }, 'admin: account created')
      // A new account has neither a PIN nor limits yet: nothing to look up.
      return reply.code(201).send({ ...account, actionPin: { set: false, locked: false }, refundLimits: [] })
    },
  )

  app.patch<{ Params: AccountParams; Body: UpdateAccountRequest; Reply: AdminAccount }>(
    '/admin/api/merchants/:account/users/:id',
    { schema: { params: accountParamsSchema, querystring: emptyQuery, body: updateAccountBodySchema, response: { 200: accountSchema } } },
    async (request) => {
      const account = await updateAccount(options.db, request.params.account, request.params.id, request.body)
      request.log.info(
        { merchant: account.merchantAccount, userId: account.id, fields: Object.keys(request.body) },
        'admin: account changed',
      )
      return (await withActionState(options.db, account.merchantAccount, [account]))[0]!
    },
  )

  app.delete<{ Params: AccountParams }>(
    '/admin/api/merchants/:account/users/:id',
    { schema: { params: accountParamsSchema, querystring: emptyQuery, response: { 204: { type: 'null' } } } },
    async (request, reply) => {
      await removeAccount(options.db, request.params.account, request.params.id)
      request.log.info({ merchant: request.params.account, userId: request.params.id }, 'admin: account deleted')
      return reply.code(204).send()
    },
  )

  const now = options.now ?? (() => new Date())
  // Invitations and their mini-program code (issue 15), under this plugin's bearer-token hook.
  if (options.wechat !== undefined) await app.register(invitationRoutes, { db: options.db, wechat: options.wechat, now })

  app.get<{ Params: MerchantParams; Querystring: ActionLogQuery; Reply: AdminActionsPage }>(
    '/admin/api/merchants/:account/actions',
    {
      preValidation: rejectUnknownFields,
      schema: { params: merchantParamsSchema, querystring: actionLogQuerySchema, response: { 200: actionLogPageSchema } },
    },
    (request) => listActionLog(options.db, request.params.account, request.query, now()),
  )

  app.get<{ Params: MerchantParams; Querystring: Omit<ActionLogQuery, 'cursor' | 'limit'> }>(
    '/admin/api/merchants/:account/actions.csv',
    { preValidation: rejectUnknownFields, schema: { params: merchantParamsSchema, querystring: actionCsvQuerySchema } },
    async (request, reply) => {
      const csv = await actionLogCsv(options.db, request.params.account, request.query, now())
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="actions-${request.params.account}.csv"`)
        .send(csv)
    },
  )

  app.post<{ Params: AccountParams }>(
    '/admin/api/merchants/:account/users/:id/pin-reset',
    { schema: { params: accountParamsSchema, querystring: emptyQuery, response: { 204: { type: 'null' } } } },
    async (request, reply) => {
      await resetActionPin(options.db, request.params.account, request.params.id)
      request.log.info({ merchant: request.params.account, userId: request.params.id }, 'admin: action PIN reset')
      return reply.code(204).send()
    },
  )

  app.put<{ Params: AccountParams; Body: RefundLimitsRequest; Reply: RefundLimitsRequest }>(
    '/admin/api/merchants/:account/users/:id/refund-limits',
    { schema: { params: accountParamsSchema, querystring: emptyQuery, body: refundLimitsBodySchema, response: { 200: refundLimitsReplySchema } } },
    async (request) => {
      const limits = await setRefundLimits(options.db, request.params.account, request.params.id, request.body.limits)
      request.log.info({ merchant: request.params.account, userId: request.params.id, currencies: limits.map((l) => l.currency) }, 'admin: refund limits set')
      return { limits }
    },
  )
}
