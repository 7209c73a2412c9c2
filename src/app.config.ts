/**
 * The one route table of the mini-program: main-package pages (the three tabs and login), the subpackages, and
 * which subpackages to preload from which tab. Subpackages never import each other (WeChat forbids it).
 */
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/messages/index', 'pages/me/index', 'pages/login/index', 'pages/message-detail/index', 'pages/not-found/index'],
  subPackages: [
    {
      // Funds, transactions and settlements: the merchant's money, one subpackage because they share filters.
      root: 'subpackages/finance',
      pages: ['funds/index', 'transactions/index', 'transaction-detail/index', 'settlements/index', 'settlement-detail/index'],
    },
    {
      // ECharts lives only here, so its weight never reaches the main package.
      root: 'subpackages/charts',
      pages: ['index/index'],
    },
    {
      // 工具 (order lookup, card BIN, site health check): staff tools and their words, opened from 我的.
      root: 'subpackages/tools',
      pages: ['index/index'],
    },
  ],
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['subpackages/finance'] },
  },
  tabBar: {
    color: '#8a94a6',
    selectedColor: '#0b5cff',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab-bar/home.png',
        selectedIconPath: 'assets/tab-bar/home-active.png',
      },
      {
        pagePath: 'pages/messages/index',
        text: '消息',
        iconPath: 'assets/tab-bar/messages.png',
        selectedIconPath: 'assets/tab-bar/messages-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab-bar/me.png',
        selectedIconPath: 'assets/tab-bar/me-active.png',
      },
    ],
  },
  window: {
    // Explicit so the H5 build draws its navigation bar too (weapp shows one by default).
    navigationStyle: 'default',
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#0b5cff',
    navigationBarTitleText: 'Oceanpayment 商户助手',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6fa',
  },
})
