/**
 * WeChat's rules per template field type (server/src/push/field-rules.ts) and the formatters of each message kind
 * (push/templates.ts): what is shortened, what is refused, and that every formatter's output obeys the rules.
 */
import { describe, expect, it } from 'vitest'
import { fieldProblem, fieldTypeOf, fitThing } from '../../../server/src/push/field-rules'
import { FORMATTERS, TEMPLATE_KEYS, formatTemplateData, type PushableMessage } from '../../../server/src/push/templates'
import type { StoredSummary } from '../../../server/src/repositories/notifications'
import { SUBSCRIBE_MESSAGE_PAGE } from '../../../contract/subscriptions'
import { ROUTES } from '../../../src/routes'

const message = (overrides: Partial<PushableMessage> = {}): PushableMessage => ({
  id: '42',
  account: '150520',
  kind: 'chargeback',
  paymentId: '210000000042',
  orderNumber: 'ORD-42',
  currency: 'SEK',
  amountMinor: '111122',
  reasonCode: '4837',
  reason: 'No authorization',
  deadlineAt: null,
  createdAt: new Date(Date.UTC(2026, 11, 3, 2, 30)),
  refundOutcome: null,
  reminder: null,
  summary: null,
  ...overrides,
})

const summaryOf = (overrides: Partial<StoredSummary> = {}): StoredSummary => ({
  day: '2026-12-03',
  successCount: 12,
  successAmounts: [{ currency: 'USD', minor: '123450' }],
  newCases: 2,
  expiringAuthorizations: 0,
  deadlinesWithin72h: 1,
  ...overrides,
})

/** A message of `kind` with the facts its formatter reads (a reminder's which-and-what, a summary's figures). */
function ofKind(kind: PushableMessage['kind'], overrides: Partial<PushableMessage> = {}): PushableMessage {
  return message({
    kind,
    ...(kind === 'refund' ? { refundOutcome: 'succeeded' } : {}),
    ...(kind === 'reminder' ? { reminder: { hours: 72, caseKind: 'retrieval' }, deadlineAt: new Date(Date.UTC(2026, 11, 5, 10)) } : {}),
    ...(kind === 'summary' ? { summary: summaryOf(), paymentId: null, orderNumber: null, currency: null, amountMinor: null, reason: null, reasonCode: null } : {}),
    ...overrides,
  })
}

describe('template field rules', () => {
  it('reads the type from the key', () => {
    expect(fieldTypeOf('thing3')).toBe('thing')
    expect(fieldTypeOf('character_string12')).toBe('character_string')
    expect(fieldTypeOf('phrase1')).toBe('phrase')
    expect(fieldTypeOf('thing')).toBeUndefined()
    expect(fieldTypeOf('color1')).toBeUndefined()
  })

  it.each([
    ['thing', '二十个字以内的事物描述', true],
    ['thing', 'x'.repeat(20), true],
    ['thing', 'x'.repeat(21), false],
    ['thing', '', false],
    ['thing', 'two\nlines', false],
    ['number', '12345.67', true],
    ['number', '1'.repeat(33), false],
    ['number', '12a', false],
    ['character_string', 'ORD-2026/12#7', true],
    ['character_string', 'A'.repeat(33), false],
    ['character_string', 'has space', false],
    ['character_string', '订单', false],
    ['amount', '¥214.00', true],
    ['amount', '100元', true],
    ['amount', 'SEK 1,111.22', false],
    ['amount', '$12345678901', false],
    ['phrase', '退款成功', true],
    ['phrase', '配送中', true],
    ['phrase', '六个汉字太长', false],
    ['phrase', 'Done', false],
    ['time', '15:01', true],
    ['time', '2026-12-03 10:30', true],
    ['time', '2019年10月1日 15:01', true],
    ['time', '10:00~12:00', true],
    ['time', '25:00', false],
    ['time', 'tomorrow', false],
    ['date', '2026-12-03', true],
    ['date', '2019年10月1日', true],
    ['date', '2026/12/03 10:30', true],
    ['date', '03.12.2026x', false],
    ['letter', 'abc', true],
    ['letter', 'ab1', false],
    ['symbol', '#!', true],
    ['symbol', '######', false],
    ['phone_number', '+86-0766-66888866', true],
    ['phone_number', '1'.repeat(18), false],
    ['name', '张三', true],
    ['name', 'Ann Lee', true],
  ] as const)('%s %j → %s', (type, value, ok) => {
    expect(fieldProblem(type, value) === undefined).toBe(ok)
  })

  it('shortens a thing to 20 characters ending with "…", counting characters as WeChat does', () => {
    expect(fitThing('x'.repeat(20))).toBe('x'.repeat(20))
    expect(fitThing('x'.repeat(21))).toBe(`${'x'.repeat(19)}…`)
    expect([...fitThing('拒付原因：持卡人声称未授权此笔交易并要求退款处理')]).toHaveLength(20)
    expect(fitThing('line\none')).toBe('line one')
  })
})

describe('message formatters', () => {
  it('has a template with keys of known types for every topic it sends', () => {
    for (const formatter of Object.values(FORMATTERS)) {
      const keys = TEMPLATE_KEYS[formatter.topic] ?? []
      expect(keys.length).toBeGreaterThan(0)
      for (const key of keys) expect(fieldTypeOf(key), key).toBeDefined()
    }
  })

  it.each(Object.keys(FORMATTERS))('%s: every field obeys its rule, even with long or missing facts', (kind) => {
    const formatter = FORMATTERS[kind as keyof typeof FORMATTERS]
    if (formatter === undefined) throw new Error(kind)
    const of = (overrides: Partial<PushableMessage>) => ofKind(kind as PushableMessage['kind'], overrides)
    const many = ['AUD', 'CAD', 'EUR', 'GBP', 'HKD', 'JPY', 'KRW', 'SEK', 'USD', 'CNY', 'CHF', 'NZD']
    const variants = [
      of({}),
      of({ reason: 'A reason far longer than twenty characters, as card schemes write them', reasonCode: null }),
      of({ orderNumber: '订单-中文-号码', currency: null, amountMinor: null, reason: null, reasonCode: null }),
      of({ orderNumber: 'X'.repeat(64), deadlineAt: new Date(Date.UTC(2026, 11, 5, 10)), refundOutcome: 'failed' }),
      of({ currency: 'IDR', amountMinor: '999999999999999999' }),
      of({
        summary: summaryOf({
          successCount: 98_765_432,
          successAmounts: many.map((currency) => ({ currency, minor: '999999999999999' })),
          newCases: 12_345,
          expiringAuthorizations: 4_321,
          deadlinesWithin72h: 987,
        }),
      }),
      of({ summary: summaryOf({ successCount: 0, successAmounts: [], newCases: 0, deadlinesWithin72h: 0 }) }),
    ]
    for (const variant of variants) {
      const formatted = formatTemplateData(formatter.topic, formatter.values(variant))
      expect(formatted.ok, JSON.stringify(formatted)).toBe(true)
      if (!formatted.ok) continue
      for (const [key, { value }] of Object.entries(formatted.data)) {
        const type = fieldTypeOf(key)
        expect(type).toBeDefined()
        if (type !== undefined) expect(fieldProblem(type, value), `${key}=${value}`).toBeUndefined()
      }
      // Masked facts only: no card number, nothing of the customer.
      expect(JSON.stringify(formatted.data)).not.toMatch(/\d{13,19}/)
    }
  })

  it('puts the amount in a thing ("SEK 1,111.22"), never the amount type', () => {
    const formatter = FORMATTERS.chargeback
    if (formatter === undefined) throw new Error('chargeback formatter missing')
    const formatted = formatTemplateData('chargeback', formatter.values(message()))
    expect(formatted).toMatchObject({ ok: true, data: { thing2: { value: 'SEK 1,111.22' } } })
    expect(TEMPLATE_KEYS.chargeback?.some((key) => key.startsWith('amount'))).toBe(false)
  })

  it('refuses, rather than sends broken, a value that cannot be shortened', () => {
    expect(formatTemplateData('chargeback', { character_string1: 'has space', thing2: 'a', thing3: 'b', time4: '10:00', thing5: 'c' })).toEqual({
      ok: false,
      problem: 'data.character_string1.value is not at most 32 digits, letters or symbols',
    })
    expect(formatTemplateData('refund', { character_string1: 'A1', thing2: 'a', phrase3: 'Refunded', time4: '10:00', thing5: 'c' })).toMatchObject({ ok: false })
    expect(formatTemplateData('chargeback', { character_string1: 'A1', thing2: 'a', thing3: 'b', time4: 'soon', thing5: 'c' })).toMatchObject({ ok: false })
    expect(formatTemplateData('chargeback', { character_string1: 'A1' })).toMatchObject({ ok: false, problem: 'data.thing2 has no value' })
  })

  it('words the deadline reminder: the case kind and amount, the deadline, "less than N hours", the advice', () => {
    const values = (overrides: Partial<PushableMessage>) => {
      const formatter = FORMATTERS.reminder
      if (formatter === undefined) throw new Error('reminder formatter missing')
      expect(formatter.topic).toBe('deadline')
      return formatTemplateData('deadline', formatter.values(ofKind('reminder', overrides)))
    }
    expect(values({})).toEqual({
      ok: true,
      data: {
        character_string1: { value: 'ORD-42' },
        thing2: { value: '调单 SEK 1,111.22' },
        time3: { value: '2026-12-05 18:00' },
        thing4: { value: '不足72小时' },
        thing5: { value: '请在截止前提交调单材料' },
      },
    })
    expect(values({ reminder: { hours: 4, caseKind: 'chargeback' } })).toMatchObject({
      ok: true,
      data: { thing2: { value: '拒付 SEK 1,111.22' }, thing4: { value: '不足4小时' }, thing5: { value: '请在截止前回复拒付, 逾期将败诉' } },
    })
    // A reminder without its deadline cannot say when: refused, not sent with an empty time.
    expect(values({ deadlineAt: null })).toEqual({ ok: false, problem: 'data.time3.value is empty' })
  })

  it('words the morning summary: several currencies in one thing, never a cut amount', () => {
    const values = (summary: StoredSummary | null) => {
      const formatter = FORMATTERS.summary
      if (formatter === undefined) throw new Error('summary formatter missing')
      expect(formatter.topic).toBe('summary')
      return formatTemplateData('summary', formatter.values(ofKind('summary', { summary })))
    }
    expect(values(summaryOf())).toEqual({
      ok: true,
      data: {
        date1: { value: '2026-12-03' },
        number2: { value: '12' },
        thing3: { value: 'USD 1,234.50' },
        number4: { value: '2' },
        thing5: { value: '1件案件即将截止' },
      },
    })
    const amounts = [
      { currency: 'JPY', minor: '1200000' },
      { currency: 'SEK', minor: '111122' },
      { currency: 'USD', minor: '123450' },
    ]
    expect(values(summaryOf({ successAmounts: amounts, expiringAuthorizations: 2 }))).toMatchObject({
      ok: true,
      data: { thing3: { value: 'JPY 1,200,000 等3币种' }, thing5: { value: '1件案件即将截止, 2笔预授权将到期' } },
    })
    // Too long with the count of currencies: says how many instead of cutting a number.
    expect(values(summaryOf({ successAmounts: [{ currency: 'USD', minor: '123456789012' }, ...amounts] }))).toMatchObject({
      ok: true,
      data: { thing3: { value: '4种币种, 详见小程序' } },
    })
    expect(values(summaryOf({ successAmounts: [{ currency: 'IDR', minor: '99999999999999999' }] }))).toMatchObject({
      ok: true,
      data: { thing3: { value: '金额较大, 详见小程序' } },
    })
    expect(values(summaryOf({ successCount: 0, successAmounts: [], deadlinesWithin72h: 0 }))).toMatchObject({
      ok: true,
      data: { number2: { value: '0' }, thing3: { value: '无' }, thing5: { value: '暂无临近截止的事项' } },
    })
    // A summary row without its figures is refused rather than sent empty.
    expect(values(null)).toMatchObject({ ok: false })
  })

  it("opens the mini-program's message detail page", () => {
    expect(`/${SUBSCRIBE_MESSAGE_PAGE}`).toBe(ROUTES.messageDetail)
  })
})
