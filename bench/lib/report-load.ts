/** The load runs' section of bench/report.md (bench/load.ts writes the figures). */
import { ms, type Summary } from './stats'

export interface LoadReport {
  when: string
  store: string
  processes: number
  shape: 'people' | 'flat'
  sessions: number
  seconds: number
  requests: number
  requestsPerSecond: number
  latency: Summary
  /** Every answer that was not the route's success, and every request given up on or failed on the socket. */
  errors: number
  errorsByKind: Record<string, number>
  byRoute: Array<{ route: string } & Summary>
  /** Peak resident memory of each server process, MiB. */
  serverRssMiB: number[]
  clientLoopDelayP99Ms: number
  loadBefore: string
  loadAfter: string
  /** PostgreSQL only: what the server's connections were doing, sampled every 250 ms during the run. */
  waits?: Array<{ what: string; share: number }>
}

export function renderLoad(runs: Record<string, LoadReport>): string[] {
  const list = Object.values(runs)
  if (list.length === 0) return []
  return [
    '## Load: 200 logged-in sessions (bench/load.ts)',
    '',
    '"people": each session opens the screens a merchant opens, in order, 2–5 s between taps; "flat": each session keeps one request in flight.',
    '',
    '| Store | processes | shape | sessions × s | req/s | p50 ms | p95 | p99 | max | errors | server RSS MiB (peak) | when | load at start → end |',
    '|---|---:|---|---|---:|---:|---:|---:|---:|---:|---|---|---|',
    ...list.map(
      (r) =>
        `| ${r.store} | ${r.processes} | ${r.shape} | ${r.sessions} × ${r.seconds} | ${r.requestsPerSecond.toFixed(0)} | ${ms(r.latency.p50)} | ` +
        `${ms(r.latency.p95)} | ${ms(r.latency.p99)} | ${ms(r.latency.max)} | ${r.errors === 0 ? '0' : `**${r.errors}** ${JSON.stringify(r.errorsByKind)}`} | ` +
        `${r.serverRssMiB.map((m) => m.toFixed(0)).join(' + ')} | ${r.when} | ${loadAverage(r.loadBefore)} → ${loadAverage(r.loadAfter)} |`,
    ),
    '',
    ...list.flatMap((r) =>
      r.waits === undefined || r.waits.length === 0
        ? []
        : [
            `PostgreSQL connections during ${r.store} / ${r.processes} process(es) / ${r.shape} (share of samples of the server's connections):`,
            '',
            ...r.waits.slice(0, 12).map((w) => `- ${(100 * w.share).toFixed(1)} % ${w.what}`),
            '',
          ],
    ),
    ...list.flatMap((r) => [
      `<details><summary>${r.store} / ${r.processes} process(es) / ${r.shape}: per route</summary>`,
      '',
      '| route | n | p50 | p95 | p99 | max |',
      '|---|---:|---:|---:|---:|---:|',
      ...r.byRoute.map((x) => `| ${x.route} | ${x.samples} | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.p99)} | ${ms(x.max)} |`),
      '',
      '</details>',
      '',
    ]),
  ]
}

/** "load average: a, b, c" of an uptime line, or the line. */
function loadAverage(uptime: string): string {
  return /load average: (.*)$/.exec(uptime)?.[1] ?? uptime
}
