/**
 * WeChat's rules per template field type (server/src/push/field-rules.ts) and the formatters of each message kind
 * (push/templates.ts): what is shortened, what is refused, and that every formatter's output obeys the rules.
 */
import { describe, expect, it } from 'vitest'
import { fieldProblem, fieldTypeOf, fitThing } from '../../../server/src/push/field-rules'
import { FORMATTERS, TEMPLATE_KEYS, formatTemplateData, type PushableMessage } from '../../../server/src/push/templates'
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
  ...overrides,
})

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
    const variants = [
      message({ kind: formatter.topic === 'refund' ? 'refund' : (kind as PushableMessage['kind']), refundOutcome: 'succeeded' }),
      message({ reason: 'A reason far longer than twenty characters, as card schemes write them', reasonCode: null }),
      message({ orderNumber: '订单-中文-号码', currency: null, amountMinor: null, reason: null, reasonCode: null }),
      message({ orderNumber: 'X'.repeat(64), deadlineAt: new Date(Date.UTC(2026, 11, 5, 10)), refundOutcome: 'failed' }),
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

  it("opens the mini-program's message detail page", () => {
    expect(`/${SUBSCRIBE_MESSAGE_PAGE}`).toBe(ROUTES.messageDetail)
  })
})
