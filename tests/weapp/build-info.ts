/**
 * Facts about a weapp build directory (dist/weapp or a test fixture): its pages, tab bar and package sizes.
 * Shared by the build gate (compile-build.ts) and the vitest suites so both read the build the same way.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
/** OP_DIST_DIR: the same override config/index.ts builds into. */
const DIST_ROOT = path.resolve(REPO_ROOT, process.env.OP_DIST_DIR ?? 'dist')
export const WEAPP_DIST = path.join(DIST_ROOT, 'weapp')
/** Next to dist/weapp, not inside it, so the report is never uploaded with the mini-program. */
export const WEAPP_REPORT = path.join(DIST_ROOT, 'weapp-report.json')

/** Our budgets, stricter than WeChat's 2 MB per package so that growth shows up long before an upload fails. */
export const MAIN_PACKAGE_LIMIT = 1024 * 1024
export const SUBPACKAGE_LIMIT = 1.5 * 1024 * 1024

/** The tab bar the product defines (home, messages, me), in this order: setTabBarItem addresses tabs by index. */
export const EXPECTED_TABS: readonly string[] = ['pages/home/index', 'pages/messages/index', 'pages/me/index']

export interface SubPackageJson {
  root: string
  name?: string
  pages: string[]
  independent?: boolean
}

export interface AppJson {
  pages: string[]
  subPackages?: SubPackageJson[]
  /** WeChat accepts both spellings. */
  subpackages?: SubPackageJson[]
  tabBar?: { list: { pagePath: string; text: string }[] }
}

export interface PageEntry {
  /** Path without extension, as in app.json and wx.navigateTo urls (without the leading slash). */
  path: string
  /** The subpackage root, or null for the main package. */
  packageRoot: string | null
}

export function readAppJson(dir: string): AppJson {
  const file = path.join(dir, 'app.json')
  if (!existsSync(file)) throw new Error(`${file} not found`)
  const json = JSON.parse(readFileSync(file, 'utf8')) as AppJson
  if (!Array.isArray(json.pages)) throw new Error(`${file} has no "pages" array`)
  return json
}

export function subPackagesOf(app: AppJson): SubPackageJson[] {
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])]
}

/** Every page of the app: main package first, then each subpackage's pages prefixed with its root. */
export function listPages(app: AppJson): PageEntry[] {
  const main = app.pages.map((page) => ({ path: page, packageRoot: null }))
  const sub = subPackagesOf(app).flatMap((pkg) =>
    pkg.pages.map((page) => ({ path: `${trimSlashes(pkg.root)}/${page}`, packageRoot: trimSlashes(pkg.root) })),
  )
  return [...main, ...sub]
}

/** Every file under dir, as posix paths relative to it. */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(child)
      else if (entry.isFile()) out.push(child)
    }
  }
  walk('')
  return out.sort()
}

/** The files a page needs at runtime; .wxss is optional (WeChat runs a page without styles). */
export const REQUIRED_PAGE_FILES = ['.js', '.json', '.wxml'] as const

export function missingPageFiles(dir: string, pages: readonly PageEntry[]): string[] {
  return pages.flatMap((page) =>
    REQUIRED_PAGE_FILES.map((ext) => `${page.path}${ext}`).filter((file) => !existsSync(path.join(dir, file))),
  )
}

/** Problems with the tab bar, empty when it lists exactly EXPECTED_TABS in order. */
export function tabBarProblems(app: AppJson, expected: readonly string[] = EXPECTED_TABS): string[] {
  const actual = app.tabBar?.list.map((tab) => tab.pagePath) ?? []
  const problems: string[] = []
  if (actual.join('\n') !== expected.join('\n')) {
    problems.push(`tabBar lists [${actual.join(', ')}], expected exactly [${expected.join(', ')}]`)
  }
  // WeChat refuses tab pages that live in a subpackage.
  for (const tab of actual) {
    if (!app.pages.includes(tab)) problems.push(`tab page ${tab} is not in the main package's "pages"`)
  }
  return problems
}

export interface PackageSize {
  /** "main" or the subpackage root, e.g. "subpackages/finance". */
  name: string
  bytes: number
  files: number
  limit: number
}

/**
 * Bytes per package, the way WeChat splits an upload: a file belongs to the subpackage whose root contains it,
 * everything else (including anything under packages/ that no subpackage claims) to the main package.
 * Every file counts, even LICENSE texts: that overestimates slightly, which is the safe side for a budget.
 */
export function measurePackages(
  dir: string,
  app: AppJson,
  limits: { main: number; subpackage: number } = { main: MAIN_PACKAGE_LIMIT, subpackage: SUBPACKAGE_LIMIT },
): PackageSize[] {
  const roots = subPackagesOf(app).map((pkg) => trimSlashes(pkg.root))
  const sizes = new Map<string, PackageSize>([['main', { name: 'main', bytes: 0, files: 0, limit: limits.main }]])
  for (const root of roots) sizes.set(root, { name: root, bytes: 0, files: 0, limit: limits.subpackage })
  for (const file of listFiles(dir)) {
    const owner = roots.find((root) => file.startsWith(`${root}/`)) ?? 'main'
    const size = sizes.get(owner)
    if (!size) continue
    size.bytes += statSync(path.join(dir, file)).size
    size.files += 1
  }
  return [...sizes.values()]
}

export function oversizedPackages(sizes: readonly PackageSize[]): string[] {
  return sizes
    .filter((size) => size.bytes > size.limit)
    .map((size) => `${size.name} is ${formatBytes(size.bytes)}, over its budget of ${formatBytes(size.limit)}`)
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`
}

/** A fixed-width table for the console. */
export function formatSizeTable(sizes: readonly PackageSize[]): string {
  const rows = [
    ['package', 'files', 'size', 'budget', 'used'],
    ...sizes.map((size) => [
      size.name,
      String(size.files),
      formatBytes(size.bytes),
      formatBytes(size.limit),
      `${((size.bytes / size.limit) * 100).toFixed(1)}%`,
    ]),
  ]
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
  return rows
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '))
    .join('\n')
}

function trimSlashes(value: string): string {
  return value.replace(/^\/+|\/+$/g, '')
}
