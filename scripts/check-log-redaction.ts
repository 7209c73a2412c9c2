/**
 * `npx tsx scripts/check-log-redaction.ts <log file>`: greps the logs of a server test run (written through
 * SERVER_TEST_LOG_FILE, see tests/server/log-copy.setup.ts) for what must never be logged — phone numbers (the
 * demo's 136/137/138/139 numbers and mainland mobiles in general, international numbers with their +), 64-hex
 * keys, 43-character random tokens and card numbers beyond first 6 / last 4 (issue 12 item 3). Exits 1 on any hit,
 * printing where (never the value itself: the hit is what must not spread), and on an empty or missing file, which
 * would mean the copy did not work rather than that the logs are clean.
 */
import { existsSync, readFileSync } from 'node:fs'
import { isPan } from '../server/src/logging/redact-values'

interface Finding {
  kind: string
  line: number
  /** The hit with its middle starred, so the report itself leaks nothing. */
  masked: string
}

const CHECKS: ReadonlyArray<{ kind: string; pattern: RegExp; confirm?: (match: string) => boolean }> = [
  { kind: 'demo phone (136–139)', pattern: /(?<![\d.])13[6-9]\d{8}(?!\d)/g },
  { kind: 'mainland mobile', pattern: /(?<![\d.])1[3-9]\d{9}(?!\d)/g },
  { kind: 'international phone', pattern: /\+\d{7,15}(?!\d)/g },
  { kind: '64-hex key or token', pattern: /(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])/g },
  {
    kind: 'random 43-character token',
    pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g,
    confirm: (match) => /[A-Z]/.test(match) && /[a-z]/.test(match) && /\d/.test(match),
  },
  {
    kind: 'card number',
    pattern: /(?<![\d.])\d(?:[ -]?\d){12,18}(?!\d)/g,
    confirm: (match) => isPan(match.replace(/[ -]/g, '')),
  },
]

function mask(value: string): string {
  return value.length <= 6 ? '*'.repeat(value.length) : `${value.slice(0, 3)}${'*'.repeat(value.length - 5)}${value.slice(-2)}`
}

/**
 * Request, account and action ids are random UUIDs, not personal data, yet their digit runs may look like a mobile
 * number ("…-e17270292294") or pass a Luhn check by chance: they are blanked before the checks.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi

export function findLeaks(text: string): Finding[] {
  const findings: Finding[] = []
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(UUID, 'uuid')
    for (const { kind, pattern, confirm } of CHECKS) {
      for (const match of line.matchAll(pattern)) {
        if (confirm === undefined || confirm(match[0])) findings.push({ kind, line: index + 1, masked: mask(match[0]) })
      }
    }
  })
  return findings
}

function main(): void {
  const file = process.argv[2]
  if (file === undefined) {
    console.error('usage: check-log-redaction.ts <log file>')
    process.exit(2)
  }
  if (!existsSync(file) || readFileSync(file, 'utf8').trim() === '') {
    console.error(`${file}: no log lines; SERVER_TEST_LOG_FILE was not honoured, so nothing was checked`)
    process.exit(1)
  }
  const text = readFileSync(file, 'utf8')
  const lines = text.split('\n').filter((line) => line !== '').length
  const findings = findLeaks(text)
  if (findings.length === 0) {
    console.log(`log redaction: ${lines} log lines, no phone, token, key or card number`)
    return
  }
  for (const { kind, line, masked } of findings.slice(0, 50)) console.error(`${file}:${line}: ${kind} (${masked})`)
  console.error(`log redaction: ${findings.length} hit(s) in ${lines} log lines`)
  process.exit(1)
}

if (process.argv[1]?.endsWith('check-log-redaction.ts')) main()
