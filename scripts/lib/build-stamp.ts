/**
 * Decides whether a Taro build is stale: a SHA-256 over every input file's path and bytes, compared with the
 * stamp written after the last successful build. Stamps live in dist/.build-stamps/, outside the served and
 * uploaded folders (Taro empties dist/<platform> on each build).
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export type Platform = 'weapp' | 'h5'

/** What a build reads besides node_modules (whose state package-lock.json stands for). */
export const BUILD_INPUTS = ['src', 'contract', 'config', 'babel.config.js', 'package-lock.json', 'project.config.json', 'tsconfig.json']

/** The file whose presence proves a finished build of that platform. */
const BUILD_OUTPUT: Record<Platform, string> = { weapp: 'app.json', h5: 'index.html' }

function listFiles(root: string, entry: string): string[] {
  const full = path.join(root, entry)
  if (!fs.existsSync(full)) return []
  if (fs.statSync(full).isFile()) return [entry]
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((child) => listFiles(root, path.join(entry, child)))
}

/**
 * Taro inlines TARO_APP_* variables (and NODE_ENV) into the bundle, so a build made with other values is stale too.
 */
function buildEnv(env: Readonly<Record<string, string | undefined>>): string {
  return Object.keys(env)
    .filter((name) => name.startsWith('TARO_APP_'))
    .sort()
    .map((name) => `${name}=${env[name] ?? ''}`)
    .join('\n')
}

export function hashInputs(
  root: string,
  inputs: readonly string[] = BUILD_INPUTS,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const hash = createHash('sha256')
  hash.update(buildEnv(env)).update('\0')
  for (const file of inputs.flatMap((entry) => listFiles(root, entry))) {
    hash.update(file.split(path.sep).join('/')).update('\0').update(fs.readFileSync(path.join(root, file))).update('\0')
  }
  return hash.digest('hex')
}

/** `dist`, or OP_DIST_DIR when set (config/index.ts builds there too). */
export const distRoot = (root: string) => path.resolve(root, process.env.OP_DIST_DIR ?? 'dist')
const stampFile = (root: string, platform: Platform) => path.join(distRoot(root), '.build-stamps', `${platform}.json`)

export function isBuildFresh(root: string, platform: Platform, inputHash = hashInputs(root)): boolean {
  if (!fs.existsSync(path.join(distRoot(root), platform, BUILD_OUTPUT[platform]))) return false
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile(root, platform), 'utf8')) as { inputHash?: string }
    return stamp.inputHash === inputHash
  } catch {
    return false
  }
}

export function writeStamp(root: string, platform: Platform, inputHash = hashInputs(root)): void {
  fs.mkdirSync(path.dirname(stampFile(root, platform)), { recursive: true })
  fs.writeFileSync(stampFile(root, platform), JSON.stringify({ inputHash, builtAt: new Date().toISOString() }) + '\n')
}
