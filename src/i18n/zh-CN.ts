/** Simplified Chinese — the default language. en-US must define exactly the same keys (checked by the compiler). */
const zhCN = {
  'app.name': 'Oceanpayment 商户助手',
  'app.slogan': '让全球支付更简单',

  'tab.home': '首页',
  'tab.messages': '消息',
  'tab.me': '我的',

  'state.loading': '加载中…',
  'state.empty.title': '查询结果为空',
  'state.empty.hint': '无法查询到相关数据,您可以尝试更换筛选条件再次查询',
  'state.error.title': '加载失败',
  'state.retry': '重试',

  'home.title': '首页',
  'home.todos': '待办事项',
  'home.funds': '账户资金明细',
  'home.transactions': '交易明细',
  'home.settlements': '交易划款',
  'home.charts': '可视化图表',
  'home.todos.pendingAuth': '待授权',
  'home.todos.chargebacks': '拒付',
  'home.todos.disputes': '争议',
  'home.todos.fraud': '伪冒',
  'home.todos.retrievals': '调单',

  'funds.title': '账户资金',
  'transactions.title': '交易明细',
  'settlements.title': '交易划款',
  'charts.title': '可视化图表',

  'messages.title': '消息',
  'messages.type.all': '全部',
  'messages.type.announcement': '系统公告',
  'messages.type.chargeback': '拒付通知',
  'messages.type.fraud': '伪冒通知',
  'messages.type.retrieval': '调单通知',
  'messages.onlyUnread': '仅显示未读',

  'me.title': '我的',
  'me.contact': '联系客服',
  'me.servicePhone': '客服电话',
  'me.serviceEmail': '客服邮箱',
  'me.editOnPc': '如需修改/绑定信息,请登录 PC 端 ODPM 数字化平台',
  'me.language': '语言',
  'me.copied': '已复制',

  'login.title': '登录',
  'login.oneTap': '手机号一键登录',
  'login.hint': '请使用管理员在 ODPM 绑定的手机号登录;微信未绑定该手机号时,可点击「管理号码」绑定',
} as const

export type MessageKey = keyof typeof zhCN
export default zhCN
