/**
 * Which topics to ask WeChat about: switched on, not turned off for always in WeChat ('reject') nor stopped by it
 * ('ban'), fewest grants left first, at most MAX_TEMPLATES_PER_REQUEST (WeChat's cap per request).
 */
import { MAX_TEMPLATES_PER_REQUEST, type SubscribeTopic, type SubscriptionTopicState } from '@contract/subscriptions'
import type { MessageKey } from '@/i18n/zh-CN'

export const TOPIC_LABEL: Record<SubscribeTopic, MessageKey> = {
  chargeback: 'subs.topic.chargeback',
  fraud: 'subs.topic.fraud',
  retrieval: 'subs.topic.retrieval',
  refund: 'subs.topic.refund',
  deadline: 'subs.topic.deadline',
  summary: 'subs.topic.summary',
}

export function askable(topic: SubscriptionTopicState): boolean {
  return topic.enabled && topic.keptChoice !== 'reject' && topic.keptChoice !== 'ban'
}

/** For "allow more": the askable topics, fewest grants left first. */
export function topicsToAsk(topics: readonly SubscriptionTopicState[], among?: readonly SubscribeTopic[]): SubscriptionTopicState[] {
  return topics
    .filter((topic) => askable(topic) && (among === undefined || among.includes(topic.topic)))
    .sort((a, b) => a.remaining - b.remaining)
    .slice(0, MAX_TEMPLATES_PER_REQUEST)
}

/** For the prompts at natural moments: only topics with no grant left. */
export function topicsToPrompt(topics: readonly SubscriptionTopicState[], among: readonly SubscribeTopic[]): SubscriptionTopicState[] {
  return topicsToAsk(topics, among).filter((topic) => topic.remaining === 0)
}

/**
 * The notices of cases (a chargeback, a fraud alert, a retrieval request) and the reminders of their answer
 * deadlines: asked for when a case is opened. WeChat takes three templates per request, fewest grants left first
 * and in this order on a tie, so the deadline reminder is asked for once the case notices have a grant.
 */
export const CASE_TOPICS: readonly SubscribeTopic[] = ['chargeback', 'fraud', 'retrieval', 'deadline']

/** Every notice the messages tab lists, the reminders and the morning summary last. */
export const NOTICE_TOPICS: readonly SubscribeTopic[] = ['chargeback', 'fraud', 'retrieval', 'refund', 'deadline', 'summary']
