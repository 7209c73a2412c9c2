/** The version reported by /api/health: the repo's package.json, read once when the server loads. */
import { readFileSync } from 'node:fs'
import { packageJsonPath } from './paths'

function readVersion(): string {
  const parsed: unknown = JSON.parse(readFileSync(packageJsonPath, 'utf8'))
  if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string') {
    return parsed.version
  }
  throw new Error(`${packageJsonPath} has no "version" string`)
}

export const appVersion = readVersion()
