import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { EntryGrid, type Entry } from '@/components/entry-grid'
import { usePageTitle } from '@/i18n/use-page-title'
import { useT } from '@/i18n/use-t'
import { ROUTES } from '@/routes'
import './index.scss'

/** Home tab: the brand header and the entries to funds, transactions, settlements and charts. */
export default function HomePage() {
  const t = useT()
  usePageTitle('home.title')
  const open = (url: string) => () => void Taro.navigateTo({ url })
  const entries: Entry[] = [
    { id: 'funds', label: t('home.funds'), glyph: '¥', onTap: open(ROUTES.funds) },
    { id: 'transactions', label: t('home.transactions'), glyph: '≡', onTap: open(ROUTES.transactions) },
    { id: 'settlements', label: t('home.settlements'), glyph: '⇄', onTap: open(ROUTES.settlements) },
    { id: 'charts', label: t('home.charts'), glyph: '▮', onTap: open(ROUTES.charts) },
  ]
  return (
    <View className='page home'>
      <View className='home__hero'>
        <Text className='home__brand'>{t('app.name')}</Text>
        <Text className='home__slogan'>{t('app.slogan')}</Text>
      </View>
      <View className='card'>
        <EntryGrid entries={entries} />
      </View>
    </View>
  )
}
