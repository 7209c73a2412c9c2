import { describe, expect, it } from 'vitest'
import { messageSummary, messageTitle, reasonText } from '@/features/messages/wording'
import { visibleMessages } from '@/features/messages/kinds'
import { translate, type Locale, type MessageKey } from '@/i18n/translate'
import type { MessageItem } from '@contract/messages'

const tIn = (locale: Locale) => (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params)

/** A webhook-made chargeback as the server sends it: facts, no text. */
const NOTICE: MessageItem = {
  id: '1',
  kind: 'chargeback',
  title: null,
  paymentId: '2611081401050017981',
  orderNumber: 'MK20261108101010001',
  amount: { currency: 'SEK', amount: '1111.22' },
  reasonCode: '4837',
  reason: 'No cardholder authorization',
  deadlineAt: '2026-11-18T10:00:00+08:00',
  createdAt: '2026-11-08T10:00:00+08:00',
  refundOutcome: null,
  reminder: null,
  summary: null,
  read: false,
}

describe('message wording', () => {
  it('says what happened to which order, in each language, without repeating the kind', () => {
    expect(messageTitle(NOTICE, tIn('zh-CN'), 'zh-CN')).toBe('订单 MK20261108101010001 被拒付')
    expect(messageTitle(NOTICE, tIn('en-US'), 'en-US')).toBe('Chargeback on order MK20261108101010001')
    expect(messageTitle({ ...NOTICE, kind: 'retrieval' }, tIn('en-US'), 'en-US')).toBe('Retrieval request on order MK20261108101010001')
    // A notice without an order number still names the payment.
    expect(messageTitle({ ...NOTICE, orderNumber: null }, tIn('zh-CN'), 'zh-CN')).toBe('订单 2611081401050017981 被拒付')
  })

  it('words a refund result: succeeded or failed, with the order and the amount, in each language', () => {
    const refund: MessageItem = { ...NOTICE, kind: 'refund', deadlineAt: null, reasonCode: null, reason: null, refundOutcome: 'succeeded' }
    expect(messageTitle(refund, tIn('zh-CN'), 'zh-CN')).toBe('订单 MK20261108101010001 退款成功')
    expect(messageTitle(refund, tIn('en-US'), 'en-US')).toBe('Refund succeeded on order MK20261108101010001')
    const failed: MessageItem = { ...refund, refundOutcome: 'failed', reasonCode: '41', reason: 'The refund amount exceeds the refundable amount' }
    expect(messageTitle(failed, tIn('zh-CN'), 'zh-CN')).toBe('订单 MK20261108101010001 退款失败')
    expect(messageTitle(failed, tIn('en-US'), 'en-US')).toBe('Refund failed on order MK20261108101010001')
    expect(messageSummary(refund, tIn('zh-CN'))).toBe('SEK 1,111.22')
    expect(messageSummary(failed, tIn('en-US'))).toBe('SEK 1,111.22  ·  41 The refund amount exceeds the refundable amount')
    // No outcome given: the title claims neither.
    expect(messageTitle({ ...refund, refundOutcome: null }, tIn('zh-CN'), 'zh-CN')).toBe('订单 MK20261108101010001 的退款结果')
  })

  it('gives how much (grouped, as all money), by when and why; skips what the notice did not give', () => {
    expect(messageSummary(NOTICE, tIn('zh-CN'))).toBe('SEK 1,111.22  ·  2026-11-18 前处理  ·  4837 No cardholder authorization')
    expect(messageSummary(NOTICE, tIn('en-US'))).toBe('SEK 1,111.22  ·  answer by 2026-11-18  ·  4837 No cardholder authorization')
    expect(messageSummary({ ...NOTICE, amount: null, deadlineAt: null, reasonCode: null }, tIn('zh-CN'))).toBe('No cardholder authorization')
    expect(reasonText({ reasonCode: null, reason: null })).toBeNull()
  })

  it('shows an announcement in the reader\'s language, with no second line', () => {
    const announcement: MessageItem = {
      ...NOTICE,
      kind: 'announcement',
      title: { 'zh-CN': '国庆期间划款安排', 'en-US': 'Settlements over National Day' },
      amount: null,
      reasonCode: null,
      reason: null,
      deadlineAt: null,
    }
    expect(messageTitle(announcement, tIn('en-US'), 'en-US')).toBe('Settlements over National Day')
    expect(messageTitle(announcement, tIn('zh-CN'), 'zh-CN')).toBe('国庆期间划款安排')
    expect(messageSummary(announcement, tIn('en-US'))).toBe('')
  })

  it('under unread only, drops what was opened since the list loaded; otherwise keeps it', () => {
    const items = [NOTICE, { ...NOTICE, id: '2' }]
    expect(visibleMessages(items, true, { '1': true }).map((m) => m.id)).toEqual(['2'])
    expect(visibleMessages(items, false, { '1': true }).map((m) => m.id)).toEqual(['1', '2'])
  })
})
