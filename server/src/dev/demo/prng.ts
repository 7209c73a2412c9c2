/**
 * The demo data's own seeded pseudo-random generator: mulberry32 (a well-known 32-bit generator, good enough for
 * plausible-looking data and tiny). Same seed → same sequence on every machine, so the demo data is reproducible.
 * Not for anything secret.
 */

export interface DemoRandom {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** One item chosen with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T
  /** Standard normal variate (Box–Muller). */
  normal(): number
}

/** Turns a number and a label into an independent 32-bit stream seed (FNV-1a over the label, mixed with the seed). */
export function deriveSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0)
  for (let i = 0; i < label.length; i += 1) {
    hash ^= label.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

export function createRandom(seed: number): DemoRandom {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[int(0, items.length - 1)] as T
    },
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      let total = 0
      for (const [, weight] of items) total += weight
      let roll = next() * total
      for (const [item, weight] of items) {
        roll -= weight
        if (roll < 0) return item
      }
      const last = items[items.length - 1]
      if (last === undefined) throw new Error('weighted pick from an empty list')
      return last[0]
    },
    normal(): number {
      // 1 - next() is in (0, 1], so the logarithm is finite.
      return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())
    },
  }
}
