/**
 * The user's subscription state and the two things done with it: asking WeChat for more grants (then telling the
 * server what WeChat answered) and switching a topic. One instance per screen.
 */
import { useState, type ReactNode } from 'react'
import type { SubscribeTopic, SubscriptionsResponse, SubscriptionTopicState } from '@contract/subscriptions'
import { useRemote, type Remote } from '@/hooks/use-remote'
import { useT } from '@/hooks/use-t'
import { subscriptionsApi } from './api'
import { useWechatAsk } from './ask-wechat'
import { TOPIC_LABEL } from './topics'

export interface Subscriptions {
  remote: Remote<SubscriptionsResponse>
  /** The latest state: after an allow or a switch, what the server answered. */
  topics: SubscriptionTopicState[]
  busy: boolean
  /** Asks WeChat about these topics; true when the server took WeChat's answer. */
  allow(topics: readonly SubscriptionTopicState[]): Promise<boolean>
  setEnabled(topic: SubscribeTopic, enabled: boolean): Promise<void>
  /** The sandbox sheet in H5 (render it); null on a phone. */
  sheet: ReactNode
}

export function useSubscriptions(): Subscriptions {
  const t = useT()
  const remote = useRemote(() => subscriptionsApi.fetchSubscriptions(), [])
  const [latest, setLatest] = useState<SubscriptionsResponse | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const wechat = useWechatAsk()
  const current = latest ?? remote.data

  return {
    remote,
    topics: current?.topics ?? [],
    busy,
    sheet: wechat.sheet,
    async allow(topics) {
      if (topics.length === 0) return false
      const labels = Object.fromEntries(topics.map((topic) => [topic.templateId, t(TOPIC_LABEL[topic.topic])]))
      const answer = await wechat.ask({ templateIds: topics.map((topic) => topic.templateId), labels })
      if (answer === undefined) return false
      setBusy(true)
      try {
        setLatest(await subscriptionsApi.reportGrants(answer))
        return true
      } finally {
        setBusy(false)
      }
    },
    async setEnabled(topic, enabled) {
      setBusy(true)
      try {
        setLatest(await subscriptionsApi.setTopic(topic, { enabled }))
      } finally {
        setBusy(false)
      }
    },
  }
}
