/**
 * The logger's stdout is written asynchronously (logging/logger.ts): no line may be lost or late for it. A child
 * process logs a burst and exits at once; every line must have reached its stdout, in order, as JSON.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '../../..')

describe('JSON log lines on stdout', () => {
  it('are all written, in order, when the process exits right after logging them', () => {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures/log-burst.ts')], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { i: number; msg: string })
    expect(lines.map((line) => line.i)).toEqual(Array.from({ length: 2000 }, (_, i) => i))
    expect(lines.every((line) => line.msg === 'line')).toBe(true)
  }, 30_000)
})
