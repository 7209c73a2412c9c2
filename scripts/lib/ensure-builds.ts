/** Builds the weapp and H5 bundles when missing or stale (see build-stamp.ts), one after the other. */
import { spawnSync } from 'node:child_process'
import { stripVTControlCharacters } from 'node:util'
import { hashInputs, isBuildFresh, writeStamp, type Platform } from './build-stamp'

export function ensureBuild(root: string, platform: Platform, log: (line: string) => void = console.log): 'fresh' | 'built' {
  const inputHash = hashInputs(root)
  if (isBuildFresh(root, platform, inputHash)) return 'fresh'
  log(`Building the ${platform} bundle (its sources changed or it is missing)…`)
  // Taro prints webpack's stats with colours whatever the output is: a terminal shows them, a log file or CI would
  // get raw escape codes, so those get the text without them.
  const terminal = process.stdout.isTTY === true
  const result = spawnSync('npx', ['taro', 'build', '--type', platform], {
    cwd: root,
    stdio: terminal ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 64 * 1024 * 1024,
  })
  if (!terminal) {
    process.stdout.write(stripVTControlCharacters(result.stdout?.toString('utf8') ?? ''))
    process.stderr.write(stripVTControlCharacters(result.stderr?.toString('utf8') ?? ''))
  }
  if (result.status !== 0) throw new Error(`taro build --type ${platform} failed (exit ${result.status ?? 'signal'})`)
  writeStamp(root, platform, inputHash)
  return 'built'
}

export function ensureBuilds(root: string, platforms: readonly Platform[] = ['weapp', 'h5']): void {
  for (const platform of platforms) ensureBuild(root, platform)
}

// `tsx scripts/lib/ensure-builds.ts [weapp|h5 …]`: what `npm test` uses before the build-dependent layers.
if (require.main === module) {
  const asked = process.argv.slice(2).filter((arg): arg is Platform => arg === 'weapp' || arg === 'h5')
  ensureBuilds(process.cwd(), asked.length > 0 ? asked : undefined)
}
