/** The 消息提醒 row of Me and the settings it opens (handed to MeView by the page). */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useT } from '@/hooks/use-t'
import { SubscriptionSettings } from './subscription-settings'

export function SubscriptionsEntry() {
  const t = useT()
  const [open, setOpen] = useState(false)
  return (
    <>
      <View className='row' data-testid='me-subscriptions' onClick={() => setOpen(true)}>
        <Text className='row__label me__entry'>{t('subs.entry')}</Text>
        <Text className='me__chevron'>›</Text>
      </View>
      {open ? <SubscriptionSettings onClose={() => setOpen(false)} /> : null}
    </>
  )
}
