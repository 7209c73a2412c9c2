/**
 * The ODPM admin API for mini-program accounts (SPEC §2), behind a bearer token (ADMIN_TOKEN or the generated
 * DATA_DIR/admin-token):
 *   GET    /admin/api/merchants
 *   GET    /admin/api/merchants/{account}/users
 *   POST   /admin/api/merchants/{account}/users          → 201 with the account
 *   PATCH  /admin/api/merchants/{account}/users/{id}     → 200 with the account
 *   DELETE /admin/api/merchants/{account}/users/{id}     → 204
 */
import type { FastifyPluginAsync } from 'fastify'
import type { AdminMerchant, CreateAccountRequest, MiniProgramAccount, UpdateAccountRequest } from '@contract/admin'
import type { ServerConfig } from '../../config'
import type { Db } from '../../db'
import { AppError } from '../../errors'
import { createAccount, listAccounts, listMerchants, removeAccount, updateAccount } from '../../services/accounts'
import { resolveAdminToken, tokensEqual } from '../../auth/admin-token'
import { emptyQuery } from '../read-schemas'
import {
  accountListSchema,
  accountParamsSchema,
  accountSchema,
  createAccountBodySchema,
  merchantListSchema,
  merchantParamsSchema,
  updateAccountBodySchema,
} from './schemas'

export interface AdminRoutesOptions {
  db: Db
  config: Pick<ServerConfig, 'adminToken' | 'dataDir'>
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

  app.get<{ Params: MerchantParams; Reply: MiniProgramAccount[] }>(
    '/admin/api/merchants/:account/users',
    { schema: { params: merchantParamsSchema, querystring: emptyQuery, response: { 200: accountListSchema } } },
    (request) => listAccounts(options.db, request.params.account),
  )

  app.post<{ Params: MerchantParams; Body: CreateAccountRequest; Reply: MiniProgramAccount }>(
    '/admin/api/merchants/:account/users',
    { schema: { params: merchantParamsSchema, querystring: emptyQuery, body: createAccountBodySchema, response: { 201: accountSchema } } },
    async (request, reply) => {
      const account = await createAccount(options.db, request.params.account, request.body)
      request.log.info({ merchant: account.merchantAccount, userId: account.id }, 'admin: account created')
      return reply.code(201).send(account)
    },
  )

  app.patch<{ Params: AccountParams; Body: UpdateAccountRequest; Reply: MiniProgramAccount }>(
    '/admin/api/merchants/:account/users/:id',
    { schema: { params: accountParamsSchema, querystring: emptyQuery, body: updateAccountBodySchema, response: { 200: accountSchema } } },
    async (request) => {
      const account = await updateAccount(options.db, request.params.account, request.params.id, request.body)
      request.log.info(
        { merchant: account.merchantAccount, userId: account.id, fields: Object.keys(request.body) },
        'admin: account changed',
      )
      return account
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
}
