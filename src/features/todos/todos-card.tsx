import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { TodoQuery, TodosResponse } from '@contract/todos'
import { MoneyText } from '@/components/money-text'
import { PageState } from '@/components/page-state'
import { useT } from '@/hooks/use-t'
import { formatBeijing } from '@/utils/dates'
import { TODO_LABEL, todoListUrl } from './todo-links'
import { useTodos } from './use-todos'
import './todos-card.scss'

/** 待办事项: today's successes and the five pending counts, each opening its filtered transactions list. */
export function TodosCard() {
  const t = useT()
  const todos = useTodos()
  return (
    <View className='card todos'>
      <View className='todos__head'>
        <Text className='card__title todos__title'>{t('home.todos')}</Text>
        <Text className='todos__badge'>{t('home.todos.realtime')}</Text>
      </View>
      <PageState status={todos.status} error={todos.error} onRetry={() => void todos.reload()}>
        {todos.data !== undefined ? <TodosBody todos={todos.data} /> : null}
      </PageState>
    </View>
  )
}

function open(query: TodoQuery) {
  return () => void Taro.navigateTo({ url: todoListUrl(query) })
}

function TodosBody({ todos }: { todos: TodosResponse }) {
  const t = useT()
  return (
    <View>
      <View className='todos__today' data-testid='todo-today' onClick={open(todos.today.query)}>
        <View className='todos__today-head'>
          <Text className='todos__today-label'>{t('home.todos.today')}</Text>
          <Text className='todos__today-count'>{t('home.todos.todayCount', { count: todos.today.successCount })}</Text>
        </View>
        <View className='todos__amounts'>
          {todos.today.amounts.length === 0 ? (
            <Text className='todos__muted'>{t('home.todos.noAmount')}</Text>
          ) : (
            todos.today.amounts.map((money) => <MoneyText key={money.currency} money={money} className='todos__amount' />)
          )}
        </View>
      </View>
      <Text className='todos__section'>{t('home.todos.pending')}</Text>
      {todos.items.map((item) => (
        <View key={item.kind} className='row todos__row' data-testid={`todo-${item.kind}`} onClick={open(item.query)}>
          <Text className='row__label'>{t(TODO_LABEL[item.kind])}</Text>
          <View className='todos__value'>
            <Text className={`todos__count ${item.count > 0 ? 'todos__count--due' : ''}`}>
              {t('home.todos.count', { count: item.count })}
            </Text>
            <Text className='todos__chevron'>›</Text>
          </View>
        </View>
      ))}
      <Text className='todos__as-of'>{t('home.todos.asOf', { time: formatBeijing(todos.asOf) })}</Text>
    </View>
  )
}
