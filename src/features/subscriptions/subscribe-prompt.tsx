/**
 * Asking again at a natural moment (the messages tab, a case, after login): a slim banner offering the topics of
 * this screen that have no grant left — never one the user turned off for always, never more than once per screen
 * visit (closing it or answering hides it until the screen is opened again). WeChat only lets the sheet open from a
 * tap, so this is a banner with a button rather than a sheet that pops up by itself.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { SubscribeTopic } from '@contract/subscriptions'
import { useT } from '@/hooks/use-t'
import { TOPIC_LABEL, topicsToPrompt } from './topics'
import { useSubscriptions } from './use-subscriptions'
import './subscriptions.scss'

/** Prompts shown once per app launch (`oncePerLaunch`), e.g. the one after login on Home. */
const shownThisLaunch = new Set<string>()

export function SubscribePrompt({ topics, oncePerLaunch }: { topics: readonly SubscribeTopic[]; oncePerLaunch?: string }) {
  const t = useT()
  const subs = useSubscriptions()
  const [done, setDoneState] = useState(oncePerLaunch !== undefined && shownThisLaunch.has(oncePerLaunch))
  const setDone = (value: boolean) => {
    if (oncePerLaunch !== undefined) shownThisLaunch.add(oncePerLaunch)
    setDoneState(value)
  }
  const toPrompt = topicsToPrompt(subs.topics, topics)
  if (done || subs.remote.status !== 'ready' || toPrompt.length === 0) return <>{subs.sheet}</>
  const names = toPrompt.map((topic) => t(TOPIC_LABEL[topic.topic])).join(t('list.separator'))
  const allow = () => {
    setDone(true)
    subs.allow(toPrompt).catch(() => undefined)
  }
  return (
    <View className='subs-prompt' data-testid='subscribe-prompt'>
      <Text className='subs-prompt__text'>{t('subs.prompt.text', { topics: names })}</Text>
      <Text className='subs-prompt__allow' onClick={allow} data-testid='subscribe-prompt-allow'>
        {t('subs.prompt.allow')}
      </Text>
      <Text className='subs-prompt__dismiss' onClick={() => setDone(true)} data-testid='subscribe-prompt-dismiss'>
        {t('subs.prompt.dismiss')}
      </Text>
      {subs.sheet}
    </View>
  )
}
