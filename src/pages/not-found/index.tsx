import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { usePageTitle } from '@/hooks/use-page-title'
import { useT } from '@/hooks/use-t'
import { ROUTES } from '@/routes'
import './index.scss'

/** Where an unknown link lands (app.ts's page-not-found handler) instead of a blank page: what happened, and home. */
export default function NotFoundPage() {
  const t = useT()
  usePageTitle('notFound.title')
  // reLaunch, not switchTab: a link opened cold has nothing beneath this page, and home checks the session itself.
  const goHome = () => void Taro.reLaunch({ url: ROUTES.home })
  return (
    <View className='page not-found' data-testid='not-found'>
      <Text className='not-found__title fits-whole'>{t('notFound.title')}</Text>
      <Text className='not-found__hint'>{t('notFound.hint')}</Text>
      <Button className='not-found__home' onClick={goHome} data-testid='not-found-home'>
        {t('notFound.home')}
      </Button>
    </View>
  )
}
