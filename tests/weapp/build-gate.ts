/**
 * The weapp build gate as a function: compile everything with WeChat's compilers, check app.json's pages and
 * tab bar, and measure the packages. compile-build.ts prints it; compile.test.ts proves it fails when it should.
 */
import {
  EXPECTED_TABS,
  MAIN_PACKAGE_LIMIT,
  SUBPACKAGE_LIMIT,
  listPages,
  measurePackages,
  missingPageFiles,
  oversizedPackages,
  readAppJson,
  tabBarProblems,
  type PackageSize,
} from './build-info'
import { compileMiniProgram, type CompileIssue } from './wx-compiler'

export interface GateOptions {
  expectedTabs?: readonly string[]
  limits?: { main: number; subpackage: number }
}

/** One reason to fail. `file` is relative to the build directory, null when the problem is not in one file. */
export interface GateProblem {
  file: string | null
  line?: number | null
  column?: number | null
  message: string
}

/** "dist/weapp/pages/me/index.wxml:3:2: end tag missing…" — clickable from the repo root. */
export function formatProblem(problem: GateProblem, dirLabel: string): string {
  if (problem.file === null) return problem.message
  const position = problem.line == null ? '' : `:${problem.line}:${problem.column ?? 0}`
  return `${dirLabel}/${problem.file}${position}: ${problem.message}`
}

export interface GateReport {
  dir: string
  pages: { path: string; packageRoot: string | null }[]
  compiled: { wxml: number; wxs: number; wxss: number }
  compileIssues: CompileIssue[]
  /** Every reason to fail; empty means the build passes. */
  problems: GateProblem[]
  packages: PackageSize[]
  totalBytes: number
}

export function checkBuild(dir: string, options: GateOptions = {}): GateReport {
  const app = readAppJson(dir)
  const pages = listPages(app)
  const compiled = compileMiniProgram(
    dir,
    pages.map((page) => page.path),
  )
  const packages = measurePackages(dir, app, options.limits ?? { main: MAIN_PACKAGE_LIMIT, subpackage: SUBPACKAGE_LIMIT })
  const problems: GateProblem[] = [
    ...compiled.issues.map((issue) => ({ ...issue, message: `${issue.message} (${issue.tool})` })),
    ...compiled.missingTemplates.map((page) => ({ file: `${page}.wxml`, message: "no render function in wcc's output" })),
    ...tabBarProblems(app, options.expectedTabs ?? EXPECTED_TABS).map((message) => ({ file: 'app.json', message })),
    ...missingPageFiles(dir, pages).map((file) => ({ file, message: 'missing, but the page is listed in app.json' })),
    ...oversizedPackages(packages).map((message) => ({ file: null, message })),
  ]
  return {
    dir,
    pages,
    compiled: { wxml: compiled.wxml.length, wxs: compiled.wxs.length, wxss: compiled.wxss.length },
    compileIssues: compiled.issues,
    problems,
    packages,
    totalBytes: packages.reduce((sum, size) => sum + size.bytes, 0),
  }
}
