/**
 * 系统公告: Oceanpayment's announcements to every merchant (account null), spread over the demo year. Written by
 * people, so each carries its text in both languages (messages.title/body zh-CN, title_en/body_en en-US, 0011).
 */
import type { DemoMessage } from './model'
import { DAY_MS, HOUR_MS, startOfBeijingDay } from '@contract/beijing-time'

interface Announcement {
  daysAgo: number
  key: string
  zh: { title: string; body: string }
  en: { title: string; body: string }
}

const ANNOUNCEMENTS: readonly Announcement[] = [
  {
    daysAgo: 350,
    key: 'spring-festival-settlement',
    zh: { title: '春节期间划款安排', body: '春节假期期间暂停划款，节后首个工作日恢复，期间交易正常处理。' },
    en: {
      title: 'Settlements over the Spring Festival',
      body: 'Settlements pause over the Spring Festival holiday and resume on the first working day after it. Payments are processed as usual.',
    },
  },
  {
    daysAgo: 300,
    key: 'visa-compelling-evidence-3',
    zh: { title: 'Visa 拒付新规 CE 3.0 生效', body: 'Visa Compelling Evidence 3.0 已生效，针对 10.4 欺诈类拒付可提交历史无争议交易作为抗辩材料。' },
    en: {
      title: 'Visa Compelling Evidence 3.0 in force',
      body: 'Visa Compelling Evidence 3.0 is in force: against 10.4 fraud chargebacks you may submit earlier undisputed transactions as evidence.',
    },
  },
  {
    daysAgo: 250,
    key: 'odpm-maintenance-q2',
    zh: { title: 'ODPM 系统维护通知', body: 'ODPM 将于本周六 02:00–04:00（北京时间）进行系统维护，期间交易明细与划款查询暂不可用。' },
    en: {
      title: 'ODPM maintenance',
      body: 'ODPM is under maintenance this Saturday 02:00–04:00 (Beijing time); transaction and settlement queries are unavailable meanwhile.',
    },
  },
  {
    daysAgo: 200,
    key: 'mastercard-fee-update',
    zh: { title: 'MasterCard 跨境手续费调整', body: 'MasterCard 将调整部分地区跨境交易手续费，详情请登录 ODPM 查看费率说明。' },
    en: {
      title: 'MasterCard cross-border fees change',
      body: 'MasterCard is changing cross-border fees in some regions. Log in to ODPM for the fee schedule.',
    },
  },
  {
    daysAgo: 150,
    key: 'tracking-upload-reminder',
    zh: { title: '请及时上传物流单号', body: '未上传物流单号的订单更易产生拒付，请在发货后 5 个工作日内上传物流单号。' },
    en: {
      title: 'Please upload tracking numbers',
      body: 'Orders without a tracking number are more likely to be charged back. Upload it within 5 working days of shipping.',
    },
  },
  {
    daysAgo: 110,
    key: 'mini-program-launch',
    zh: { title: 'Oceanpayment 商户助手上线', body: '微信搜索「Oceanpayment 商户助手」即可随时查看待办事项、账户资金、交易明细与可视化图表。' },
    en: {
      title: 'Oceanpayment Merchant Assistant launched',
      body: 'Search WeChat for "Oceanpayment 商户助手" to see your to-dos, funds, transactions and charts at any time.',
    },
  },
  {
    daysAgo: 75,
    key: 'national-day-settlement',
    zh: { title: '国庆期间划款安排', body: '国庆假期期间划款顺延至节后首个工作日，请合理安排资金。' },
    en: {
      title: 'Settlements over National Day',
      body: 'Settlements due over the National Day holiday move to the first working day after it. Please plan your funds.',
    },
  },
  {
    daysAgo: 40,
    key: 'peak-season-risk',
    zh: { title: '旺季风险提示', body: '黑色星期五及圣诞季欺诈交易增多，建议开启 3-D Secure 并关注伪冒通知。' },
    en: {
      title: 'Peak-season risk',
      body: 'Fraud rises around Black Friday and Christmas. Turn on 3-D Secure and watch for fraud notices.',
    },
  },
  {
    daysAgo: 12,
    key: 'pre-auth-expiry',
    zh: { title: '预授权订单到期提醒', body: '预授权订单需在授权后 30 天内完成确认或撤销，逾期将自动释放。' },
    en: {
      title: 'Pre-authorizations expire',
      body: 'Capture or void a pre-authorization within 30 days; after that it is released automatically.',
    },
  },
  {
    daysAgo: 1,
    key: 'odpm-new-reports',
    zh: { title: 'ODPM 新增拒付分析报表', body: 'ODPM 新增按卡种区分的拒付、伪冒与退款分析报表，小程序「可视化图表」同步上线。' },
    en: {
      title: 'New chargeback reports in ODPM',
      body: 'ODPM adds chargeback, fraud and refund reports by card brand; the mini-program\'s Charts show them too.',
    },
  },
]

export function announcements(now: number): DemoMessage[] {
  return ANNOUNCEMENTS.map(({ daysAgo, key, zh, en }) => ({
    account: null,
    kind: 'announcement' as const,
    title: zh.title,
    body: zh.body,
    titleEn: en.title,
    bodyEn: en.body,
    paymentId: null,
    orderNumber: null,
    currency: null,
    amountMinor: null,
    reasonCode: null,
    reason: null,
    deadlineAt: null,
    // 10:00 Beijing time on that day, never after now.
    createdAt: Math.min(now, startOfBeijingDay(now) - daysAgo * DAY_MS + 10 * HOUR_MS),
    sourceKey: `demo:announcement:${key}`,
  }))
}
