/**
 * The sandbox's seeded pseudo-random generator, keyed by a text seed so the order book is the same on every machine
 * and every run. It is the demo data's generator (mulberry32 seeded by FNV-1a of the text), not a second copy of it.
 * Not for anything secret.
 */
import { createRandom, deriveSeed, type DemoRandom } from '../demo/prng'

export type Prng = DemoRandom

export function createPrng(seed: string): Prng {
  return createRandom(deriveSeed(0, seed))
}
