/**
 * A real server process for the bench (the multi-process tests' launcher: `node --import tsx server/src/main.ts`)
 * on the bench store, development mode so the WeChat emulator can mint login codes, with an admin token to create
 * the accounts; and its resident memory, read from /proc.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { startServerProcess, type ServerProcess } from '../../tests/server/multi-process/server-process'

export interface BenchServer extends ServerProcess {
  adminToken: string
}

/** @param env  the store's variables (DATABASE_URL or DATA_DIR), DEMO_DATA… */
export async function startBenchServer(env: Record<string, string>): Promise<BenchServer> {
  const adminToken = `bench-admin-${randomBytes(24).toString('base64url')}`
  // Opening a million-row store and checking its migrations takes a while on a loaded machine.
  const server = await startServerProcess({ ADMIN_TOKEN: adminToken, LOG_LEVEL: 'info', NODE_ENV: 'development', ...env }, 300_000)
  return { ...server, adminToken }
}

/** Resident set size of a process in MiB (Linux), undefined when it cannot be read. */
export function rssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'))
    return line === undefined ? undefined : Number(line.replace(/\D+/g, '')) / 1024
  } catch {
    return undefined
  }
}
