import { commonEnUS } from './features/common'
import { authEnUS } from './features/auth'
import { homeEnUS } from './features/home'
import { fundsEnUS } from './features/funds'
import { transactionsEnUS } from './features/transactions'
import { settlementsEnUS } from './features/settlements'
import { chartsEnUS } from './features/charts'
import { messagesEnUS } from './features/messages'
import { meEnUS } from './features/me'
import { referenceEnUS } from './features/reference'
import { subscriptionsEnUS } from './features/subscriptions'
import { deadlinesEnUS } from './features/deadlines'
import type { MessageKey } from './zh-CN'

/** English (US). The type makes a missing or extra key a compile error. */
const enUS: Record<MessageKey, string> = {
  'app.name': 'Oceanpayment Merchant Assistant',
  'app.slogan': 'Making global payments simpler',

  'tab.home': 'Home',
  'tab.messages': 'Messages',
  'tab.me': 'Me',

  'state.loading': 'Loading…',
  'state.empty.title': 'No results',
  'state.empty.hint': 'No matching data was found. Try other filters and search again.',
  'state.empty.clearFilters': 'Clear filters',
  'state.empty.pullToRefresh': 'Pull down to refresh',
  'state.error.title': 'Could not load',
  'state.retry': 'Retry',

  'transactions.title': 'Transactions',
  'settlements.title': 'Settlements',
  'charts.title': 'Charts',

  ...commonEnUS,
  ...authEnUS,
  ...homeEnUS,
  ...fundsEnUS,
  ...transactionsEnUS,
  ...settlementsEnUS,
  ...chartsEnUS,
  ...messagesEnUS,
  ...meEnUS,
  ...referenceEnUS,
  ...subscriptionsEnUS,
  ...deadlinesEnUS,
}

export default enUS
