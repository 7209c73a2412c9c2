/**
 * The user's subscription settings (`/api/me/subscriptions…`, contract/subscriptions.ts): the configured topics
 * with the grants left, the user's switch and the choice kept for always; reports of what
 * wx.requestSubscribeMessage answered; the switch per topic.
 */
import {
  SUBSCRIBE_TOPICS,
  type ReportGrantsRequest,
  type SubscribeTopic,
  type SubscriptionsResponse,
} from '@contract/subscriptions'
import type { Queryable } from '../db'
import { AppError } from '../errors'
import { subscriptionsRepository } from '../repositories/subscriptions'

export type TopicTemplates = Readonly<Partial<Record<SubscribeTopic, string>>>

/** The configured topics, in the contract's order. */
function configured(templates: TopicTemplates): Array<{ topic: SubscribeTopic; templateId: string }> {
  return SUBSCRIBE_TOPICS.flatMap((topic) => {
    const templateId = templates[topic]
    return templateId === undefined ? [] : [{ topic, templateId }]
  })
}

export function subscriptionSettings(db: Queryable, templates: TopicTemplates, now: () => Date) {
  const repo = subscriptionsRepository(db)

  const read = async (accountId: string): Promise<SubscriptionsResponse> => {
    const grants = new Map((await repo.grantsOf(accountId)).map((grant) => [grant.templateId, grant]))
    return {
      topics: configured(templates).map(({ topic, templateId }) => {
        const grant = grants.get(templateId)
        return {
          topic,
          templateId,
          remaining: grant?.remaining ?? 0,
          enabled: grant?.enabled ?? true,
          keptChoice: grant?.keptChoice ?? null,
        }
      }),
    }
  }

  return {
    read,

    async report(accountId: string, request: ReportGrantsRequest): Promise<SubscriptionsResponse> {
      const known = new Set(configured(templates).map(({ templateId }) => templateId))
      const kept = request.keptChoices ?? {}
      const named = [...new Set([...Object.keys(request.results), ...Object.keys(kept)])]
      const unknown = named.filter((templateId) => !known.has(templateId))
      // Checked before anything is stored: a report naming one unknown template changes nothing.
      if (unknown.length > 0) {
        throw new AppError(400, 'VALIDATION_FAILED', `not a template of this mini-program's subscribe messages: ${unknown.join(', ')}`)
      }
      for (const templateId of named) {
        await repo.report(
          accountId,
          { templateId, accepted: request.results[templateId] === 'accept', keptChoice: request.keptChoices === undefined ? undefined : (kept[templateId] ?? null) },
          now(),
        )
      }
      return read(accountId)
    },

    async setTopic(accountId: string, topic: SubscribeTopic, enabled: boolean): Promise<SubscriptionsResponse> {
      const templateId = templates[topic]
      if (templateId === undefined) throw new AppError(404, 'NOT_FOUND', `no subscribe-message template is configured for ${topic}`)
      await repo.setEnabled(accountId, templateId, enabled, now())
      return read(accountId)
    },
  }
}
