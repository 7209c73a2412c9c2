/**
 * Weapp build gate (`npm run test:weapp` runs it before the simulate suite):
 * WeChat's official compilers over all of dist/weapp, app.json's pages and tab bar, and the package size budgets.
 * Exits 1 with file:line messages on any problem; writes the size table to dist/weapp-report.json either way.
 *
 *   npx tsx tests/weapp/compile-build.ts [build dir]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { checkBuild, formatProblem } from './build-gate'
import { REPO_ROOT, WEAPP_DIST, WEAPP_REPORT, formatBytes, formatSizeTable } from './build-info'

function main(): number {
  const dir = path.resolve(process.argv[2] ?? WEAPP_DIST)
  const relative = path.relative(REPO_ROOT, dir)
  const shown = relative === '' || relative.startsWith('..') ? dir : relative
  if (!existsSync(path.join(dir, 'app.json'))) {
    console.error(`✗ ${shown}/app.json not found: build the mini-program first with \`npm run build:weapp\`.`)
    return 1
  }

  const started = Date.now()
  const report = checkBuild(dir)
  const mainCount = report.pages.filter((page) => page.packageRoot === null).length

  console.log(`weapp build gate: ${shown}`)
  console.log(`  compiled ${report.compiled.wxml} .wxml + ${report.compiled.wxs} .wxs (wcc), ${report.compiled.wxss} .wxss (wcsc)`)
  console.log(`  pages: ${report.pages.length} (${mainCount} main, ${report.pages.length - mainCount} in subpackages)`)
  console.log('')
  console.log(formatSizeTable(report.packages))
  console.log(`total ${formatBytes(report.totalBytes)}`)
  console.log('')

  // Only meaningful for the real build; a gate run on another directory must not overwrite it.
  if (dir === WEAPP_DIST) {
    mkdirSync(path.dirname(WEAPP_REPORT), { recursive: true })
    const json = {
      generatedAt: new Date().toISOString(),
      buildDir: shown,
      ok: report.problems.length === 0,
      problems: report.problems.map((problem) => formatProblem(problem, shown)),
      compiled: report.compiled,
      pages: report.pages,
      packages: report.packages,
      totalBytes: report.totalBytes,
    }
    writeFileSync(WEAPP_REPORT, `${JSON.stringify(json, null, 2)}\n`)
    console.log(`report written to ${path.relative(REPO_ROOT, WEAPP_REPORT)}`)
  }

  if (report.problems.length > 0) {
    console.error(`✗ weapp build gate failed (${report.problems.length} problem(s)):`)
    for (const problem of report.problems) console.error(`  ${formatProblem(problem, shown)}`)
    return 1
  }
  console.log(`✓ weapp build gate passed in ${Date.now() - started} ms`)
  return 0
}

process.exitCode = main()
