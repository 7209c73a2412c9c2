/**
 * The user's subscribe-message settings (contract/subscriptions.ts, docs/push.md), signed like every /api route:
 *   GET  /api/me/subscriptions               → 200 SubscriptionsResponse
 *   POST /api/me/subscriptions/grants        what wx.requestSubscribeMessage (and wx.getSetting) said → 200 the same
 *   PUT  /api/me/subscriptions/:topic        the user's switch for one topic → 200 the same
 * Per account: one user's grants and switches are never another's, and a template the server has not configured
 * is refused (400) before anything is stored.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { ReportGrantsRequest, SetTopicRequest, SubscribeTopic, SubscriptionsResponse } from '@contract/subscriptions'
import { requireAuth } from '../../auth/request-context'
import type { Db } from '../../db'
import { subscriptionSettings, type TopicTemplates } from '../../push/subscriptions'
import { emptyQuery } from '../read-schemas'
import { rejectUnknownFields } from '../unknown-fields'
import { reportBodySchema, setTopicBodySchema, subscriptionsResponseSchema, topicParamsSchema } from './schemas'

export interface SubscriptionRoutesOptions {
  db: Db
  templates: TopicTemplates
  now: () => Date
}

export const subscriptionRoutes: FastifyPluginAsync<SubscriptionRoutesOptions> = async (app, options) => {
  const settings = subscriptionSettings(options.db, options.templates, options.now)
  app.addHook('preValidation', rejectUnknownFields)
  const response = { 200: subscriptionsResponseSchema }

  app.get<{ Reply: SubscriptionsResponse }>(
    '/api/me/subscriptions',
    { schema: { tags: ['me'], querystring: emptyQuery, response } },
    (request) => settings.read(requireAuth(request).userId),
  )
  app.post<{ Body: ReportGrantsRequest; Reply: SubscriptionsResponse }>(
    '/api/me/subscriptions/grants',
    { schema: { tags: ['me'], querystring: emptyQuery, body: reportBodySchema, response } },
    (request) => settings.report(requireAuth(request).userId, request.body),
  )
  app.put<{ Params: { topic: SubscribeTopic }; Body: SetTopicRequest; Reply: SubscriptionsResponse }>(
    '/api/me/subscriptions/:topic',
    { schema: { tags: ['me'], querystring: emptyQuery, params: topicParamsSchema, body: setTopicBodySchema, response } },
    (request) => settings.setTopic(requireAuth(request).userId, request.params.topic, request.body.enabled),
  )
}
