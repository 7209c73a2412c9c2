/** Which subscribe-message templates the prompts ask WeChat for, at most three per request. */
import { describe, expect, it } from 'vitest'
import type { SubscribeTopic, SubscriptionTopicState } from '@contract/subscriptions'
import { CASE_TOPICS, NOTICE_TOPICS, topicsToPrompt } from '@/features/subscriptions/topics'

const state = (topic: SubscribeTopic, remaining: number, extra: Partial<SubscriptionTopicState> = {}): SubscriptionTopicState => ({
  topic,
  templateId: `tpl-${topic}`,
  remaining,
  enabled: true,
  keptChoice: null,
  ...extra,
})

describe('topicsToPrompt', () => {
  it('on a case: the three case notices first, then the deadline reminder once they have a grant', () => {
    const none = CASE_TOPICS.map((topic) => state(topic, 0))
    expect(topicsToPrompt(none, CASE_TOPICS).map((t) => t.topic)).toEqual(['chargeback', 'fraud', 'retrieval'])
    const granted = CASE_TOPICS.map((topic) => state(topic, topic === 'deadline' ? 0 : 1))
    expect(topicsToPrompt(granted, CASE_TOPICS).map((t) => t.topic)).toEqual(['deadline'])
  })

  it('on the messages tab: every notice kind, the reminder and the morning summary included', () => {
    const topics = NOTICE_TOPICS.map((topic) => state(topic, ['deadline', 'summary'].includes(topic) ? 0 : 2))
    expect(topicsToPrompt(topics, NOTICE_TOPICS).map((t) => t.topic)).toEqual(['deadline', 'summary'])
  })

  it('never asks for a topic switched off on Me or refused for always in WeChat', () => {
    const topics = [state('deadline', 0, { enabled: false }), state('summary', 0, { keptChoice: 'reject' }), state('refund', 0)]
    expect(topicsToPrompt(topics, NOTICE_TOPICS).map((t) => t.topic)).toEqual(['refund'])
  })
})
