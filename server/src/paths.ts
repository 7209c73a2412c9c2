/**
 * Filesystem locations derived from where this file lives, so the server behaves the same whatever the
 * working directory it was started from.
 */
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const serverSrcDir = dirname(fileURLToPath(import.meta.url))

export const repoRoot = resolve(serverSrcDir, '..', '..')
export const migrationsDir = resolve(serverSrcDir, '..', 'migrations')
export const packageJsonPath = join(repoRoot, 'package.json')
/** Where `taro build --type h5` writes (config/index.ts: outputRoot `dist/${platform}`). */
export const defaultH5Dir = resolve(repoRoot, process.env.OP_DIST_DIR ?? 'dist', 'h5')
