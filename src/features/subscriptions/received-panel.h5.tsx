/**
 * H5 only: what the emulator's "phone" (this browser's WeChat user) received as subscribe messages, newest first,
 * each opening the page it names — so a person trying the demo sees the push.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { sandboxDevice } from '@/api/sandbox-device'
import { useRemote } from '@/hooks/use-remote'
import { useT } from '@/hooks/use-t'
import { subscriptionsApi } from './api'

export function ReceivedPanel() {
  const t = useT()
  const received = useRemote(() => subscriptionsApi.sandboxReceived(sandboxDevice()), [])
  const messages = received.data?.messages ?? []
  return (
    <View className='subs-received' data-testid='sandbox-received'>
      <View className='subs-sheet__header'>
        <Text className='subs-sheet__badge'>SANDBOX</Text>
        <Text className='subs-received__title' onClick={() => void received.reload()}>
          {t('subs.sandbox.received')} ⟳
        </Text>
      </View>
      {messages.length === 0 ? <Text className='subs-row__meta'>{t('subs.sandbox.none')}</Text> : null}
      {messages.slice(0, 5).map((message) => (
        <View
          key={`${message.receivedAt}-${message.page ?? ''}`}
          className='subs-received__item'
          data-testid='sandbox-received-item'
          onClick={() => {
            if (message.page !== null) void Taro.navigateTo({ url: `/${message.page}` })
          }}
        >
          {Object.entries(message.data).map(([key, field]) => (
            <Text key={key} className='subs-received__field'>
              {field.value}
            </Text>
          ))}
          {message.page === null ? null : <Text className='subs-received__open'>{t('subs.sandbox.open')} ›</Text>}
        </View>
      ))}
    </View>
  )
}
