/** bench/report.md and bench/report.json of `npm run bench`: every figure of one run, misses marked. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ms, type Summary } from './stats'

export const TARGETS = { p95Ms: 50, serverOverSql: 2, deepOverFirst: 1.2 } as const

export interface ScenarioResult {
  name: string
  group: string
  depth: number
  path: string
  server: Summary
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
}

const ratioOf = (r: ScenarioResult): number => r.server.p50 / r.raw.p50

function row(r: ScenarioResult): string {
  const ratio = ratioOf(r)
  const misses = [
    r.server.p95 > TARGETS.p95Ms ? 'p95' : '',
    ratio > TARGETS.serverOverSql ? 'server÷SQL' : '',
  ].filter((m) => m !== '')
  return (
    `| ${r.name} | ${ms(r.server.p50)} | ${ms(r.server.p95)} | ${ms(r.server.p99)} | ${ms(r.raw.p50)} | ${ms(r.raw.p95)} | ` +
    `${r.statements} | ${ratio.toFixed(2)} | ${misses.length === 0 ? 'ok' : `**miss: ${misses.join(', ')}**`} |`
  )
}

export function writeReport(report: BenchReport): void {
  const when = new Date().toISOString()
  const dir = join(__dirname, '..')
  writeFileSync(join(dir, 'report.json'), `${JSON.stringify({ ...report, when, targets: TARGETS }, null, 2)}\n`)
  const misses = report.results.filter((r) => r.server.p95 > TARGETS.p95Ms || ratioOf(r) > TARGETS.serverOverSql).length
  const lines = [
    '# Benchmark: every screen through the real path',
    '',
    `Written by \`npm run bench\` on ${when}.`,
    '',
    `- Store: ${report.store} (${report.version.split(' on ')[0] ?? report.version}); ${report.size.toLocaleString('en-US')} transactions of merchant 140105 (+3,000 of 150207)`,
    `- Path: signed GETs over HTTP to a server process (\`node --import tsx server/src/main.ts\`), one session, one request at a time; ${report.warmup} warm-up + ${report.samples} samples per scenario. Raw SQL: the route's service called once through a recording Db, its statements replayed through the driver (same concurrency), same samples.`,
    `- Groups: ${report.groups.join(', ')}`,
    `- Targets: p95 ≤ ${TARGETS.p95Ms} ms; server ÷ raw SQL ≤ ${TARGETS.serverOverSql} (p50 ÷ p50); deep ÷ first page ≤ ${TARGETS.deepOverFirst} (p50 ÷ p50)`,
    `- Machine load (\`uptime\`) at the start: ${report.loadBefore}`,
    `- … and at the end: ${report.loadAfter}`,
    `- Misses: ${misses} of ${report.results.length} scenarios`,
    '',
    '| Scenario | server p50 ms | p95 | p99 | raw SQL p50 ms | p95 | statements | server ÷ SQL | |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...report.results.map(row),
    '',
    '| Deep page ÷ first page (server p50) | ratio | |',
    '|---|---:|---|',
    ...report.deepRatios.map(
      (d) => `| ${d.deep} ÷ ${d.first} | ${d.ratio.toFixed(2)} | ${d.ratio > TARGETS.deepOverFirst ? '**miss**' : 'ok'} |`,
    ),
    '',
  ]
  writeFileSync(join(dir, 'report.md'), lines.join('\n'))
  console.log(`Wrote ${join(dir, 'report.md')}`)
}
