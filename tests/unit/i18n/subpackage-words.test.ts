/** The subpackages' own word tables (actions, tools) obey the main table's rules: same keys, no blanks, Chinese punctuation. */
import { describe, expect, it } from 'vitest'
import { ACTION_WORDS } from '@/i18n/features/actions'
import { TOOL_WORDS } from '@/i18n/features/tools'
import { fillParams } from '@/i18n/translate'

const tables = { actions: ACTION_WORDS, tools: TOOL_WORDS } as const

describe.each(Object.entries(tables))('the %s words', (_, table) => {
  it('define the same keys in both languages, none empty', () => {
    expect(Object.keys(table['en-US']).sort()).toEqual(Object.keys(table['zh-CN']).sort())
    for (const language of Object.values(table)) for (const [key, text] of Object.entries(language as Record<string, string>)) expect(text.trim(), key).not.toBe('')
  })

  it('use Chinese punctuation in Chinese', () => {
    const cjk = /[\u4e00-\u9fff]/
    for (const [key, text] of Object.entries(table['zh-CN'])) {
      if (!cjk.test(text)) continue
      expect(text, key).not.toMatch(/[,;?()]|(?<![0-9A-Za-z]):|[\u4e00-\u9fff]:/)
    }
  })
})

describe('fillParams', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(fillParams('退款 {money}', { money: 'USD 1.00' })).toBe('退款 USD 1.00')
    expect(fillParams('{a} {b}', { a: 1 })).toBe('1 {b}')
  })
})
