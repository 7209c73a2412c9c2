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
  'state.error.title': 'Could not load',
  'state.retry': 'Retry',

  'home.title': 'Home',
  'home.todos': 'To-dos',
  'home.funds': 'Account funds',
  'home.transactions': 'Transactions',
  'home.settlements': 'Settlements',
  'home.charts': 'Charts',
  'home.todos.pendingAuth': 'Pending authorization',
  'home.todos.chargebacks': 'Chargebacks',
  'home.todos.disputes': 'Disputes',
  'home.todos.fraud': 'Fraud',
  'home.todos.retrievals': 'Retrievals',

  'funds.title': 'Account funds',
  'transactions.title': 'Transactions',
  'settlements.title': 'Settlements',
  'charts.title': 'Charts',

  'messages.title': 'Messages',
  'messages.type.all': 'All',
  'messages.type.announcement': 'Announcements',
  'messages.type.chargeback': 'Chargebacks',
  'messages.type.fraud': 'Fraud',
  'messages.type.retrieval': 'Retrievals',
  'messages.onlyUnread': 'Unread only',

  'me.title': 'Me',
  'me.contact': 'Customer service',
  'me.servicePhone': 'Service phone',
  'me.serviceEmail': 'Service email',
  'me.editOnPc': 'To change or bind account information, log in to ODPM on a PC',
  'me.language': 'Language',
  'me.copied': 'Copied',

  'login.title': 'Log in',
  'login.oneTap': 'Log in with my phone number',
  'login.hint':
    'Use the phone number your administrator bound in ODPM. If WeChat has another number, tap "Manage numbers" to bind it.',
}

export default enUS
