/**
 * The admin side of invitations (contract/invitations.ts, docs/invitations.md), behind the admin bearer token of
 * the plugin that registers this one:
 *   POST /admin/api/merchants/{account}/invitations                    → 201 AdminInvitation
 *   GET  /admin/api/merchants/{account}/invitations                    → AdminInvitationsResponse
 *   GET  /admin/api/merchants/{account}/invitations/{id}/wxacode        → image/png (WeChat's getwxacodeunlimit)
 *   POST /admin/api/merchants/{account}/invitations/{id}/url-link       → AdminInvitation with its URL link
 * WeChat refusing or failing answers 502 WECHAT_UNAVAILABLE in our envelope (its errcode named).
 */
import type { FastifyPluginAsync } from 'fastify'
import { INVITATION_STATES, type AdminInvitation, type AdminInvitationsResponse, type CreateInvitationRequest } from '@contract/invitations'
import type { Db } from '../../db'
import { invitationService } from '../../invitations'
import type { WechatLinksApi } from '../../wechat/types'
import { emptyQuery } from '../read-schemas'
import { emptyBodySchema } from '../auth/schemas'
import { merchantParamsSchema } from './schemas'

export interface InvitationRoutesOptions {
  db: Db
  wechat: WechatLinksApi
  now: () => Date
}

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'

const invitationParams = {
  type: 'object',
  required: ['account', 'id'],
  additionalProperties: false,
  properties: { account: { type: 'string', pattern: '^[0-9]{6}$' }, id: { type: 'string', pattern: UUID } },
} as const

export const createInvitationBody = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: { accountId: { type: 'string', pattern: UUID } },
} as const

const nullableString = { type: ['string', 'null'] } as const

export const invitationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'merchantAccount', 'accountId', 'username', 'scene', 'createdAt', 'expiresAt', 'usedAt', 'state', 'wxacodePath', 'urlLink', 'urlLinkExpiresAt'],
  properties: {
    id: { type: 'string' },
    merchantAccount: { type: 'string' },
    accountId: nullableString,
    username: nullableString,
    scene: { type: 'string' },
    createdAt: { type: 'string' },
    expiresAt: { type: 'string' },
    usedAt: nullableString,
    state: { type: 'string', enum: INVITATION_STATES },
    wxacodePath: { type: 'string' },
    urlLink: nullableString,
    urlLinkExpiresAt: nullableString,
  },
} as const

export const invitationListSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: { items: { type: 'array', items: invitationSchema } },
} as const

export const invitationRoutes: FastifyPluginAsync<InvitationRoutesOptions> = async (app, options) => {
  const service = invitationService(options.db, options.now)

  app.post<{ Params: { account: string }; Body: CreateInvitationRequest | null; Reply: AdminInvitation }>(
    '/admin/api/merchants/:account/invitations',
    { schema: { params: merchantParamsSchema, querystring: emptyQuery, body: createInvitationBody, response: { 201: invitationSchema } } },
    async (request, reply) => {
      const invitation = await service.create(request.params.account, request.body?.accountId)
      request.log.info({ merchant: invitation.merchantAccount, invitation: invitation.id, accountId: invitation.accountId }, 'admin: invitation created')
      return reply.code(201).send(invitation)
    },
  )

  app.get<{ Params: { account: string }; Reply: AdminInvitationsResponse }>(
    '/admin/api/merchants/:account/invitations',
    { schema: { params: merchantParamsSchema, querystring: emptyQuery, response: { 200: invitationListSchema } } },
    async (request) => ({ items: await service.list(request.params.account) }),
  )

  app.get<{ Params: { account: string; id: string } }>(
    '/admin/api/merchants/:account/invitations/:id/wxacode',
    { schema: { params: invitationParams, querystring: emptyQuery } },
    async (request, reply) => {
      const image = await service.wxacode(options.wechat, request.params.account, request.params.id)
      return reply
        .type('image/png')
        .header('content-disposition', `inline; filename="invitation-${request.params.account}-${request.params.id.slice(0, 8)}.png"`)
        .send(image)
    },
  )

  app.post<{ Params: { account: string; id: string }; Reply: AdminInvitation }>(
    '/admin/api/merchants/:account/invitations/:id/url-link',
    { schema: { params: invitationParams, querystring: emptyQuery, body: emptyBodySchema, response: { 200: invitationSchema } } },
    async (request) => service.urlLink(options.wechat, request.params.account, request.params.id),
  )
}
