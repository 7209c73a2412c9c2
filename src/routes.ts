/** URLs of the pages, for navigation. Must match app.config.ts (a unit test checks it). */
export const ROUTES = {
  home: '/pages/home/index',
  messages: '/pages/messages/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  messageDetail: '/pages/message-detail/index',
  notFound: '/pages/not-found/index',
  funds: '/subpackages/finance/funds/index',
  transactions: '/subpackages/finance/transactions/index',
  transactionDetail: '/subpackages/finance/transaction-detail/index',
  settlements: '/subpackages/finance/settlements/index',
  settlementDetail: '/subpackages/finance/settlement-detail/index',
  charts: '/subpackages/charts/index/index',
  tools: '/subpackages/tools/index/index',
} as const

export type RouteName = keyof typeof ROUTES
