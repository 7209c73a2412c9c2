import { describe, expect, it } from 'vitest'
import type { CurrencyFunds } from '@contract/funds'
import { fundsSections, pickCurrency } from '@/features/funds/funds-sections'
import { translate } from '@/i18n/translate'

// Every figure distinct, so a figure shown under the wrong label cannot pass.
const USD: CurrencyFunds = {
  currency: 'USD',
  settlementMethod: 'weekly-t7',
  period: '2025-05-05 ~ 2025-05-11',
  settleable: { transaction: { currency: 'USD', amount: '1.00' }, afterFees: { currency: 'USD', amount: '2.00' }, deposit: { currency: 'USD', amount: '3.00' } },
  unsettled: {
    transaction: { currency: 'USD', amount: '4.00' },
    afterFeesAndDeposit: { currency: 'USD', amount: '5.00' },
    deposit: { currency: 'USD', amount: '6.00' },
    total: { currency: 'USD', amount: '7.00' },
  },
  transferred: { transaction: { currency: 'USD', amount: '8.00' }, deposit: { currency: 'USD', amount: '9.00' }, total: { currency: 'USD', amount: '10.00' } },
}

describe('fundsSections', () => {
  it('lists every figure of SPEC §3.1 item 2 once, in the seed order and under its label', () => {
    const shown = fundsSections(USD).map((section) => [
      translate('zh-CN', section.title),
      section.lines.map((line) => `${translate('zh-CN', line.label)} ${line.money.amount}${line.total ? ' (total)' : ''}`),
    ])
    expect(shown).toEqual([
      ['可结算金额', ['交易款 1.00', '扣费后参考金额 2.00', '保证金 3.00']],
      ['累计未结算金额', ['交易款 4.00', '扣费/押金后参考金额 5.00', '保证金 6.00', '总计 7.00 (total)']],
      ['累计划款金额', ['交易款 8.00', '保证金 9.00', '总计 10.00 (total)']],
    ])
  })

  it('gives every line a distinct id', () => {
    const ids = fundsSections(USD).flatMap((section) => section.lines.map((line) => line.id))
    expect(new Set(ids).size).toBe(10)
  })
})

describe('pickCurrency', () => {
  const JPY = { ...USD, currency: 'JPY' }
  it('keeps the chosen currency, else falls back to the first', () => {
    expect(pickCurrency([USD, JPY], 'JPY')).toBe(JPY)
    expect(pickCurrency([USD, JPY], undefined)).toBe(USD)
    expect(pickCurrency([USD, JPY], 'EUR')).toBe(USD)
    expect(pickCurrency([], 'USD')).toBeUndefined()
  })
})
