import { describe, expect, it } from 'vitest'
import { checkBins, checkOrderNumbers, checkSite, splitList } from '@/features/tools/inputs'

describe('tool inputs, as the server checks them', () => {
  it('splits one per line or by commas (either width), trimmed, each once', () => {
    expect(splitList(' A1, A2，A3\n\nA1;A4 ')).toEqual(['A1', 'A2', 'A3', 'A4'])
  })

  it('order numbers: 1–100, each ≤ 50 characters', () => {
    expect(checkOrderNumbers('')).toMatchObject({ ok: false, problem: 'empty' })
    expect(checkOrderNumbers(Array.from({ length: 100 }, (_, i) => `O${i}`).join(','))).toMatchObject({ ok: true })
    expect(checkOrderNumbers(Array.from({ length: 101 }, (_, i) => `O${i}`).join(','))).toMatchObject({ ok: false, problem: 'too-many', count: 101 })
    expect(checkOrderNumbers('x'.repeat(51))).toMatchObject({ ok: false, problem: 'too-long' })
  })

  it('BINs: six digits, ≤ 100, spaces separate too', () => {
    expect(checkBins('411111 555555')).toEqual({ ok: true, values: ['411111', '555555'] })
    expect(checkBins('41111')).toMatchObject({ ok: false, problem: 'malformed', bad: ['41111'] })
    expect(checkBins('4111111')).toMatchObject({ ok: false, problem: 'malformed' })
    expect(checkBins(Array.from({ length: 101 }, (_, i) => String(100000 + i)).join('\n'))).toMatchObject({ ok: false, problem: 'too-many' })
  })

  it('site: a bare domain', () => {
    expect(checkSite(' shop.example.com ')).toEqual({ ok: true, site: 'shop.example.com' })
    expect(checkSite('https://shop.example.com')).toEqual({ ok: false, problem: 'format' })
    expect(checkSite('shop.example.com/path')).toEqual({ ok: false, problem: 'format' })
    expect(checkSite('localhost')).toEqual({ ok: false, problem: 'format' })
    expect(checkSite('')).toEqual({ ok: false, problem: 'empty' })
  })
})
