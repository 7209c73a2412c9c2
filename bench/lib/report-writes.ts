/** The writes' side of bench/report.md (bench/writes.ts): what the exact rollups cost an insert, and generation. */

export interface WriteCost {
  rows: number
  /** Median ms with no rollup trigger, with 0014's day facets, with 0014's and 0018's months (0008's on in all). */
  offMs: number
  dayMs: number
  onMs: number
}

export interface WritesReport {
  when: string
  store: string
  /** Demo transactions in the store the inserts are measured on. */
  size: number
  loadBefore: string
  loadAfter: string
  bulk?: WriteCost
  single?: WriteCost
  generation?: { size: number; seconds: number; load: string }
}

/** Issue 14's targets for writes. */
const TARGETS = { insertRatio: 1.5, generationSeconds: 120 } as const

const verdict = (ok: boolean): string => (ok ? 'ok' : '**miss**')

export function renderWrites(writes: Partial<Record<'postgres' | 'pglite', WritesReport>>): string[] {
  return (['postgres', 'pglite'] as const).flatMap((kind) => {
    const w = writes[kind]
    if (w === undefined) return []
    const cost = (label: string, c: WriteCost | undefined): string[] => {
      if (c === undefined) return []
      const ratio = c.onMs / c.offMs
      return [
        `| ${label} | ${c.rows.toLocaleString('en-US')} | ${c.offMs.toFixed(0)} | ${c.dayMs.toFixed(0)} (×${(c.dayMs / c.offMs).toFixed(2)}) | ` +
          `${c.onMs.toFixed(0)} | ${ratio.toFixed(2)} | ${verdict(ratio <= TARGETS.insertRatio)} |`,
      ]
    }
    return [
      `## Writes: the rollups' cost and generation, ${w.store} (bench/writes.ts)`,
      '',
      `Written on ${w.when}; inserts measured on a store of ${w.size.toLocaleString('en-US')} demo transactions, inside transactions rolled back, with no rollup trigger, with 0014's day facets, and with 0018's months too (0008's day totals on in all), medians. Load at the start: ${w.loadBefore}; at the end: ${w.loadAfter}.`,
      '',
      '| insert | rows | no rollup trigger ms | day facets (0014) ms | + months (0018) ms | all ÷ none | ≤ 1.5 |',
      '|---|---:|---:|---:|---:|---:|---|',
      ...cost('one statement of copied payments (a gap fill, a generator chunk)', w.bulk),
      ...cost('one-row statements (a webhook notice, an action)', w.single),
      '',
      ...(w.generation === undefined
        ? []
        : [
            `Generating ${w.generation.size.toLocaleString('en-US')} transactions (+3,000 of 150207) into a fresh store: ${w.generation.seconds.toFixed(1)} s including VACUUM ANALYZE (target < ${TARGETS.generationSeconds} s: ${verdict(w.generation.seconds < TARGETS.generationSeconds)}); load at its start: ${w.generation.load}.`,
            '',
          ]),
    ]
  })
}
