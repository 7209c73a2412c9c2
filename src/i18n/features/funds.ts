/** Strings of the funds feature, both languages; the en-US type makes a missing or extra key a compile error. */
const zh = {
  'funds.title': '账户资金',
  'funds.currency': '币种',
  'funds.settlementMethod': '结算方式',
  'funds.method.weekly-t7': '周结（T+7）',
  'funds.period': '时间周期',
  'funds.settleable': '可结算金额',
  'funds.unsettled': '累计未结算金额',
  'funds.transferred': '累计划款金额',
  'funds.transaction': '交易款',
  'funds.afterFees': '扣费后参考金额',
  'funds.afterFeesAndDeposit': '扣费/押金后参考金额',
  'funds.deposit': '保证金',
  'funds.total': '总计',
  'funds.asOf': '数据更新于 {time}',
  'funds.delayNote': '资金数据有最长 30 分钟的延迟',
} as const

export const fundsZhCN = zh
export const fundsEnUS: Record<keyof typeof zh, string> = {
  'funds.title': 'Account funds',
  'funds.currency': 'Currency',
  'funds.settlementMethod': 'Settlement method',
  'funds.method.weekly-t7': 'Weekly (T+7)',
  'funds.period': 'Time period',
  'funds.settleable': 'Settleable amount',
  'funds.unsettled': 'Cumulative unsettled',
  'funds.transferred': 'Cumulative transferred',
  'funds.transaction': 'Transaction funds',
  'funds.afterFees': 'Reference after fees',
  'funds.afterFeesAndDeposit': 'Reference after fees/deposit',
  'funds.deposit': 'Deposit',
  'funds.total': 'Total',
  'funds.asOf': 'Updated {time}',
  'funds.delayNote': 'Fund figures may be up to 30 minutes old',
}
