import { Button, Text, View } from '@tarojs/components'
import { usePageTitle } from '@/i18n/use-page-title'
import { useT } from '@/i18n/use-t'
import './index.scss'

/** Login: one tap with the phone number bound to the user's WeChat. */
export default function LoginPage() {
  const t = useT()
  usePageTitle('login.title')
  return (
    <View className='page login'>
      <View className='login__brand'>
        <Text className='login__name'>{t('app.name')}</Text>
        <Text className='login__slogan'>{t('app.slogan')}</Text>
      </View>
      <Button className='login__button' openType='getPhoneNumber' data-testid='login-one-tap'>
        {t('login.oneTap')}
      </Button>
      <Text className='login__hint'>{t('login.hint')}</Text>
    </View>
  )
}
