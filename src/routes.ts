/** URLs of the pages, for navigation. Must match app.config.ts (a unit test checks it). */
export const ROUTES = {
  home: '/pages/home/index',
  messages: '/pages/messages/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  messageDetail: '/pages/message-detail/index',
  funds: '/packages/finance/funds/index',
  transactions: '/packages/finance/transactions/index',
  transactionDetail: '/packages/finance/transaction-detail/index',
  settlements: '/packages/finance/settlements/index',
  settlementDetail: '/packages/finance/settlement-detail/index',
  charts: '/packages/charts/index/index',
} as const

export type RouteName = keyof typeof ROUTES
