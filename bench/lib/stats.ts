/** Percentiles of timings, the one definition the bench and the load test report with. */

export interface Summary {
  samples: number
  p50: number
  p95: number
  p99: number
  max: number
}

/** Nearest-rank percentile of ascending `sorted` (NaN when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]
}

export function summarize(timings: readonly number[]): Summary {
  const sorted = [...timings].sort((a, b) => a - b)
  return { samples: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN }
}

export const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '—')
