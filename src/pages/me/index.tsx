import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CUSTOMER_SERVICE, dialNumber } from '@/features/me/customer-service'
import { LanguageSwitch } from '@/features/me/language-switch'
import { usePageTitle } from '@/i18n/use-page-title'
import { useT } from '@/i18n/use-t'

/** Me tab: customer service (tap to call, tap to copy), the ODPM note and the language switch. */
export default function MePage() {
  const t = useT()
  usePageTitle('me.title')
  const call = () => void Taro.makePhoneCall({ phoneNumber: dialNumber(CUSTOMER_SERVICE.phone) })
  const copyEmail = () =>
    void Taro.setClipboardData({ data: CUSTOMER_SERVICE.email }).then(() =>
      Taro.showToast({ title: t('me.copied'), icon: 'success' }),
    )
  return (
    <View className='page me'>
      <View className='card'>
        <Text className='note'>{t('me.editOnPc')}</Text>
      </View>
      <View className='card'>
        <View className='card__title'>{t('me.contact')}</View>
        <View className='row' data-testid='service-phone' onClick={call}>
          <Text className='row__label'>{t('me.servicePhone')}</Text>
          <Text className='row__value link'>{CUSTOMER_SERVICE.phone}</Text>
        </View>
        <View className='row' data-testid='service-email' onClick={copyEmail}>
          <Text className='row__label'>{t('me.serviceEmail')}</Text>
          <Text className='row__value link'>{CUSTOMER_SERVICE.email}</Text>
        </View>
      </View>
      <View className='card'>
        <View className='row'>
          <Text className='row__label'>{t('me.language')}</Text>
          <LanguageSwitch />
        </View>
      </View>
    </View>
  )
}
