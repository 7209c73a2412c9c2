/** The machine's load, noted beside every figure: on a shared 2-core machine it explains most of their spread. */
import { execFileSync } from 'node:child_process'

export function uptime(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim()
  } catch {
    return 'uptime unavailable'
  }
}
