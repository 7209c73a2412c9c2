import { describe, expect, it } from 'vitest'
import { countryLabel, reasonCategoryLabel, reasonLabel } from '@/i18n/reference-labels'
import { translate, type MessageKey } from '@/i18n/translate'

const zh = (key: MessageKey) => translate('zh-CN', key)
const en = (key: MessageKey) => translate('en-US', key)

describe('the shared country and reason labels', () => {
  it('names a country by its code in each language, and leaves an unknown code as it is', () => {
    expect(countryLabel(zh, 'CA')).toBe('加拿大')
    expect(countryLabel(en, 'CA')).toBe('Canada')
    expect(countryLabel(zh, 'XX')).toBe('XX')
  })

  it('keeps the reason code and gives the text in the language (Chinese shows no English reason)', () => {
    expect(reasonLabel(zh, '20051', 'Insufficient funds')).toBe('20051 余额不足')
    expect(reasonLabel(en, '20051', 'Insufficient funds')).toBe('20051 Insufficient funds')
    expect(reasonLabel(zh, '13.1', 'Merchandise/Services Not Received')).toBe('13.1 未收到商品或服务')
    expect(reasonLabel(zh, 'NEW-1', 'Something new')).toBe('NEW-1 Something new')
    expect(reasonLabel(zh, null, null)).toBeNull()
  })

  it('relabels a chart category made of code and text', () => {
    expect(reasonCategoryLabel(zh, '4837 No Cardholder Authorization')).toBe('4837 未经持卡人授权')
    expect(reasonCategoryLabel(zh, 'unknown')).toBe('unknown')
  })
})
