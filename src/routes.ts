/** URLs of the pages, for navigation. Must match app.config.ts (a unit test checks it). */
export const ROUTES = {
  home: '/pages/home/index',
  messages: '/pages/messages/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  funds: '/packages/finance/funds/index',
  transactions: '/packages/finance/transactions/index',
  settlements: '/packages/finance/settlements/index',
  charts: '/packages/charts/index/index',
} as const

export type RouteName = keyof typeof ROUTES
