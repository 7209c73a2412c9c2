import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { EntryGrid, type Entry } from '@/components/entry-grid'
import { TodosCard } from '@/features/todos/todos-card'
import { SubscribePrompt } from '@/features/subscriptions/subscribe-prompt'
import { NOTICE_TOPICS } from '@/features/subscriptions/topics'
import { useUnreadBadge } from '@/features/messages/unread-badge'
import { usePageTitle } from '@/hooks/use-page-title'
import { useT } from '@/hooks/use-t'
import { ROUTES } from '@/routes'
import chartsIcon from '@/assets/entries/charts.svg'
import fundsIcon from '@/assets/entries/funds.svg'
import settlementsIcon from '@/assets/entries/settlements.svg'
import transactionsIcon from '@/assets/entries/transactions.svg'
import { useSession } from '@/stores/session'
import './index.scss'

/** Home tab: the merchant's header, the entries to funds, transactions, settlements, charts, and the to-dos card. */
export default function HomePage() {
  const t = useT()
  usePageTitle('home.title')
  useUnreadBadge()
  const profile = useSession((state) => state.profile)
  const open = (url: string) => () => void Taro.navigateTo({ url })
  const entries: Entry[] = [
    { id: 'funds', label: t('home.funds'), icon: fundsIcon, onTap: open(ROUTES.funds) },
    { id: 'transactions', label: t('home.transactions'), icon: transactionsIcon, onTap: open(ROUTES.transactions) },
    { id: 'settlements', label: t('home.settlements'), icon: settlementsIcon, onTap: open(ROUTES.settlements) },
    { id: 'charts', label: t('home.charts'), icon: chartsIcon, onTap: open(ROUTES.charts) },
  ]
  return (
    <View className='page home'>
      <View className='home__hero'>
        <Text className='home__brand'>{t('app.name')}</Text>
        <Text className='home__merchant fits-whole' data-testid='home-merchant'>
          {profile?.merchantName ?? t('home.welcome')}
        </Text>
        {profile ? <Text className='home__meta'>{t('home.merchantNo', { no: profile.merchantAccount })}</Text> : null}
      </View>
      {/* The entries first: they are what every visit needs, and the to-dos card grows with its counts. */}
      <View className='card home__entries'>
        <View className='card__title'>{t('home.sections')}</View>
        <EntryGrid entries={entries} />
      </View>
      {/* After login: offered once per launch for the notices that have no grant left. */}
      <SubscribePrompt topics={NOTICE_TOPICS} oncePerLaunch='after-login' />
      <TodosCard />
    </View>
  )
}
