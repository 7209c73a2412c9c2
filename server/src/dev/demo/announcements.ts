/** 系统公告: Oceanpayment's announcements to every merchant (account null), spread over the demo year. */
import type { DemoMessage } from './model'
import { DAY_MS, HOUR_MS, startOfBeijingDay } from '@contract/beijing-time'

const ANNOUNCEMENTS: readonly { daysAgo: number; key: string; title: string; body: string }[] = [
  { daysAgo: 350, key: 'spring-festival-settlement', title: '春节期间划款安排', body: '春节假期期间暂停划款，节后首个工作日恢复，期间交易正常处理。' },
  { daysAgo: 300, key: 'visa-compelling-evidence-3', title: 'Visa 拒付新规 CE 3.0 生效', body: 'Visa Compelling Evidence 3.0 已生效，针对 10.4 欺诈类拒付可提交历史无争议交易作为抗辩材料。' },
  { daysAgo: 250, key: 'odpm-maintenance-q2', title: 'ODPM 系统维护通知', body: 'ODPM 将于本周六 02:00–04:00（北京时间）进行系统维护，期间交易明细与划款查询暂不可用。' },
  { daysAgo: 200, key: 'mastercard-fee-update', title: 'MasterCard 跨境手续费调整', body: 'MasterCard 将调整部分地区跨境交易手续费，详情请登录 ODPM 查看费率说明。' },
  { daysAgo: 150, key: 'tracking-upload-reminder', title: '请及时上传物流单号', body: '未上传物流单号的订单更易产生拒付，请在发货后 5 个工作日内上传物流单号。' },
  { daysAgo: 110, key: 'mini-program-launch', title: 'Oceanpayment 商户助手上线', body: '微信搜索「Oceanpayment 商户助手」即可随时查看待办事项、账户资金、交易明细与可视化图表。' },
  { daysAgo: 75, key: 'national-day-settlement', title: '国庆期间划款安排', body: '国庆假期期间划款顺延至节后首个工作日，请合理安排资金。' },
  { daysAgo: 40, key: 'peak-season-risk', title: '旺季风险提示', body: '黑色星期五及圣诞季欺诈交易增多，建议开启 3-D Secure 并关注伪冒通知。' },
  { daysAgo: 12, key: 'pre-auth-expiry', title: '预授权订单到期提醒', body: '预授权订单需在授权后 30 天内完成确认或撤销，逾期将自动释放。' },
  { daysAgo: 1, key: 'odpm-new-reports', title: 'ODPM 新增拒付分析报表', body: 'ODPM 新增按卡种区分的拒付、伪冒与退款分析报表，小程序「可视化图表」同步上线。' },
]

export function announcements(now: number): DemoMessage[] {
  return ANNOUNCEMENTS.map(({ daysAgo, key, title, body }) => ({
    account: null,
    kind: 'announcement' as const,
    title,
    body,
    paymentId: null,
    orderNumber: null,
    // 10:00 Beijing time on that day, never after now.
    createdAt: Math.min(now, startOfBeijingDay(now) - daysAgo * DAY_MS + 10 * HOUR_MS),
    sourceKey: `demo:announcement:${key}`,
  }))
}
