import { describe, expect, it } from 'vitest'
import enUS from '@/i18n/en-US'
import { isLocale, translate } from '@/i18n/translate'
import zhCN from '@/i18n/zh-CN'

describe('string tables', () => {
  it('define the same keys in zh-CN and en-US', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort())
  })

  it('have no empty string in either language', () => {
    for (const table of [zhCN, enUS]) {
      for (const [key, text] of Object.entries(table)) expect(text.trim(), key).not.toBe('')
    }
  })

  it('keep the SPEC empty-state wording in Chinese', () => {
    expect(translate('zh-CN', 'state.empty.title')).toBe('查询结果为空')
    expect(translate('zh-CN', 'state.empty.hint')).toBe('无法查询到相关数据，您可以尝试更换筛选条件再次查询')
  })
})

describe('Chinese punctuation in Chinese (issue 11 item 10)', () => {
  it('uses no ASCII comma, semicolon, question mark, colon or parenthesis in a Chinese text', () => {
    const cjk = /[\u4e00-\u9fff]/
    for (const [key, text] of Object.entries(zhCN)) {
      if (!cjk.test(text)) continue
      expect(text, key).not.toMatch(/[,;?()]|(?<![0-9A-Za-z]):|[\u4e00-\u9fff]:/)
    }
  })
})

describe('translate', () => {
  it('looks a key up in the chosen language', () => {
    expect(translate('zh-CN', 'tab.home')).toBe('首页')
    expect(translate('en-US', 'tab.home')).toBe('Home')
  })

  it('accepts only the two supported locales', () => {
    expect(isLocale('zh-CN')).toBe(true)
    expect(isLocale('en-US')).toBe(true)
    expect(isLocale('fr-FR')).toBe(false)
    expect(isLocale(undefined)).toBe(false)
  })
})
