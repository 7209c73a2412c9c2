import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MeResponse } from '@contract/me'
import { PageState } from '@/components/page-state'
import type { Remote } from '@/hooks/use-remote'
import { useT } from '@/hooks/use-t'
import { CUSTOMER_SERVICE, dialNumber } from './customer-service'
import { WecomCard } from './wecom-card'

const call = (phone: string) => () => void Taro.makePhoneCall({ phoneNumber: dialNumber(phone) })

/** 联系客服: Oceanpayment's service phone and email, and the merchant's own account manager with the WeCom card. */
export function ContactCard({ me }: { me: Remote<MeResponse> }) {
  const t = useT()
  const copy = (text: string) => () =>
    void Taro.setClipboardData({ data: text }).then(() => Taro.showToast({ title: t('me.copied'), icon: 'success' }))
  const manager = me.data?.accountManager
  return (
    <View className='card'>
      <View className='card__title'>{t('me.contact')}</View>
      <View className='row' data-testid='service-phone' onClick={call(CUSTOMER_SERVICE.phone)}>
        <Text className='row__label'>{t('me.servicePhone')}</Text>
        <Text className='row__value link'>{CUSTOMER_SERVICE.phone}</Text>
      </View>
      <View className='row' data-testid='service-email' onClick={copy(CUSTOMER_SERVICE.email)}>
        <Text className='row__label'>{t('me.serviceEmail')}</Text>
        <Text className='row__value link fits-whole'>{CUSTOMER_SERVICE.email}</Text>
      </View>
      <PageState status={me.status} error={me.error} onRetry={() => void me.reload()}>
        {manager === null || manager === undefined ? (
          <View className='row'>
            <Text className='row__label'>{t('me.manager')}</Text>
            <Text className='row__value me__muted'>{t('me.noManager')}</Text>
          </View>
        ) : (
          <View>
            <View className='row'>
              <Text className='row__label'>{t('me.manager')}</Text>
              <Text className='row__value'>{manager.name}</Text>
            </View>
            <View className='row' data-testid='manager-phone' onClick={call(manager.phone)}>
              <Text className='row__label'>{t('me.managerPhone')}</Text>
              <Text className='row__value link'>{manager.phone}</Text>
            </View>
            {manager.email !== null && (
              <View className='row' data-testid='manager-email' onClick={copy(manager.email)}>
                <Text className='row__label'>{t('me.managerEmail')}</Text>
                <Text className='row__value link fits-whole'>{manager.email}</Text>
              </View>
            )}
            <WecomCard manager={manager} />
          </View>
        )}
      </PageState>
    </View>
  )
}
