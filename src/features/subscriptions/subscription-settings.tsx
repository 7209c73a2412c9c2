/**
 * 消息提醒 on Me: each configured topic with the grants left and the user's switch, and "allow more", which asks
 * WeChat (at most 3 templates a time) for the topics with the fewest grants left. A topic turned off for always in
 * WeChat says so and is not asked about (only WeChat's own settings can turn it back on).
 */
import Taro from '@tarojs/taro'
import { Button, Switch, Text, View } from '@tarojs/components'
import type { SubscriptionTopicState } from '@contract/subscriptions'
import { PageState } from '@/components/page-state'
import { useT } from '@/hooks/use-t'
import { ReceivedPanel } from './received-panel'
import { TOPIC_LABEL, topicsToAsk } from './topics'
import { useSubscriptions } from './use-subscriptions'
import './subscriptions.scss'

function TopicRow({ topic, disabled, onSwitch }: { topic: SubscriptionTopicState; disabled: boolean; onSwitch: (on: boolean) => void }) {
  const t = useT()
  const kept = topic.keptChoice === null ? undefined : t(`subs.kept.${topic.keptChoice}`)
  return (
    <View className='subs-row' data-testid={`subs-topic-${topic.topic}`}>
      <View className='subs-row__text'>
        <Text className='subs-row__label'>{t(TOPIC_LABEL[topic.topic])}</Text>
        <Text className='subs-row__meta' data-testid={`subs-remaining-${topic.topic}`}>
          {t('subs.remaining', { count: topic.remaining })}
          {kept === undefined ? '' : ` · ${kept}`}
        </Text>
      </View>
      <Switch
        checked={topic.enabled}
        disabled={disabled}
        color='#0b5cff'
        onChange={(event) => onSwitch(event.detail.value)}
        data-testid={`subs-switch-${topic.topic}`}
      />
    </View>
  )
}

export function SubscriptionSettings({ onClose }: { onClose: () => void }) {
  const t = useT()
  const subs = useSubscriptions()
  const toAsk = topicsToAsk(subs.topics)
  const allowMore = () => {
    subs.allow(toAsk).then(
      (reported) => {
        if (reported) void Taro.showToast({ title: t('subs.allowDone'), icon: 'none' })
      },
      () => void Taro.showToast({ title: t('subs.allowFailed'), icon: 'none' }),
    )
  }
  const toggle = (topic: SubscriptionTopicState, on: boolean) => {
    subs.setEnabled(topic.topic, on).catch(() => void Taro.showToast({ title: t('subs.allowFailed'), icon: 'none' }))
  }
  return (
    <View className='subs-sheet' data-testid='subscription-settings'>
      <View className='subs-sheet__mask' onClick={onClose} />
      <View className='subs-sheet__panel'>
        <Text className='subs-sheet__title'>{t('subs.title')}</Text>
        <Text className='subs-sheet__note'>{t('subs.intro')}</Text>
        {subs.remote.status !== 'ready' ? (
          <PageState status={subs.remote.status} error={subs.remote.error} onRetry={() => void subs.remote.reload()} />
        ) : (
          subs.topics.map((topic) => <TopicRow key={topic.topic} topic={topic} disabled={subs.busy} onSwitch={(on) => toggle(topic, on)} />)
        )}
        {toAsk.length > 0 ? (
          <Button className='subs-sheet__primary' disabled={subs.busy || undefined} onClick={allowMore} data-testid='subs-allow-more'>
            {t('subs.allowMore')}
          </Button>
        ) : null}
        <ReceivedPanel />
        <Button className='subs-sheet__secondary' onClick={onClose} data-testid='subs-close'>
          {t('subs.close')}
        </Button>
      </View>
      {subs.sheet}
    </View>
  )
}
