/**
 * The admin API's bearer token: ADMIN_TOKEN when configured; otherwise generated once and kept in
 * DATA_DIR/admin-token (mode 0600), so it survives restarts and the operator can read it from the file.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ServerConfig } from '../config'

export interface AdminToken {
  /** Secret: never log it. */
  token: string
  /** Where it was read from or written to; undefined when it came from ADMIN_TOKEN. */
  file: string | undefined
  /** True when this call created the file. */
  generated: boolean
}

export function adminTokenFile(config: Pick<ServerConfig, 'dataDir'>): string {
  return join(config.dataDir, 'admin-token')
}

async function readToken(file: string): Promise<string | undefined> {
  try {
    const token = (await readFile(file, 'utf8')).trim()
    return token.length >= 32 ? token : undefined
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

export async function resolveAdminToken(config: Pick<ServerConfig, 'adminToken' | 'dataDir'>): Promise<AdminToken> {
  if (config.adminToken !== undefined) return { token: config.adminToken, file: undefined, generated: false }
  const file = adminTokenFile(config)
  const existing = await readToken(file)
  if (existing !== undefined) {
    // Tighten a file someone loosened by hand; the token itself stays valid.
    await chmod(file, 0o600)
    return { token: existing, file, generated: false }
  }
  await mkdir(config.dataDir, { recursive: true })
  const token = randomBytes(32).toString('base64url')
  try {
    // 'wx': when two processes start at once, exactly one writes and the other reads what it wrote.
    await writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    // The other process may not have written its line yet.
    let written = await readToken(file)
    for (let attempt = 0; written === undefined && attempt < 10; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      written = await readToken(file)
    }
    if (written === undefined) throw new Error(`${file} exists but holds no usable token (32+ characters); delete it`)
    return { token: written, file, generated: false }
  }
  return { token, file, generated: true }
}

/** Constant-time: hashing first makes both sides equally long, so not even the length leaks. */
export function tokensEqual(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented, 'utf8').digest()
  const b = createHash('sha256').update(expected, 'utf8').digest()
  return timingSafeEqual(a, b)
}
