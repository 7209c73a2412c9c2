import { describe, expect, it } from 'vitest'
import { dialNumber } from '@/features/me/customer-service'

describe('dialNumber', () => {
  it('keeps only what a dialler accepts', () => {
    expect(dialNumber('4006-290-296')).toBe('4006290296')
    expect(dialNumber('+86 4006 290 296')).toBe('+864006290296')
  })
})
