/**
 * PGlite is Postgres in one process: two processes opening the same data directory both "succeed" and then
 * corrupt it. A lock file next to the directory turns that into a clear start-up error. It records pid and
 * host; a lock whose process is gone (crash, kill -9, or a previous container) is taken over.
 */
import { readFile, unlink, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'

interface LockOwner {
  pid: number
  host: string
}

/** Locks held by this process: a pid match alone cannot tell "ours, still open" from "ours, stale". */
const heldHere = new Set<string>()

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(lockPath, 'utf8'))
    if (typeof parsed === 'object' && parsed !== null && 'pid' in parsed && 'host' in parsed) {
      const { pid, host } = parsed
      if (typeof pid === 'number' && typeof host === 'string') return { pid, host }
    }
    return undefined
  } catch {
    return undefined
  }
}

function isStale(owner: LockOwner | undefined, lockPath: string): boolean {
  if (owner === undefined) return true // unreadable or half-written: no live owner can be proven
  if (owner.host !== hostname()) return true // another host or an earlier container of this one
  if (owner.pid === process.pid) return !heldHere.has(lockPath)
  return !isAlive(owner.pid)
}

/** @returns a release function (idempotent) */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const lockPath = `${dir}.lock`
  const content = JSON.stringify({ pid: process.pid, host: hostname() } satisfies LockOwner)
  for (let attempt = 0; ; attempt += 1) {
    try {
      await writeFile(lockPath, content, { flag: 'wx' })
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = await readOwner(lockPath)
      if (attempt > 0 || !isStale(owner, lockPath)) {
        const who = owner === undefined ? 'another process' : `process ${owner.pid} on ${owner.host}`
        throw new Error(
          `The PGlite data directory ${dir} is in use by ${who}. PGlite allows one process per directory: ` +
            `stop the other server, or use another DATA_DIR. If no server is running, delete ${lockPath}.`,
        )
      }
      await unlink(lockPath).catch(() => undefined)
    }
  }
  heldHere.add(lockPath)

  let released = false
  return async () => {
    if (released) return
    released = true
    heldHere.delete(lockPath)
    await unlink(lockPath).catch(() => undefined)
  }
}
