/**
 * bench/report.json holds the latest figures of each instrument — `npm run bench` per store, each load run, the
 * client's side — and bench/report.md is rendered from all of it whenever one of them writes, misses marked. So
 * one file carries every figure, and re-running one part (the lead after a merge) leaves the others in place.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderClient, type ClientReport } from './report-client'
import { renderLoad, type LoadReport } from './report-load'
import { renderWrites, type WritesReport } from './report-writes'
import { ms, type Summary } from './stats'

export const TARGETS = { p95Ms: 50, serverOverSql: 2, deepOverFirst: 1.2 } as const

export interface ScenarioResult {
  name: string
  group: string
  depth: number
  path: string
  /** Absent when the server's answer was an error (then `failure` says which). */
  server?: Summary
  failure?: string
  raw: Summary
  /** Statements the service ran (and the raw side replays). */
  statements: number
}

export interface BenchReport {
  store: string
  version: string
  size: number
  samples: number
  warmup: number
  groups: string[]
  loadBefore: string
  loadAfter: string
  results: ScenarioResult[]
  deepRatios: Array<{ deep: string; first: string; ratio: number }>
  when?: string
}

export interface ReportFile {
  /** `npm run bench`, by store kind. */
  bench: Partial<Record<'postgres' | 'pglite', BenchReport>>
  /** bench/load.ts runs, by store, processes and shape. */
  load: Record<string, LoadReport>
  client: ClientReport
  /** bench/writes.ts, by store kind. */
  writes: Partial<Record<'postgres' | 'pglite', WritesReport>>
}

const DIR = join(__dirname, '..')
const JSON_FILE = join(DIR, 'report.json')

function readReport(): ReportFile {
  const empty: ReportFile = { bench: {}, load: {}, client: {}, writes: {} }
  if (!existsSync(JSON_FILE)) return empty
  const parsed = JSON.parse(readFileSync(JSON_FILE, 'utf8')) as Partial<ReportFile>
  // An older report.json (the direct-call bench's) has none of these sections: start afresh.
  return { bench: parsed.bench ?? {}, load: parsed.load ?? {}, client: parsed.client ?? {}, writes: parsed.writes ?? {} }
}

/** Applies `change` to report.json and renders report.md from the whole of it. */
export function updateReport(change: (report: ReportFile) => void): void {
  const report = readReport()
  change(report)
  writeFileSync(JSON_FILE, `${JSON.stringify(report, null, 2)}\n`)
  const lines = [
    '# Benchmark report',
    '',
    'Rendered from bench/report.json by the bench scripts (bench/README.md says how to run each). Targets (issue 14): ' +
      `p95 ≤ ${TARGETS.p95Ms} ms per screen, server ÷ raw SQL ≤ ${TARGETS.serverOverSql}, deep ÷ first page ≤ ${TARGETS.deepOverFirst}; ` +
      'load: 0 errors, p95 ≤ 100 ms as people use it on one process; client: < 1,000 WXML nodes, flat setData, H5 ≤ 1.5× a blank page.',
    '',
    ...(['postgres', 'pglite'] as const).flatMap((kind) => {
      const bench = report.bench[kind]
      return bench === undefined ? [] : renderBench(bench)
    }),
    ...renderLoad(report.load),
    ...renderClient(report.client),
    ...renderWrites(report.writes),
  ]
  writeFileSync(join(DIR, 'report.md'), lines.join('\n'))
  console.log(`Wrote ${join(DIR, 'report.md')}`)
}

const ratioOf = (r: ScenarioResult): number => (r.server === undefined ? Number.NaN : r.server.p50 / r.raw.p50)

/** Whether a scenario misses a target (an error answer misses them all). */
const misses = (r: ScenarioResult): boolean => r.server === undefined || r.server.p95 > TARGETS.p95Ms || ratioOf(r) > TARGETS.serverOverSql

function row(r: ScenarioResult): string {
  if (r.server === undefined) {
    return `| ${r.name} | — | — | — | ${ms(r.raw.p50)} | ${ms(r.raw.p95)} | ${r.statements} | — | — | **miss: the server answered ${r.failure ?? 'an error'}** |`
  }
  const ratio = ratioOf(r)
  const missed = [
    r.server.p95 > TARGETS.p95Ms ? 'p95' : '',
    ratio > TARGETS.serverOverSql ? 'server÷SQL' : '',
  ].filter((m) => m !== '')
  return (
    `| ${r.name} | ${ms(r.server.p50)} | ${ms(r.server.p95)} | ${ms(r.server.p99)} | ${ms(r.raw.p50)} | ${ms(r.raw.p95)} | ` +
    `${r.statements} | ${ms(r.server.p50 - r.raw.p50)} | ${ratio.toFixed(2)} | ${missed.length === 0 ? 'ok' : `**miss: ${missed.join(', ')}**`} |`
  )
}

function renderBench(report: BenchReport): string[] {
  const missed = report.results.filter(misses).length
  return [
    `## Screens through the real path: ${report.store}`,
    '',
    `Written by \`npm run bench\` on ${report.when ?? '?'}.`,
    '',
    `- Store: ${report.store} (${report.version.split(' on ')[0] ?? report.version}); ${report.size.toLocaleString('en-US')} transactions of merchant 140105 (+3,000 of 150207)`,
    `- Path: signed GETs over HTTP to a server process (\`node --import tsx server/src/main.ts\`), one session, one request at a time; ${report.warmup} warm-up + ${report.samples} samples per scenario. Raw SQL: the route's service called once through a recording Db, its statements replayed through the driver (same concurrency), same samples.`,
    `- Groups: ${report.groups.join(', ')}`,
    `- Machine load (\`uptime\`) at the start: ${report.loadBefore}`,
    `- … and at the end: ${report.loadAfter}`,
    `- Misses: ${missed} of ${report.results.length} scenarios`,
    '',
    '| Scenario | server p50 ms | p95 | p99 | raw SQL p50 ms | p95 | statements | server − SQL ms | server ÷ SQL | |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...report.results.map(row),
    '',
    '| Deep page ÷ first page (server p50) | ratio | |',
    '|---|---:|---|',
    ...report.deepRatios.map(
      (d) => `| ${d.deep} ÷ ${d.first} | ${d.ratio.toFixed(2)} | ${d.ratio > TARGETS.deepOverFirst ? '**miss**' : 'ok'} |`,
    ),
    '',
  ]
}
