import { commonZhCN } from './features/common'
import { authZhCN } from './features/auth'
import { homeZhCN } from './features/home'
import { fundsZhCN } from './features/funds'
import { transactionsZhCN } from './features/transactions'
import { settlementsZhCN } from './features/settlements'
import { chartsZhCN } from './features/charts'
import { messagesZhCN } from './features/messages'
import { meZhCN } from './features/me'
import { referenceZhCN } from './features/reference'
import { subscriptionsZhCN } from './features/subscriptions'
import { deadlinesZhCN } from './features/deadlines'

/** Simplified Chinese — the default language. en-US must define exactly the same keys (checked by the compiler). */
const zhCN = {
  'app.name': 'Oceanpayment 商户助手',
  'app.slogan': '让全球支付更简单',

  'tab.home': '首页',
  'tab.messages': '消息',
  'tab.me': '我的',

  'state.loading': '加载中…',
  'state.empty.title': '查询结果为空',
  'state.empty.hint': '无法查询到相关数据，您可以尝试更换筛选条件再次查询',
  'state.empty.clearFilters': '清除筛选',
  'state.empty.pullToRefresh': '下拉可刷新',
  'state.error.title': '加载失败',
  'state.retry': '重试',

  'transactions.title': '交易明细',
  'settlements.title': '交易划款',
  'charts.title': '可视化图表',

  // Each feature keeps its strings in features/<name>.ts (both languages side by side).
  ...commonZhCN,
  ...authZhCN,
  ...homeZhCN,
  ...fundsZhCN,
  ...transactionsZhCN,
  ...settlementsZhCN,
  ...chartsZhCN,
  ...messagesZhCN,
  ...meZhCN,
  ...referenceZhCN,
  ...subscriptionsZhCN,
  ...deadlinesZhCN,
} as const

export type MessageKey = keyof typeof zhCN
export default zhCN
