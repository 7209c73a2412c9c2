/** The generator on its own (no store): reproducible from its seed, and a year of data with today in it. */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { generateMerchant, dailyCounts } from '../../../../server/src/dev/demo/generate-merchant'
import { DEMO_PROFILE, SECOND_PROFILE, type MerchantProfile } from '../../../../server/src/dev/demo/profiles'
import { DAY_MS, startOfBeijingDay } from '@contract/beijing-time'

const NOW = Date.parse('2025-05-15T08:30:00Z') // 16:30 in Beijing

function hashOf(profile: MerchantProfile, seed: number, now = NOW, count = 2_000): string {
  const hash = createHash('sha256')
  const generator = generateMerchant(profile, { count, now, seed, chunkSize: 333 })
  let step = generator.next()
  while (step.done !== true) {
    hash.update(JSON.stringify(step.value))
    step = generator.next()
  }
  hash.update(JSON.stringify(step.value))
  return hash.digest('hex')
}

describe('demo data generator', () => {
  it('produces exactly the same data from the same seed and time', () => {
    expect(hashOf(DEMO_PROFILE, 7)).toBe(hashOf(DEMO_PROFILE, 7))
    expect(hashOf(SECOND_PROFILE, 7)).toBe(hashOf(SECOND_PROFILE, 7))
  })

  it('produces different data from another seed, another time or another merchant', () => {
    const base = hashOf(DEMO_PROFILE, 7)
    expect(hashOf(DEMO_PROFILE, 8)).not.toBe(base)
    expect(hashOf(DEMO_PROFILE, 7, NOW + DAY_MS)).not.toBe(base)
    expect(hashOf(SECOND_PROFILE, 7)).not.toBe(base)
  })

  it('spreads the count over 365 Beijing days ending today, with business today, none in the future', () => {
    for (const count of [1, 10, 2_000, 1_000_000]) {
      const { firstDay, counts } = dailyCounts(count, NOW)
      expect(counts).toHaveLength(365)
      expect(counts.reduce((a, b) => a + b, 0)).toBe(count)
      expect(counts.every((n) => n >= 0)).toBe(true)
      expect(firstDay).toBe(startOfBeijingDay(NOW) - 364 * DAY_MS)
      expect(counts[364]).toBeGreaterThanOrEqual(Math.min(count, 6))
    }
    const generator = generateMerchant(DEMO_PROFILE, { count: 3_000, now: NOW, seed: 1 })
    const times: number[] = []
    for (let step = generator.next(); step.done !== true; step = generator.next()) {
      times.push(...step.value.map((t) => t.paymentTime))
    }
    expect(times).toHaveLength(3_000)
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW)
    expect(Math.min(...times)).toBeGreaterThanOrEqual(startOfBeijingDay(NOW) - 364 * DAY_MS)
    expect([...times].sort((a, b) => a - b)).toEqual(times)
  })

  it('also works a minute after midnight, when "today" is nearly empty', () => {
    const justAfterMidnight = startOfBeijingDay(NOW) + 60_000
    const generator = generateMerchant(DEMO_PROFILE, { count: 500, now: justAfterMidnight, seed: 3 })
    const today: number[] = []
    for (let step = generator.next(); step.done !== true; step = generator.next()) {
      today.push(...step.value.filter((t) => t.paymentTime >= startOfBeijingDay(NOW)).map((t) => t.paymentTime))
    }
    expect(today.length).toBeGreaterThanOrEqual(6)
    expect(Math.max(...today)).toBeLessThanOrEqual(justAfterMidnight)
  })
})
